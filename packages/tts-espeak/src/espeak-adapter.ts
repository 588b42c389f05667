import { defineAdapter } from "@voxpipe/core";
import { createEspeakTts } from "./create-espeak-tts.js";
import { espeakTtsOptionsSchema } from "./espeak-tts-options.js";

/** `tts: { use: "@voxpipe/tts-espeak" }`. Importing it loads nothing; the engine loads on the first request. */
export const espeakAdapter = defineAdapter({
  kind: "tts",
  id: "espeak",
  description: "eSpeak NG in WebAssembly: in-process, any OS, no downloads (GPL-3.0-or-later).",
  optionsSchema: espeakTtsOptionsSchema,
  create: (options) => createEspeakTts(options),
});
