import { defineAdapter } from "@voxpipe/core";
import { createOllamaLlm } from "./create-ollama.js";
import { ollamaOptionsSchema } from "./ollama-options.js";

export { createOllamaLlm, createOllama, normalizeHost, type OllamaLlmContext, type OllamaContext } from "./create-ollama.js";
export { ollamaOptionsSchema, type OllamaOptions, type ResolvedOllamaOptions } from "./ollama-options.js";

/** Config entry: `llm: { use: "@voxpipe/llm-ollama", options: { model: "llama3.2" } }`. */
export default defineAdapter({
  kind: "llm",
  id: "ollama",
  description: "A model served by Ollama (/api/chat streaming), local or remote.",
  optionsSchema: ollamaOptionsSchema,
  create: (options, context) => createOllamaLlm(options, context),
});
