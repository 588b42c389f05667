import { existsSync, statSync } from "node:fs";
import { ModelNotFoundError, VoxpipeError, type AdapterContext } from "@voxpipe/core";
import { downloadFile, raceAbort, startProgress, type FileSource } from "@voxpipe/core/adapter-kit";
import { InferenceWorker } from "./inference-worker.js";
import type { ModelSignature, TensorData } from "./tensor-data.js";

/** How an adapter names its model in messages. */
export interface OnnxModelNaming {
  /** The prefix of every log line and error, e.g. "piper". */
  label: string;
  /** What a load is called in progress lines, e.g. "voice" → "piper: loading voice …". */
  loading: string;
  /** What the file is called when it has gone, e.g. "voice model" → "piper: the voice model … is gone". */
  file: string;
  /** What a good file is, for a load failure: e.g. "a complete Piper .onnx voice". */
  expected: string;
}

/** How to load the model. */
export interface OnnxModelOptions<Plan extends { outputName: string }> {
  naming: OnnxModelNaming;
  source: FileSource;
  executionProviders: readonly string[];
  /** onnxruntime intra-op threads; undefined lets onnxruntime choose. */
  threads: number | undefined;
  log: AdapterContext["log"];
  /** Where download and load progress is shown (see `AdapterContext.progress`). */
  progress?: AdapterContext["progress"];
  /** Checks what the loaded model declares and works out how to feed it; throws (naming what does not fit) to refuse the model. */
  plan(signature: ModelSignature, path: string): Plan;
}

/** A loaded model: its worker and the plan made from what it declares. */
export interface LoadedOnnxModel<Plan> {
  worker: InferenceWorker;
  plan: Plan;
}

/**
 * An ONNX model file: downloaded if need be and loaded into one onnxruntime
 * session (in a worker thread) on first use, then reused by every request
 * until `dispose`.
 */
export class OnnxModel<Plan extends { outputName: string }> {
  readonly #options: OnnxModelOptions<Plan>;
  #loading: Promise<LoadedOnnxModel<Plan>> | undefined;
  /** What `#loading` resolved to, so a run on a loaded model reaches the worker without a turn of the microtask queue. */
  #loaded: LoadedOnnxModel<Plan> | undefined;
  #download = new AbortController();
  #sessionsCreated = 0;

  constructor(options: OnnxModelOptions<Plan>) {
    this.#options = options;
  }

  /** onnxruntime sessions created so far: 1 after any number of requests, unless disposed in between. */
  get sessionsCreated(): number {
    return this.#sessionsCreated;
  }

  get path(): string {
    return this.#options.source.path;
  }

  /** Loads the model once; later calls share it. `signal` only stops this caller's waiting. */
  load(signal?: AbortSignal): Promise<LoadedOnnxModel<Plan>> {
    if (!this.#loading) {
      const loading: Promise<LoadedOnnxModel<Plan>> = this.#create().then(
        (loaded) => {
          if (this.#loading === loading) this.#loaded = loaded;
          return loaded;
        },
        (error: unknown) => {
          if (this.#loading === loading) this.#loading = undefined;
          throw error;
        },
      );
      this.#loading = loading;
    }
    return raceAbort(this.#loading, signal);
  }

  /**
   * One inference: `feedsFor(plan)` → the model's output named by the plan (`run` is left to an adapter's
   * subclass, in its own terms, e.g. phoneme ids → PCM).
   * On a loaded model the feeds are posted to the worker before this returns,
   * so the caller can prepare the next run meanwhile. An abort stops the
   * waiting at once; the run itself finishes in the worker. `inputs` describes
   * the run in an error, e.g. "12 phoneme ids".
   */
  infer(feedsFor: (plan: Plan) => Record<string, TensorData>, inputs: string, signal?: AbortSignal): Promise<TensorData> {
    const loaded = this.#loaded;
    if (loaded) return this.#runOn(loaded, feedsFor, inputs, signal);
    return this.load(signal).then((now) => this.#runOn(now, feedsFor, inputs, signal));
  }

  async #runOn({ worker, plan }: LoadedOnnxModel<Plan>, feedsFor: (plan: Plan) => Record<string, TensorData>, inputs: string, signal: AbortSignal | undefined): Promise<TensorData> {
    try {
      return await raceAbort(worker.run(feedsFor(plan), plan.outputName), signal);
    } catch (error) {
      if (VoxpipeError.isInstance(error)) throw error;
      throw new VoxpipeError({
        code: "inference-failed",
        stage: "tts",
        message: `${this.#options.naming.label}: inference failed on ${this.path} with ${inputs}: ${error instanceof Error ? error.message : String(error)}`,
        cause: error,
      });
    }
  }

  /** Stops a download, stops the worker and frees the session. Idempotent; a later request loads again. */
  async dispose(): Promise<void> {
    this.#download.abort();
    this.#download = new AbortController();
    const loading = this.#loading;
    this.#loading = undefined;
    this.#loaded = undefined;
    const loaded = await loading?.catch(() => undefined);
    await loaded?.worker.terminate();
  }

  async #create(): Promise<LoadedOnnxModel<Plan>> {
    const { naming, source, log, progress, executionProviders, threads } = this.#options;
    const { label } = naming;
    if (source.kind === "remote") await downloadFile({ label, url: source.url, destination: source.path, log, progress, signal: this.#download.signal });
    if (!existsSync(source.path)) {
      throw new ModelNotFoundError(`${label}: the ${naming.file} ${source.path} is gone (it existed when the adapter was created). Put it back or fix the "model" option.`, [source.path], "tts");
    }
    const megabytes = (statSync(source.path).size / (1024 * 1024)).toFixed(1);
    const loading = startProgress({ log, progress }, `${label}: loading ${naming.loading} ${source.path} (${megabytes} MB, onnxruntime on ${executionProviders.join(", ")})`);
    const loadStarted = performance.now();
    let started;
    try {
      started = await InferenceWorker.start(source.path, {
        executionProviders: [...executionProviders],
        graphOptimizationLevel: "all",
        ...(threads === undefined ? {} : { intraOpNumThreads: threads }),
      });
    } catch (error) {
      loading.failed();
      throw new VoxpipeError({
        code: "model-load-failed",
        stage: "tts",
        message:
          `${label}: onnxruntime could not load ${source.path} with execution providers [${executionProviders.join(", ")}]: ` +
          `${error instanceof Error ? error.message : String(error)}. Check that it is ${naming.expected} (download it again if it may be truncated) ` +
          `and that the execution providers are available (["cpu"] always is).`,
        cause: error,
      });
    }
    loading.done();
    log("info", `${label}: loaded ${naming.loading} ${source.path} in ${Math.round(performance.now() - loadStarted)} ms`);
    this.#sessionsCreated++;
    try {
      return { worker: started.worker, plan: this.#options.plan(started.signature, source.path) };
    } catch (error) {
      await started.worker.terminate();
      throw error;
    }
  }
}
