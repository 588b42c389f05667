import { defineAdapter } from "@voxpipe/core";
import { createLlamaCppLlm } from "./create-llama-cpp.js";
import { llamaCppOptionsSchema } from "./llama-cpp-options.js";

/** Config entry: `llm: { use: "@voxpipe/llm-llama-cpp", options: { model: … } }`. Importing it loads nothing. */
export const llamaCppAdapter = defineAdapter({
  kind: "llm",
  id: "llama-cpp",
  description: "GGUF models in-process through node-llama-cpp (llama.cpp); no server to run.",
  optionsSchema: llamaCppOptionsSchema,
  create: (options, context) => createLlamaCppLlm(options, context),
});
