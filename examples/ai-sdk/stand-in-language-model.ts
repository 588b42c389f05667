// TEST DOUBLE — a stand-in for a real language model, so this example runs offline
// with no API key: the AI SDK's own MockLanguageModelV4, replying with a fixed story
// at about 30 tokens per second. Replace it with any AI SDK model, e.g.
//   import { anthropic } from "@ai-sdk/anthropic";   const model = anthropic("claude-sonnet-4-5");
import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";

const story =
  "Once upon a time, a lighthouse keeper found a bottle on the shore. " +
  "Inside was a map of an island that no chart had ever shown. " +
  "She rowed out at dawn, and by noon the island rose out of the mist.";

export const standInModel = new MockLanguageModelV4({
  provider: "stand-in (test double)",
  modelId: "story",
  doStream: async () => {
    const words = story.match(/\S+\s*/g) ?? [];
    let i = 0;
    const stream = new ReadableStream<LanguageModelV4StreamPart>({
      start(controller) {
        controller.enqueue({ type: "text-start", id: "t" });
      },
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 33));
        const word = words[i++];
        if (word !== undefined) {
          controller.enqueue({ type: "text-delta", id: "t", delta: word });
          return;
        }
        controller.enqueue({ type: "text-end", id: "t" });
        controller.enqueue({
          type: "finish",
          finishReason: { unified: "stop", raw: "stop" },
          usage: { inputTokens: { total: 8, noCache: 8, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: words.length, text: words.length, reasoning: undefined } },
        });
        controller.close();
      },
    });
    return { stream };
  },
});
