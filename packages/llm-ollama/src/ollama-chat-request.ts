import { chatMessages, type LlmRequest } from "@voxpipe/core";
import type { ChatRequest } from "ollama";
import type { ResolvedOllamaOptions } from "./ollama-options.js";

/** The `/api/chat` body for a request: messages, sampling options (the request's own values win), think and keep_alive. */
export function ollamaChatRequest(request: LlmRequest, options: ResolvedOllamaOptions): ChatRequest & { stream: true } {
  const sampling: Record<string, unknown> = {
    ...options.modelOptions,
    temperature: request.temperature ?? options.temperature,
    top_p: request.topP ?? options.topP,
    top_k: request.topK,
    num_predict: request.maxTokens ?? options.maxTokens,
    seed: request.seed ?? options.seed,
  };
  for (const key of Object.keys(sampling)) if (sampling[key] === undefined) delete sampling[key];
  return {
    model: options.model,
    messages: chatMessages(request, options.systemPrompt).map(({ role, content }) => ({ role, content })),
    stream: true,
    ...(Object.keys(sampling).length > 0 ? { options: sampling } : {}),
    ...(options.thinking === undefined ? {} : { think: options.thinking }),
    ...(options.keepAlive === undefined ? {} : { keep_alive: options.keepAlive }),
  };
}
