import type { AdapterContext } from "@voxpipe/core";
import type { FileSource } from "@voxpipe/core/adapter-kit";
import { OnnxModel, type LoadedOnnxModel } from "@voxpipe/onnx-worker";
import { audioFromOutput, buildFeeds, planInputs, type InputPlan, type Scales } from "./model-inputs.js";

/** How to load the model. */
export interface PiperModelOptions {
  source: FileSource;
  executionProviders: readonly string[];
  threads: number | undefined;
  log: AdapterContext["log"];
  /** Where download and load progress is shown (see `AdapterContext.progress`). */
  progress?: AdapterContext["progress"];
}

/**
 * The ONNX model of a voice: downloaded if need be and loaded into one
 * onnxruntime session (in a worker thread) on first use, then reused by every
 * request until `dispose`.
 */
export class PiperModel {
  readonly #model: OnnxModel<InputPlan>;

  constructor(options: PiperModelOptions) {
    this.#model = new OnnxModel({
      ...options,
      naming: { label: "piper", loading: "voice", file: "voice model", expected: "a complete Piper .onnx voice" },
      plan: planInputs,
    });
  }

  /** onnxruntime sessions created so far: 1 after any number of requests, unless disposed in between. */
  get sessionsCreated(): number {
    return this.#model.sessionsCreated;
  }

  get path(): string {
    return this.#model.path;
  }

  /** Loads the model once; later calls share it. `signal` only stops this caller's waiting. */
  load(signal?: AbortSignal): Promise<LoadedOnnxModel<InputPlan>> {
    return this.#model.load(signal);
  }

  /**
   * One inference: phoneme ids → PCM in [-1, 1]. On a loaded model the ids are
   * posted to the worker before this returns, so the caller can prepare the next
   * sentence while this one runs. An abort stops the waiting at once; the run
   * itself finishes in the worker.
   */
  run(ids: readonly number[], scales: Scales, speakerId: number, signal?: AbortSignal): Promise<Float32Array> {
    return this.#model.run((plan) => buildFeeds(plan, ids, scales, speakerId), `${ids.length} phoneme ids`, signal).then((output) => audioFromOutput(output, this.path));
  }

  /** Stops a download, stops the worker and frees the session. Idempotent; a later request loads again. */
  dispose(): Promise<void> {
    return this.#model.dispose();
  }
}
