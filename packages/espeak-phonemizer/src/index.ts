// The public surface of @voxpipe/espeak-phonemizer. Nothing but re-exports.
export { loadEspeakPhonemizer, type EspeakPhonemizer } from "./espeak-phonemizer.js";
export { cleanEspeakIpa } from "./clean-espeak-ipa.js";
