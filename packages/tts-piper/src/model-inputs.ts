import { VoxpipeError } from "@voxpipe/core";
import type { ModelSignature, TensorData, ValueMetadata } from "@voxpipe/onnx-worker";

/** The inputs every Piper/VITS model has. */
const REQUIRED_INPUTS = ["input", "input_lengths", "scales"] as const;
/** Inputs some models add, which get a value voxpipe can choose. */
const KNOWN_OPTIONAL_INPUTS = ["sid", "speaker_embedding", "prosody_features"] as const;
const DEFAULT_SPEAKER_EMBEDDING_SIZE = 192;

/** What the loaded model wants fed, worked out once from its declared inputs and outputs. */
export interface InputPlan {
  /** The model takes a speaker id (`sid`, int64 [1]). */
  sid: boolean;
  /** Width of a `speaker_embedding` input (piper-plus zero-shot voices; fed zeros), or undefined. */
  speakerEmbeddingSize: number | undefined;
  /** The model takes `prosody_features` (int64 [1, phonemes, 3]; fed zeros). */
  prosodyFeatures: boolean;
  /** Name of the audio output. */
  outputName: string;
}

const mismatch = (modelPath: string, problem: string): VoxpipeError =>
  new VoxpipeError({
    code: "model-inputs-mismatch",
    stage: "tts",
    message: `piper: the model ${modelPath} ${problem}. A Piper voice takes "input" (int64 [1, n]), "input_lengths" (int64 [1]), "scales" (float32 [3]) and, for several speakers, "sid" (int64 [1]); use a Piper/VITS voice from https://huggingface.co/rhasspy/piper-voices.`,
  });

/** Checks a loaded model's inputs against the Piper interface; refuses inputs it cannot fill, naming them. */
export function planInputs(session: ModelSignature, modelPath: string): InputPlan {
  const names = new Set(session.inputNames);
  const missing = REQUIRED_INPUTS.filter((name) => !names.has(name));
  if (missing.length > 0) throw mismatch(modelPath, `lacks the input(s) ${missing.map((n) => `"${n}"`).join(", ")} (it declares ${[...names].map((n) => `"${n}"`).join(", ") || "none"})`);
  const known = new Set<string>([...REQUIRED_INPUTS, ...KNOWN_OPTIONAL_INPUTS]);
  const unknown = session.inputNames.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw mismatch(modelPath, `requires input(s) voxpipe cannot fill: ${unknown.map((n) => `"${n}"`).join(", ")} (it knows ${[...known].map((n) => `"${n}"`).join(", ")})`);
  }
  const metadata = new Map<string, ValueMetadata>(session.inputMetadata.map((entry) => [entry.name, entry]));
  const expectType = (name: string, type: string): void => {
    const entry = metadata.get(name);
    if (entry?.isTensor && entry.type !== type) throw mismatch(modelPath, `declares input "${name}" as ${entry.type}, not ${type}`);
  };
  expectType("input", "int64");
  expectType("input_lengths", "int64");
  expectType("scales", "float32");
  if (names.has("sid")) expectType("sid", "int64");
  if (names.has("speaker_embedding")) expectType("speaker_embedding", "float32");
  if (names.has("prosody_features")) expectType("prosody_features", "int64");
  let speakerEmbeddingSize: number | undefined;
  if (names.has("speaker_embedding")) {
    const entry = metadata.get("speaker_embedding");
    const width = entry?.isTensor ? entry.shape?.[1] : undefined;
    speakerEmbeddingSize = typeof width === "number" && width > 0 ? width : DEFAULT_SPEAKER_EMBEDDING_SIZE;
  }
  const outputName = session.outputNames.includes("output") ? "output" : session.outputNames[0];
  if (outputName === undefined) throw mismatch(modelPath, "declares no output");
  return { sid: names.has("sid"), speakerEmbeddingSize, prosodyFeatures: names.has("prosody_features"), outputName };
}

/** Scales fed to the model, in its order. */
export interface Scales {
  noiseScale: number;
  lengthScale: number;
  noiseW: number;
}

/** The input tensors for one run: ids, their count, the scales, and defaults for the optional inputs the model declares. */
export function buildFeeds(plan: InputPlan, ids: readonly number[], scales: Scales, speakerId: number): Record<string, TensorData> {
  const n = ids.length;
  const feeds: Record<string, TensorData> = {
    input: { type: "int64", data: BigInt64Array.from(ids, (id) => BigInt(id)), dims: [1, n] },
    input_lengths: { type: "int64", data: BigInt64Array.of(BigInt(n)), dims: [1] },
    scales: { type: "float32", data: Float32Array.of(scales.noiseScale, scales.lengthScale, scales.noiseW), dims: [3] },
  };
  if (plan.sid) feeds.sid = { type: "int64", data: BigInt64Array.of(BigInt(speakerId)), dims: [1] };
  if (plan.speakerEmbeddingSize !== undefined) {
    feeds.speaker_embedding = { type: "float32", data: new Float32Array(plan.speakerEmbeddingSize), dims: [1, plan.speakerEmbeddingSize] };
  }
  if (plan.prosodyFeatures) feeds.prosody_features = { type: "int64", data: new BigInt64Array(n * 3), dims: [1, n, 3] };
  return feeds;
}

/** The audio of a run as PCM in [-1, 1]; checks it is float32 with shape [1, 1, samples] (or [1, samples] / [samples]). */
export function audioFromOutput(output: TensorData | undefined, modelPath: string): Float32Array {
  if (!output) throw mismatch(modelPath, "returned no audio output");
  const dims = output.dims;
  const leading = dims.slice(0, -1);
  if (output.type !== "float32" || dims.length < 1 || dims.length > 3 || leading.some((d) => d !== 1)) {
    throw mismatch(modelPath, `returned audio of type ${output.type} and shape [${dims.join(", ")}], not float32 [1, 1, samples]`);
  }
  const data = output.data as Float32Array;
  const pcm = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const sample = data[i] ?? 0;
    pcm[i] = sample > 1 ? 1 : sample < -1 ? -1 : Number.isNaN(sample) ? 0 : sample;
  }
  return pcm;
}
