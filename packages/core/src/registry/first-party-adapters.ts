import type { AdapterKind } from "./define-adapter.js";

/** voxpipe's own adapters, by kind — listed in errors so a typo is easy to fix. */
export const firstPartyAdapters: Readonly<Record<AdapterKind, readonly string[]>> = {
  llm: ["@voxpipe/llm-llama-cpp", "@voxpipe/llm-ollama", "@voxpipe/llm-openai"],
  tts: ["@voxpipe/tts-espeak", "@voxpipe/tts-piper", "@voxpipe/tts-kokoro", "@voxpipe/tts-openai", "@voxpipe/tts-gpt-sovits"],
};

/** The test doubles, usable from a config (never defaults). */
export const testDoubleAdapters: Readonly<Record<AdapterKind, string>> = {
  llm: "@voxpipe/core/testing#scriptedLlm",
  tts: "@voxpipe/core/testing#syntheticTts",
};

/**
 * voxpipe's adapters that `npm i voxpipe` does not bring in (each pulls a
 * large native runtime), with the command that installs one. Piper's skips
 * onnxruntime-node's download of CUDA libraries, which the CPU voices do not use.
 */
export const optionalAdapterInstalls: Readonly<Record<string, string>> = {
  "@voxpipe/llm-llama-cpp": "npm i @voxpipe/llm-llama-cpp",
  "@voxpipe/tts-piper": "ONNXRUNTIME_NODE_INSTALL=skip npm i @voxpipe/tts-piper",
  "@voxpipe/tts-kokoro": "ONNXRUNTIME_NODE_INSTALL=skip npm i @voxpipe/tts-kokoro",
};
