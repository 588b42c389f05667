import { existsSync, statSync } from "node:fs";
import { ModelNotFoundError, VoxpipeError, type AdapterContext } from "@voxpipe/core";
import { startProgress } from "@voxpipe/core/adapter-kit";
import { downloadFile } from "./download-file.js";
import { InferenceWorker } from "./inference-worker.js";
import { audioFromOutput, buildFeeds, planInputs, type InputPlan, type Scales } from "./model-inputs.js";
import type { FileSource } from "./model-source.js";
import { raceAbort } from "./race-abort.js";

/** How to load the model. */
export interface PiperModelOptions {
  source: FileSource;
  executionProviders: readonly string[];
  threads: number | undefined;
  log: AdapterContext["log"];
  /** Where download and load progress is shown (see `AdapterContext.progress`). */
  progress?: AdapterContext["progress"];
}

interface Loaded {
  worker: InferenceWorker;
  plan: InputPlan;
}

/**
 * The ONNX model of a voice: downloaded if need be and loaded into one
 * onnxruntime session (in a worker thread) on first use, then reused by every
 * request until `dispose`.
 */
export class PiperModel {
  readonly #options: PiperModelOptions;
  #loading: Promise<Loaded> | undefined;
  /** What `#loading` resolved to, so a run on a loaded model reaches the worker without a turn of the microtask queue. */
  #loaded: Loaded | undefined;
  #download = new AbortController();
  #sessionsCreated = 0;

  constructor(options: PiperModelOptions) {
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
  load(signal?: AbortSignal): Promise<Loaded> {
    if (!this.#loading) {
      const loading: Promise<Loaded> = this.#create().then(
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
   * One inference: phoneme ids → PCM in [-1, 1]. On a loaded model the ids are
   * posted to the worker before this returns, so the caller can prepare the next
   * sentence while this one runs. An abort stops the waiting at once; the run
   * itself finishes in the worker.
   */
  run(ids: readonly number[], scales: Scales, speakerId: number, signal?: AbortSignal): Promise<Float32Array> {
    const loaded = this.#loaded;
    if (loaded) return this.#runOn(loaded, ids, scales, speakerId, signal);
    return this.load(signal).then((now) => this.#runOn(now, ids, scales, speakerId, signal));
  }

  async #runOn({ worker, plan }: Loaded, ids: readonly number[], scales: Scales, speakerId: number, signal: AbortSignal | undefined): Promise<Float32Array> {
    let output;
    try {
      output = await raceAbort(worker.run(buildFeeds(plan, ids, scales, speakerId), plan.outputName), signal);
    } catch (error) {
      if (VoxpipeError.isInstance(error)) throw error;
      throw new VoxpipeError({
        code: "inference-failed",
        stage: "tts",
        message: `piper: inference failed on ${this.path} with ${ids.length} phoneme ids: ${error instanceof Error ? error.message : String(error)}`,
        cause: error,
      });
    }
    return audioFromOutput(output, this.path);
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

  async #create(): Promise<Loaded> {
    const { source, log, progress, executionProviders, threads } = this.#options;
    if (source.kind === "remote") await downloadFile({ url: source.url, destination: source.path, log, progress, signal: this.#download.signal });
    if (!existsSync(source.path)) {
      throw new ModelNotFoundError(`piper: the voice model ${source.path} is gone (it existed when the adapter was created). Put it back or fix the "model" option.`, [source.path], "tts");
    }
    const megabytes = (statSync(source.path).size / (1024 * 1024)).toFixed(1);
    const loading = startProgress({ log, progress }, `piper: loading voice ${source.path} (${megabytes} MB, onnxruntime on ${executionProviders.join(", ")})`);
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
          `piper: onnxruntime could not load ${source.path} with execution providers [${executionProviders.join(", ")}]: ` +
          `${error instanceof Error ? error.message : String(error)}. Check that it is a complete Piper .onnx voice (download it again if it may be truncated) ` +
          `and that the execution providers are available (["cpu"] always is).`,
        cause: error,
      });
    }
    loading.done();
    log("info", `piper: loaded voice ${source.path} in ${Math.round(performance.now() - loadStarted)} ms`);
    this.#sessionsCreated++;
    try {
      return { worker: started.worker, plan: planInputs(started.signature, source.path) };
    } catch (error) {
      await started.worker.terminate();
      throw error;
    }
  }
}
