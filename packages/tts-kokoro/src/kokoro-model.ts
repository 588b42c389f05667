import type { AdapterContext } from "@voxpipe/core";
import type { FileSource } from "@voxpipe/core/adapter-kit";
import { OnnxModel } from "@voxpipe/onnx-worker";
import { audioFromOutput, buildFeeds, planInputs, type InputPlan } from "./model-inputs.js";

/** How to load the model. */
export interface KokoroModelOptions {
  source: FileSource;
  executionProviders: readonly string[];
  threads: number;
  log: AdapterContext["log"];
  /** Where download and load progress is shown (see `AdapterContext.progress`). */
  progress?: AdapterContext["progress"];
}

/**
 * The Kokoro ONNX model: downloaded if need be and loaded into one
 * onnxruntime session in a worker thread on first use, then reused by every
 * request until `dispose` (see `OnnxModel`).
 */
export class KokoroModel extends OnnxModel<InputPlan> {
  readonly #log: AdapterContext["log"];
  #warnedIntegerSpeed = false;

  constructor(options: KokoroModelOptions) {
    super({ ...options, naming: { label: "kokoro", loading: "model", file: "model", expected: "a complete Kokoro v1.0 .onnx file" }, plan: planInputs });
    this.#log = options.log;
  }

  /**
   * One inference: phoneme ids (without pads) → 24 kHz PCM in [-1, 1]. On a
   * loaded model the inputs are posted to the worker before this returns, so
   * the caller can phonemize the next run meanwhile. An abort stops the
   * waiting at once; the run itself finishes in the worker.
   */
  run(ids: readonly number[], style: Float32Array, speed: number, signal?: AbortSignal): Promise<Float32Array> {
    const feedsFor = (plan: InputPlan) => {
      if (plan.speedType === "int32" && !Number.isInteger(speed) && !this.#warnedIntegerSpeed) {
        this.#warnedIntegerSpeed = true;
        this.#log("warn", `kokoro: the model ${this.path} takes "speed" as an integer; speed ${speed} is rounded to ${Math.max(1, Math.round(speed))} (reported once).`);
      }
      return buildFeeds(plan, ids, style, speed);
    };
    return this.infer(feedsFor, `${ids.length} phoneme ids`, signal).then((output) => audioFromOutput(output, this.path));
  }
}
