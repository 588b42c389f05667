// The public surface of @voxpipe/tts-espeak. Nothing but re-exports.
export { createEspeakTts, type EspeakTtsProvider } from "./create-espeak-tts.js";
export {
  espeakTtsOptionsSchema,
  ESPEAK_MAX_RATE,
  ESPEAK_MIN_RATE,
  type EspeakTtsOptions,
  type ResolvedEspeakTtsOptions,
} from "./espeak-tts-options.js";
export { ESPEAK_SAMPLE_RATE } from "./espeak-engine.js";
export { espeakAdapter as default } from "./espeak-adapter.js";
