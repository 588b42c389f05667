import { chatMessages, type LlmRequest } from "@voxpipe/core";
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import type { ResolvedOpenaiOptions } from "./openai-options.js";

/** The `/chat/completions` body for a request: messages and sampling (the request's own values win), then `extraBody`. */
export function openaiChatRequest(request: LlmRequest, options: ResolvedOpenaiOptions): ChatCompletionCreateParamsStreaming {
  const body: Record<string, unknown> = {
    model: options.model,
    messages: chatMessages(request, options.systemPrompt).map(({ role, content }) => ({ role, content })),
    stream: true,
    stream_options: options.streamUsage ? { include_usage: true } : undefined,
    temperature: request.temperature ?? options.temperature,
    top_p: request.topP ?? options.topP,
    [options.maxTokensField]: request.maxTokens ?? options.maxTokens,
    seed: request.seed ?? options.seed,
    reasoning_effort: options.thinking,
    ...options.extraBody,
  };
  // top_k is not part of the OpenAI API; servers that take it (vLLM, llama.cpp) read it from the body.
  if (request.topK !== undefined) body["top_k"] = request.topK;
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body as unknown as ChatCompletionCreateParamsStreaming;
}
