/**
 * Labelled TEST DOUBLES for voxpipe's runtime: never the default a user gets.
 * Use them from code, or from a config as `@voxpipe/core/testing#scriptedLlm`
 * and `@voxpipe/core/testing#syntheticTts`.
 */
export { createScriptedLlm, scriptedLlm, scriptedLlmOptionsSchema, splitIntoTokens, type ScriptedLlmOptions } from "./scripted-llm.js";
export { createSyntheticTts, syntheticTts, syntheticTtsOptionsSchema, type SyntheticTtsOptions } from "./synthetic-tts.js";
