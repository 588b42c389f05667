import { existsSync } from "node:fs";
import type { InferenceSession, Tensor } from "onnxruntime-node";
import { ModelNotFoundError, VoxpipeError, type AdapterContext } from "@voxpipe/core";
import { downloadFile } from "./download-file.js";
import { audioFromOutput, buildFeeds, planInputs, type InputPlan, type Scales } from "./model-inputs.js";
import type { FileSource } from "./model-source.js";
import { raceAbort } from "./race-abort.js";

/** How to load the model. */
export interface PiperModelOptions {
  source: FileSource;
  executionProviders: readonly string[];
  threads: number | undefined;
  log: AdapterContext["log"];
}

interface Loaded {
  session: InferenceSession;
  plan: InputPlan;
  TensorClass: typeof Tensor;
}

/**
 * The ONNX model of a voice: downloaded if need be and loaded into one
 * onnxruntime session on first use, then reused by every request. Runs use
 * onnxruntime's async `run`, which works on its own threads, off the event loop.
 */
export class PiperModel {
  readonly #options: PiperModelOptions;
  #loading: Promise<Loaded> | undefined;
  #download = new AbortController();
  readonly #inFlight = new Set<Promise<unknown>>();
  #sessionsCreated = 0;

  constructor(options: PiperModelOptions) {
    this.#options = options;
  }

  /** How many onnxruntime sessions this model has created (1 after any number of requests, unless disposed in between). */
  get sessionsCreated(): number {
    return this.#sessionsCreated;
  }

  get path(): string {
    return this.#options.source.path;
  }

  /** Loads the model once; later calls share the same session. `signal` only stops the waiting. */
  load(signal?: AbortSignal): Promise<Loaded> {
    this.#loading ??= this.#create().catch((error: unknown) => {
      this.#loading = undefined;
      throw error;
    });
    return raceAbort(this.#loading, signal);
  }

  /** One inference: phoneme ids → PCM in [-1, 1]. */
  async run(ids: readonly number[], scales: Scales, speakerId: number, signal?: AbortSignal): Promise<Float32Array> {
    const { session, plan, TensorClass } = await this.load(signal);
    const feeds = buildFeeds(plan, ids, scales, speakerId, TensorClass);
    const running = session.run(feeds, [plan.outputName]);
    this.#inFlight.add(running);
    void running.then(
      () => this.#inFlight.delete(running),
      () => this.#inFlight.delete(running),
    );
    let outputs: InferenceSession.ReturnType;
    try {
      outputs = await raceAbort(running, signal);
    } catch (error) {
      if (VoxpipeError.isInstance(error)) throw error;
      throw new VoxpipeError({
        code: "inference-failed",
        stage: "tts",
        message: `piper: inference failed on ${this.path} with ${ids.length} phoneme ids: ${error instanceof Error ? error.message : String(error)}`,
        cause: error,
      });
    }
    return audioFromOutput(outputs[plan.outputName], this.path);
  }

  /** Stops a download, waits for runs in flight, frees the session. Idempotent; a later request loads again. */
  async dispose(): Promise<void> {
    this.#download.abort();
    this.#download = new AbortController();
    const loading = this.#loading;
    this.#loading = undefined;
    if (!loading) return;
    const loaded = await loading.catch(() => undefined);
    await Promise.allSettled([...this.#inFlight]);
    await loaded?.session.release();
  }

  async #create(): Promise<Loaded> {
    const { source, log } = this.#options;
    if (source.kind === "remote") await downloadFile({ url: source.url, destination: source.path, log, signal: this.#download.signal });
    if (!existsSync(source.path)) {
      throw new ModelNotFoundError(`piper: the voice model ${source.path} is gone (it existed when the adapter was created). Put it back or fix the "model" option.`, [source.path], "tts");
    }
    const ort = await import("onnxruntime-node");
    let session: InferenceSession;
    try {
      session = await ort.InferenceSession.create(source.path, {
        executionProviders: [...this.#options.executionProviders],
        graphOptimizationLevel: "all",
        ...(this.#options.threads === undefined ? {} : { intraOpNumThreads: this.#options.threads }),
      });
    } catch (error) {
      throw new VoxpipeError({
        code: "model-load-failed",
        stage: "tts",
        message:
          `piper: onnxruntime could not load ${source.path} with execution providers [${this.#options.executionProviders.join(", ")}]: ` +
          `${error instanceof Error ? error.message : String(error)}. Check that it is a complete Piper .onnx voice (download it again if it may be truncated) ` +
          `and that the execution providers are available (["cpu"] always is).`,
        cause: error,
      });
    }
    this.#sessionsCreated++;
    try {
      return { session, plan: planInputs(session, source.path), TensorClass: ort.Tensor };
    } catch (error) {
      await session.release();
      throw error;
    }
  }
}
