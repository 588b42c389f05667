import { defineAdapter } from "@voxpipe/core";
import { createKokoroTts } from "./create-kokoro.js";
import { kokoroOptionsSchema } from "./kokoro-options.js";

export { createKokoroTts, createKokoro, KOKORO_SAMPLE_RATE, type KokoroTtsProvider } from "./create-kokoro.js";
export { kokoroOptionsSchema, type KokoroOptions, type ResolvedKokoroOptions } from "./kokoro-options.js";
export { KOKORO_VOCAB, MAX_TOKENS, PAD_ID, phonemesToIds } from "./kokoro-vocab.js";
export { normalizeText } from "./normalize-text.js";
export { splitTokens } from "./split-tokens.js";
export type { KokoroLang } from "./phonemize.js";
export { KOKORO_REPO, MODEL_VARIANTS, parseHfUri, type ModelVariant } from "./model-source.js";
export { hfFileUrl, type HfUri } from "@voxpipe/core/adapter-kit";
export { parseVoiceSpec, STYLE_WIDTH, VOICE_ROWS, type VoicePart } from "./voice-style.js";

/** Config entry: `tts: { use: "@voxpipe/tts-kokoro", options: { model: "q8", voice: "af_heart" } }`. */
export default defineAdapter({
  kind: "tts",
  id: "kokoro",
  description: "Kokoro-82M (v1.0 ONNX) neural voices run locally through onnxruntime-node; phonemes from eSpeak NG (WebAssembly).",
  optionsSchema: kokoroOptionsSchema,
  create: (options, context) => createKokoroTts(options, context),
});
