// TEST DOUBLE — stands in for an AI SDK provider package such as @ai-sdk/anthropic:
// a `createMockAi(settings)` factory and a default `mockAi` instance, whose language
// models are the AI SDK's own MockLanguageModelV4 replying with fixed text.
import { MockLanguageModelV4, convertArrayToReadableStream } from "ai/test";

export function createMockAi(settings = {}) {
  const reply = settings.reply ?? "Hello from the mock provider.";
  const languageModel = (modelId) =>
    new MockLanguageModelV4({
      provider: "mock-ai",
      modelId,
      doStream: async () => ({
        stream: convertArrayToReadableStream([
          { type: "text-start", id: "t" },
          { type: "text-delta", id: "t", delta: reply },
          { type: "text-end", id: "t" },
          { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage: { inputTokens: { total: 3 }, outputTokens: { total: 6 } } },
        ]),
      }),
    });
  const provider = (modelId) => languageModel(modelId);
  provider.languageModel = languageModel;
  return provider;
}

export const mockAi = createMockAi();
