// The public surface of @voxpipe/ai-sdk. Nothing but re-exports.
export { createVoxpipe, type VoxpipeProvider } from "./voxpipe-provider.js";
export type { VoxpipeProviderSettings } from "./voxpipe-settings.js";
export { VoxpipeSpeechModel } from "./voxpipe-speech-model.js";
export { llmFromAiSdk, type LlmFromAiSdkOptions } from "./llm-from-ai-sdk.js";
export { ttsFromAiSdk, type TtsFromAiSdkOptions } from "./tts-from-ai-sdk.js";
export { aiSdkLlm, aiSdkLlmOptionsSchema, type AiSdkLlmOptions } from "./ai-sdk-llm-adapter.js";
export { decodeWav, type DecodedWav } from "@voxpipe/core";
