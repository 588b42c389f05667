import { defineAdapter } from "@voxpipe/core";
import { createPiperTts } from "./create-piper.js";
import { piperOptionsSchema } from "./piper-options.js";

export { createPiperTts, createPiper, type PiperTtsProvider } from "./create-piper.js";
export { piperOptionsSchema, type PiperOptions, type ResolvedPiperOptions } from "./piper-options.js";
export { phonemesToIds, BOS, EOS, PAD, type PhonemeIdMap } from "./phoneme-ids.js";
export { splitClauses, type Clause, type ClauseTerminator } from "./split-clauses.js";
export type { SentencePhonemes, PhonemeType } from "./phonemize.js";
export type { VoiceConfig } from "./voice-config.js";
export { parseHfUri } from "./model-source.js";
export { hfFileUrl, type HfUri } from "@voxpipe/core/adapter-kit";

/** Config entry: `tts: { use: "@voxpipe/tts-piper", options: { model: "…onnx" } }`. */
export default defineAdapter({
  kind: "tts",
  id: "piper",
  description: "Piper (VITS) neural voices run locally through onnxruntime-node; phonemes from eSpeak NG (WebAssembly).",
  optionsSchema: piperOptionsSchema,
  create: (options, context) => createPiperTts(options, context),
});
