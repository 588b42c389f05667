import { defineAdapter } from "@voxpipe/core";
import { createOpenAiLlm } from "./create-openai.js";
import { openaiOptionsSchema } from "./openai-options.js";

export { createOpenAiLlm, createOpenai, type OpenAiLlmContext, type OpenaiContext } from "./create-openai.js";
export { openaiOptionsSchema, type OpenaiOptions, type ResolvedOpenaiOptions } from "./openai-options.js";

/** Config entry: `llm: { use: "@voxpipe/llm-openai", options: { model: "gpt-4o-mini" } }`. */
export default defineAdapter({
  kind: "llm",
  id: "openai",
  description: "OpenAI Chat Completions streaming, and every OpenAI-compatible server (vLLM, llama.cpp, LM Studio, OpenRouter) via baseURL.",
  optionsSchema: openaiOptionsSchema,
  create: (options, context) => createOpenAiLlm(options, context),
});
