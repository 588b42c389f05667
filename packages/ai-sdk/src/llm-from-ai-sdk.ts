import type { LanguageModelV4, LanguageModelV4CallOptions, LanguageModelV4Prompt, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { VoxpipeError, chatMessages, isAbortError, type LlmFinishReason, type LlmProvider, type LlmRequest, type LlmStreamPart } from "@voxpipe/core";
import { aiSdkErrorToVoxpipe } from "./ai-sdk-error.js";

/** Options of `llmFromAiSdk`. */
export interface LlmFromAiSdkOptions {
  /** A system prompt put before the conversation when it has none. */
  system?: string;
  /** Passed through to the model's `doStream` (keyed by provider name), e.g. `{ anthropic: { thinking: { type: "disabled" } } }`. */
  providerOptions?: LanguageModelV4CallOptions["providerOptions"];
  /** Extra HTTP headers for the model's requests. */
  headers?: Record<string, string | undefined>;
  /** How much the model reasons before answering, where it supports that (`reasoning` of the AI SDK). */
  reasoning?: LanguageModelV4CallOptions["reasoning"];
}

function toPrompt(request: LlmRequest, system: string | undefined): LanguageModelV4Prompt {
  return chatMessages(request, system).map((message) =>
    message.role === "system"
      ? { role: "system", content: message.content }
      : { role: message.role, content: [{ type: "text", text: message.content }] },
  );
}

function finishReason(unified: string): LlmFinishReason {
  if (unified === "stop" || unified === "length" || unified === "error" || unified === "other") return unified;
  return "other";
}

/**
 * Any AI SDK language model (the `LanguageModelV4` of `@ai-sdk/anthropic`,
 * `@ai-sdk/google`, `@ai-sdk/mistral`, …) as a voxpipe LLM, over its
 * `doStream`: text deltas, reasoning deltas, a finish with token usage, and
 * failures as error parts. `request.signal` aborts the model's request.
 */
export function llmFromAiSdk(model: LanguageModelV4, options: LlmFromAiSdkOptions = {}): LlmProvider {
  return {
    id: `ai-sdk:${model.provider}`,
    model: model.modelId,
    async *stream(request): AsyncGenerator<LlmStreamPart> {
      const signal = request.signal;
      if (signal?.aborted) return;
      let reader: ReadableStreamDefaultReader<LanguageModelV4StreamPart> | undefined;
      const onAbort = (): void => {
        reader?.cancel(signal?.reason).catch(() => {
          // the model's stream is already closed or errored
        });
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      try {
        let result: Awaited<ReturnType<LanguageModelV4["doStream"]>>;
        try {
          result = await model.doStream({
            prompt: toPrompt(request, options.system),
            ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
            ...(request.topP !== undefined ? { topP: request.topP } : {}),
            ...(request.topK !== undefined ? { topK: request.topK } : {}),
            ...(request.maxTokens !== undefined ? { maxOutputTokens: request.maxTokens } : {}),
            ...(request.seed !== undefined ? { seed: request.seed } : {}),
            ...(options.providerOptions ? { providerOptions: options.providerOptions } : {}),
            ...(options.headers ? { headers: options.headers } : {}),
            ...(options.reasoning ? { reasoning: options.reasoning } : {}),
            ...(signal ? { abortSignal: signal } : {}),
          });
        } catch (error) {
          if (signal?.aborted || isAbortError(error)) return;
          yield { type: "error", error: aiSdkErrorToVoxpipe(error, model) };
          return;
        }
        reader = result.stream.getReader();
        if (signal?.aborted) {
          onAbort();
          return;
        }
        for (;;) {
          let next: Awaited<ReturnType<typeof reader.read>>;
          try {
            next = await reader.read();
          } catch (error) {
            if (signal?.aborted) return;
            yield { type: "error", error: aiSdkErrorToVoxpipe(error, model) };
            return;
          }
          if (next.done) {
            if (signal?.aborted) yield { type: "finish", reason: "abort" };
            else yield { type: "error", error: new VoxpipeError({ code: "llm-stream-ended", stage: "llm", message: `The AI SDK model ${model.provider}:${model.modelId} ended its stream without a finish part.`, retryable: true }) };
            return;
          }
          const part = next.value;
          switch (part.type) {
            case "text-delta":
              if (part.delta) yield { type: "text-delta", text: part.delta };
              break;
            case "reasoning-delta":
              if (part.delta) yield { type: "reasoning-delta", text: part.delta };
              break;
            case "error":
              yield { type: "error", error: aiSdkErrorToVoxpipe(part.error, model) };
              await reader.cancel().catch(() => {});
              return;
            case "finish": {
              const usage = {
                ...(part.usage.inputTokens.total !== undefined ? { inputTokens: part.usage.inputTokens.total } : {}),
                ...(part.usage.outputTokens.total !== undefined ? { outputTokens: part.usage.outputTokens.total } : {}),
              };
              yield { type: "finish", reason: finishReason(part.finishReason.unified), usage };
              await reader.cancel().catch(() => {});
              return;
            }
            default:
              // tool calls, sources, files, metadata: nothing to speak
              break;
          }
        }
      } finally {
        signal?.removeEventListener("abort", onAbort);
        // The consumer stopped early: release the model's stream (and its connection).
        reader?.cancel().catch(() => {});
      }
    },
  };
}
