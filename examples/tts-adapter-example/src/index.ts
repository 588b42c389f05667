// voxpipe-tts-http-wav: an example third-party TTS adapter. The default export is what a config's `use` loads.
export { httpWavAdapter as default } from "./http-wav-adapter.js";
export { createHttpWavTts } from "./create-http-wav-tts.js";
export { httpWavTtsOptionsSchema, type HttpWavTtsOptions, type ResolvedHttpWavTtsOptions } from "./http-wav-options.js";
export { parseWav, type WavAudio } from "./parse-wav.js";
