import { runPipeline, type PipelineEvent } from "@voxpipe/core";
import { collect, createSyntheticTts } from "@voxpipe/core/testing";
import { APICallError, type LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV4, convertArrayToReadableStream } from "ai/test";
import { describe, expect, it } from "vitest";
import { controlledLanguageModel } from "./__fixtures__/controlled-language-model.js";
import { llmFromAiSdk } from "./index.js";

const usage = { inputTokens: { total: 5, noCache: 5, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 9, text: 6, reasoning: 3 } };

function replying(parts: LanguageModelV4StreamPart[]): MockLanguageModelV4 {
  return new MockLanguageModelV4({ doStream: async () => ({ stream: convertArrayToReadableStream(parts) }) });
}

describe("llmFromAiSdk", () => {
  it("drives runPipeline: text deltas are segmented and spoken, reasoning is not, usage arrives", async () => {
    const model = replying([
      { type: "stream-start", warnings: [] },
      { type: "reasoning-start", id: "r" },
      { type: "reasoning-delta", id: "r", delta: "The user wants a greeting." },
      { type: "reasoning-end", id: "r" },
      { type: "text-start", id: "t" },
      { type: "text-delta", id: "t", delta: "Hello there, friend. " },
      { type: "text-delta", id: "t", delta: "How are you today?" },
      { type: "text-end", id: "t" },
      { type: "finish", finishReason: { unified: "stop", raw: "end_turn" }, usage },
    ]);
    const llm = llmFromAiSdk(model, { system: "Be brief." });
    const parts = [];
    for await (const part of llm.stream({ prompt: "Greet me." })) parts.push(part);
    expect(parts).toEqual([
      { type: "reasoning-delta", text: "The user wants a greeting." },
      { type: "text-delta", text: "Hello there, friend. " },
      { type: "text-delta", text: "How are you today?" },
      { type: "finish", reason: "stop", usage: { inputTokens: 5, outputTokens: 9 } },
    ]);
    expect(model.doStreamCalls[0]?.prompt).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: [{ type: "text", text: "Greet me." }] },
    ]);

    const events = await collect(runPipeline({ llm: llmFromAiSdk(model), tts: createSyntheticTts(), request: { prompt: "Greet me." }, segmenter: { minLength: 5 } }));
    const segments = events.filter((e) => e.type === "segment").map((e) => (e as { text: string }).text);
    expect(segments.join(" ")).toBe("Hello there, friend. How are you today?");
    expect(events.some((e) => e.type === "audio")).toBe(true);
    const finish = events.at(-1);
    expect(finish?.type).toBe("finish");
    expect(events.some((e) => e.type === "error")).toBe(false);
  });

  it("passes the request's sampling settings to doStream", async () => {
    const model = replying([{ type: "finish", finishReason: { unified: "length", raw: undefined }, usage }]);
    const parts = [];
    for await (const part of llmFromAiSdk(model).stream({ messages: [{ role: "user", content: "Hi" }], temperature: 0.2, topP: 0.9, maxTokens: 32, seed: 7 })) parts.push(part);
    expect(parts).toEqual([{ type: "finish", reason: "length", usage: { inputTokens: 5, outputTokens: 9 } }]);
    expect(model.doStreamCalls[0]).toMatchObject({ temperature: 0.2, topP: 0.9, maxOutputTokens: 32, seed: 7 });
  });

  it("reports an error part as an error (retryable from APICallError), after the text before it", async () => {
    const error = new APICallError({ message: "Overloaded", url: "https://api.example.com/v1/messages", requestBodyValues: {}, statusCode: 529, isRetryable: true });
    const model = replying([
      { type: "text-start", id: "t" },
      { type: "text-delta", id: "t", delta: "Partial answer." },
      { type: "error", error },
    ]);
    const parts = [];
    for await (const part of llmFromAiSdk(model).stream({ prompt: "Hi" })) parts.push(part);
    expect(parts[0]).toEqual({ type: "text-delta", text: "Partial answer." });
    expect(parts[1]).toMatchObject({ type: "error", error: { stage: "llm", code: "llm-http-529", retryable: true } });
    expect((parts[1] as { error: Error }).error.message).toMatch(/mock-provider:mock-model-id failed with HTTP 529: Overloaded/);
  });

  it("masks the environment's keys in the messages it reports", async () => {
    const key = "sk-ai-sdk-test-0123456789abcdef";
    process.env["VOXPIPE_AI_SDK_TEST_API_KEY"] = key;
    try {
      const model = new MockLanguageModelV4({
        doStream: async () => {
          throw new Error(`Incorrect API key provided: ${key}`);
        },
      });
      const parts = [];
      for await (const part of llmFromAiSdk(model).stream({ prompt: "Hi" })) parts.push(part);
      const message = (parts[0] as { error: Error }).error.message;
      expect(message).not.toContain(key);
      expect(message).toMatch(/Incorrect API key provided: \*\*\*/);
    } finally {
      delete process.env["VOXPIPE_AI_SDK_TEST_API_KEY"];
    }
  });

  it("reports a doStream that throws as an error part", async () => {
    const model = new MockLanguageModelV4({
      doStream: async () => {
        throw new Error("no API key");
      },
    });
    const parts = [];
    for await (const part of llmFromAiSdk(model).stream({ prompt: "Hi" })) parts.push(part);
    expect(parts).toEqual([{ type: "error", error: expect.objectContaining({ code: "llm-failed", message: expect.stringMatching(/no API key/) }) }]);
  });

  it("aborts the model's request and releases its stream when the signal fires", async () => {
    const llm = controlledLanguageModel();
    const abort = new AbortController();
    const run = runPipeline({ llm: llmFromAiSdk(llm.model), tts: createSyntheticTts(), request: { prompt: "Talk." }, signal: abort.signal });
    llm.say("Some words that never end ");
    const seen: PipelineEvent[] = [];
    const reading = (async () => {
      for await (const event of run) seen.push(event);
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    abort.abort();
    await reading;
    await llm.cancelled;
    expect(llm.model.doStreamCalls[0]?.abortSignal?.aborted).toBe(true);
    expect(seen.some((e) => e.type === "finish")).toBe(false);
  });
});
