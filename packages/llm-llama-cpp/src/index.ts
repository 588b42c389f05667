// The public surface of @voxpipe/llm-llama-cpp. Nothing but re-exports.
export { createLlamaCppLlm, createLlamaCpp, type LlamaCppProvider } from "./create-llama-cpp.js";
export {
  llamaCppOptionsSchema, defaultModelUri, defaultThreads, chatWrapperNames,
  type LlamaCppOptions, type ResolvedLlamaCppOptions, type ChatWrapperName,
} from "./llama-cpp-options.js";
export { llamaCppAdapter as default } from "./llama-cpp-adapter.js";
