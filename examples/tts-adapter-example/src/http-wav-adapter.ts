import { defineAdapter } from "@voxpipe/core";
import { createHttpWavTts } from "./create-http-wav-tts.js";
import { httpWavTtsOptionsSchema } from "./http-wav-options.js";

/** What a config's `use` finds: declared once, with no side effects (importing it opens nothing). */
export const httpWavAdapter = defineAdapter({
  kind: "tts",
  id: "http-wav",
  description: "A server that answers GET /api/tts?text=… with a WAV (OpenTTS, Mimic 3, Coqui TTS's server).",
  optionsSchema: httpWavTtsOptionsSchema,
  create: (options, context) => createHttpWavTts(options, context),
});
