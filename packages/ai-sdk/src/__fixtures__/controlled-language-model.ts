import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";

/**
 * TEST DOUBLE — the AI SDK's own MockLanguageModelV4, whose reply the test
 * writes piece by piece (`say`, `end`), so a test can check what happened
 * before the text ended. `cancelled` resolves when the model's stream is cancelled.
 */
export function controlledLanguageModel(): {
  model: MockLanguageModelV4;
  say(text: string): void;
  end(): void;
  fail(error: unknown): void;
  cancelled: Promise<unknown>;
} {
  let controller!: ReadableStreamDefaultController<LanguageModelV4StreamPart>;
  let onCancel!: (reason: unknown) => void;
  const cancelled = new Promise<unknown>((resolve) => (onCancel = resolve));
  const stream = new ReadableStream<LanguageModelV4StreamPart>({
    start(c) {
      controller = c;
      c.enqueue({ type: "stream-start", warnings: [] });
      c.enqueue({ type: "text-start", id: "t" });
    },
    cancel(reason) {
      onCancel(reason);
    },
  });
  const model = new MockLanguageModelV4({ doStream: async () => ({ stream }) });
  return {
    model,
    say: (text) => controller.enqueue({ type: "text-delta", id: "t", delta: text }),
    end: () => {
      controller.enqueue({ type: "text-end", id: "t" });
      controller.enqueue({
        type: "finish",
        finishReason: { unified: "stop", raw: "stop" },
        usage: { inputTokens: { total: 7, noCache: 7, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 12, text: 12, reasoning: undefined } },
      });
      controller.close();
    },
    fail: (error) => controller.error(error),
    cancelled,
  };
}

/** A stream of text parts whose cancellation the test can observe (the "text stream" of a speech call). */
export function observedTextStream(parts: readonly string[], options: { keepOpen?: boolean } = {}): { stream: ReadableStream<string>; cancelled: Promise<unknown>; push(text: string): void } {
  let onCancel!: (reason: unknown) => void;
  let controller!: ReadableStreamDefaultController<string>;
  const cancelled = new Promise<unknown>((resolve) => (onCancel = resolve));
  const stream = new ReadableStream<string>({
    start(c) {
      controller = c;
      for (const part of parts) c.enqueue(part);
      if (!options.keepOpen) c.close();
    },
    cancel(reason) {
      onCancel(reason ?? "cancelled");
    },
  });
  return { stream, cancelled, push: (text) => controller.enqueue(text) };
}
