import type { LlmStreamPart } from "@voxpipe/core";
import { describeInlineThinkConformance } from "@voxpipe/core/conformance";
import type { FakeServer } from "@voxpipe/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createOpenAiLlm } from "./create-openai.js";
import { chatEvents, chatStream, fixtureText, startFakeOpenai, withContent } from "./__fixtures__/fake-openai.js";
import adapter from "./index.js";

const servers: FakeServer[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof startFakeOpenai>): Promise<FakeServer & { baseURL: string }> {
  const server = await startFakeOpenai(...args);
  servers.push(server);
  return server;
}

const quick = { model: "Qwen3-4B", retries: 0, connectTimeoutMs: 2_000, firstTokenTimeoutMs: 5_000, idleTimeoutMs: 2_000 };
const inline = "chat-inline-think-stream.sse";

describeInlineThinkConformance({
  name: "llm-openai (fake server)",
  serveContent: async (pieces, { delayMs, splitThinkTags }) => {
    const server = await serve(chatEvents(withContent(inline, pieces), delayMs === undefined ? {} : { delayMs }));
    return createOpenAiLlm({ ...quick, baseURL: server.baseURL, ...(splitThinkTags === undefined ? {} : { splitThinkTags }) });
  },
  serveSeparateReasoning: async () => {
    const name = "chat-reasoning-content-stream.sse";
    const server = await serve(chatStream(name));
    return { provider: createOpenAiLlm({ ...quick, baseURL: server.baseURL, splitThinkTags: "starts-inside" }), reasoning: fixtureText(name, "reasoning"), text: fixtureText(name) };
  },
});

describe("llm-openai splitThinkTags", () => {
  it("splits the inline-think fixture and keeps its finish and usage", async () => {
    const server = await serve(chatStream(inline));
    const parts: LlmStreamPart[] = [];
    for await (const part of createOpenAiLlm({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Sky?" })) parts.push(part);
    expect(parts.find((part) => part.type === "text-delta")).toEqual({ type: "text-delta", text: "Rayleigh" });
    expect(parts.filter((part) => part.type === "reasoning-delta").map((part) => (part.type === "reasoning-delta" ? part.text : "")).join("")).toBe(
      "Okay, the user asks about colour.\n",
    );
    expect(parts.at(-1)).toEqual({ type: "finish", reason: "stop", usage: { inputTokens: 16, outputTokens: 21 } });
  });

  it('accepts true, false and "starts-inside", true by default, and rejects anything else', () => {
    expect(adapter.optionsSchema.parse({ model: "m" }).splitThinkTags).toBe(true);
    for (const value of [true, false, "starts-inside"]) expect(adapter.optionsSchema.parse({ model: "m", splitThinkTags: value }).splitThinkTags).toBe(value);
    expect(adapter.optionsSchema.safeParse({ model: "m", splitThinkTags: "yes" }).success).toBe(false);
  });
});
