import { VoxpipeError } from "@voxpipe/core";
import type { ModelSignature, TensorData } from "@voxpipe/onnx-worker";
import { PAD_ID } from "./kokoro-vocab.js";
import { STYLE_WIDTH } from "./voice-style.js";

/** What the loaded model wants fed, worked out once from what it declares. */
export interface InputPlan {
  /** `input_ids` (the v1.0 export), or `tokens` (kokoro-onnx's exports). */
  idsName: string;
  /** The type of `speed`: float32, or int32 in some exports (then fed rounded). */
  speedType: "float32" | "int32";
  /** `waveform`, or `audio` in kokoro-onnx's exports, else the only output. */
  outputName: string;
}

const INTERFACE =
  'A Kokoro v1.0 model takes "input_ids" (int64 [1, tokens]), "style" (float32 [1, 256]) and "speed" (float32 [1]) and returns "waveform" (float32, 24 kHz); ' +
  `use one from https://huggingface.co/onnx-community/Kokoro-82M-v1.0-ONNX (or make the test model with scripts/make-test-model.mjs)`;

const mismatch = (modelPath: string, problem: string): VoxpipeError =>
  new VoxpipeError({ code: "model-inputs-mismatch", stage: "tts", message: `kokoro: the model ${modelPath} ${problem}. ${INTERFACE}.` });

/** Checks a loaded model against the Kokoro interface, naming what does not fit. */
export function planInputs(signature: ModelSignature, modelPath: string): InputPlan {
  const declared = `it declares inputs ${signature.inputNames.map((name) => `"${name}"`).join(", ") || "none"}`;
  const idsName = signature.inputNames.includes("input_ids") ? "input_ids" : signature.inputNames.includes("tokens") ? "tokens" : undefined;
  if (!idsName) throw mismatch(modelPath, `has no "input_ids" input (${declared})`);
  for (const name of ["style", "speed"]) if (!signature.inputNames.includes(name)) throw mismatch(modelPath, `has no "${name}" input (${declared})`);
  const unknown = signature.inputNames.filter((name) => name !== idsName && name !== "style" && name !== "speed");
  if (unknown.length > 0) throw mismatch(modelPath, `requires input(s) voxpipe cannot fill: ${unknown.map((name) => `"${name}"`).join(", ")}`);
  const metadata = new Map(signature.inputMetadata.map((entry) => [entry.name, entry]));
  const typeOf = (name: string): string | undefined => {
    const entry = metadata.get(name);
    return entry?.isTensor ? entry.type : undefined;
  };
  const idsType = typeOf(idsName);
  if (idsType !== undefined && idsType !== "int64") throw mismatch(modelPath, `declares "${idsName}" as ${idsType}, not int64`);
  const styleType = typeOf("style");
  if (styleType !== undefined && styleType !== "float32") throw mismatch(modelPath, `declares "style" as ${styleType}, not float32`);
  const styleWidth = metadata.get("style")?.shape?.at(-1);
  if (typeof styleWidth === "number" && styleWidth !== STYLE_WIDTH) throw mismatch(modelPath, `declares "style" ${styleWidth} wide, not ${STYLE_WIDTH}`);
  const speedType = typeOf("speed") ?? "float32";
  if (speedType !== "float32" && speedType !== "int32") throw mismatch(modelPath, `declares "speed" as ${speedType}, not float32`);
  const outputName = ["waveform", "audio"].find((name) => signature.outputNames.includes(name)) ?? signature.outputNames[0];
  if (outputName === undefined) throw mismatch(modelPath, "declares no output");
  return { idsName, speedType, outputName };
}

/** The input tensors for one run: the ids with a 0 pad at both ends, the style row, the speed. */
export function buildFeeds(plan: InputPlan, ids: readonly number[], style: Float32Array, speed: number): Record<string, TensorData> {
  const padded = new BigInt64Array(ids.length + 2);
  padded[0] = BigInt(PAD_ID);
  for (let i = 0; i < ids.length; i++) padded[i + 1] = BigInt(ids[i] ?? PAD_ID);
  padded[ids.length + 1] = BigInt(PAD_ID);
  return {
    [plan.idsName]: { type: "int64", data: padded, dims: [1, padded.length] },
    style: { type: "float32", data: style.slice(), dims: [1, STYLE_WIDTH] },
    speed: plan.speedType === "int32" ? { type: "int32", data: Int32Array.of(Math.max(1, Math.round(speed))), dims: [1] } : { type: "float32", data: Float32Array.of(speed), dims: [1] },
  };
}

/** The audio of a run as PCM in [-1, 1]; checks it is float32 with shape [samples], [1, samples] or [1, 1, samples]. */
export function audioFromOutput(output: TensorData | undefined, modelPath: string): Float32Array {
  if (!output) throw mismatch(modelPath, "returned no audio output");
  const dims = output.dims;
  if (output.type !== "float32" || dims.length < 1 || dims.length > 3 || dims.slice(0, -1).some((dim) => dim !== 1)) {
    throw mismatch(modelPath, `returned audio of type ${output.type} and shape [${dims.join(", ")}], not float32 [samples]`);
  }
  const data = output.data as Float32Array;
  const pcm = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const sample = data[i] ?? 0;
    pcm[i] = sample > 1 ? 1 : sample < -1 ? -1 : Number.isNaN(sample) ? 0 : sample;
  }
  return pcm;
}
