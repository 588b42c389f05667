import type { LlmFinishReason, LlmRequest } from "@voxpipe/core";
import { ThinkTagSplitter, type ThinkSplitPart } from "@voxpipe/core/adapter-kit";
import type { LlamaRuntime } from "./llama-runtime.js";
import { chatTurn, completionText, type Sampling } from "./request-input.js";

/** A piece of generated text, sorted into reply text or reasoning. */
export type SortedText = ThinkSplitPart;

/** How a generation ended. */
export interface GenerationOutcome {
  reason: LlmFinishReason;
  inputTokens: number | undefined;
  outputTokens: number;
}

/**
 * Drops U+FFFD. node-llama-cpp already holds back a token that ends inside a
 * multi-byte character until the character is complete; what still decodes to
 * U+FFFD is a byte sequence the model produced that is not UTF-8 at all
 * (random or badly quantized models do this). It cannot be spoken.
 */
export function withoutInvalidBytes(text: string): string {
  return text.includes("\uFFFD") ? text.replaceAll("\uFFFD", "") : text;
}

/** node-llama-cpp's stop reasons as voxpipe finish reasons. */
export function finishReason(stopReason: string): LlmFinishReason {
  if (stopReason === "maxTokens") return "length";
  if (stopReason === "abort") return "abort";
  if (stopReason === "eogToken" || stopReason === "stopGenerationTrigger" || stopReason === "customStopTrigger") return "stop";
  return "other";
}

/**
 * Runs one request on the runtime's sequence, calling `emit` with reply text
 * and reasoning as tokens are generated (node-llama-cpp holds back a token
 * that ends inside a multi-byte character until the character is complete).
 * `signal` stops generation after the token being evaluated.
 */
export async function generate(runtime: LlamaRuntime, request: LlmRequest, sampling: Sampling, systemPrompt: string | undefined, signal: AbortSignal, emit: (part: SortedText) => void): Promise<GenerationOutcome> {
  const splitter = new ThinkTagSplitter();
  const emitAll = (parts: SortedText[]) => {
    for (const part of parts) emitValid(part);
  };
  const emitValid = (part: SortedText) => {
    const text = withoutInvalidBytes(part.text);
    if (text) emit({ type: part.type, text });
  };
  let outputTokens = 0;
  const common = {
    signal,
    stopOnAbortSignal: true,
    maxTokens: sampling.maxTokens,
    temperature: sampling.temperature,
    topP: sampling.topP,
    topK: sampling.topK,
    seed: sampling.seed,
  };
  const { generator } = runtime;
  if (generator.kind === "completion") {
    const text = completionText(request);
    const result = await generator.completion.generateCompletionWithMeta(text, {
      ...common,
      onTextChunk: (chunk) => emitAll(splitter.push(chunk)),
      onToken: (tokens) => (outputTokens += tokens.length),
    });
    emitAll(splitter.end());
    return { reason: finishReason(result.metadata.stopReason), inputTokens: runtime.model.tokenize(text).length, outputTokens };
  }
  const turn = chatTurn(request, systemPrompt);
  generator.session.setChatHistory(turn.history);
  const result = await generator.session.promptWithMeta(turn.prompt + generator.promptSuffix, {
    ...common,
    budgets: { thoughtTokens: generator.thinking.thoughtTokens },
    onResponseChunk: (chunk) => {
      outputTokens += chunk.tokens.length;
      // Thought and comment segments are never spoken.
      if (chunk.type === "segment") emitValid({ type: "reasoning-delta", text: chunk.text });
      else emitAll(splitter.push(chunk.text));
    },
  });
  emitAll(splitter.end());
  return { reason: finishReason(result.stopReason), inputTokens: undefined, outputTokens };
}
