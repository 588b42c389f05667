import type { AdapterContext } from "@voxpipe/core";
import type { FileSource } from "@voxpipe/core/adapter-kit";
import { OnnxModel } from "@voxpipe/onnx-worker";
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
 * request until `dispose` (see `OnnxModel`).
 */
export class PiperModel extends OnnxModel<InputPlan> {
  constructor(options: PiperModelOptions) {
    super({ ...options, naming: { label: "piper", loading: "voice", file: "voice model", expected: "a complete Piper .onnx voice" }, plan: planInputs });
  }

  /**
   * One inference: phoneme ids → PCM in [-1, 1]. On a loaded model the ids are
   * posted to the worker before this returns, so the caller can prepare the next
   * sentence while this one runs. An abort stops the waiting at once; the run
   * itself finishes in the worker.
   */
  run(ids: readonly number[], scales: Scales, speakerId: number, signal?: AbortSignal): Promise<Float32Array> {
    return this.infer((plan) => buildFeeds(plan, ids, scales, speakerId), `${ids.length} phoneme ids`, signal).then((output) => audioFromOutput(output, this.path));
  }
}
