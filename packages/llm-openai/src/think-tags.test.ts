import type { LlmStreamPart } from "@voxpipe/core";
import type { FakeServer } from "@voxpipe/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createOpenai } from "./create-openai.js";
import { chatEvents, chatStream, fixtureText, withContent, sseEvents, startFakeOpenai } from "./__fixtures__/fake-openai.js";
import adapter from "./index.js";

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof startFakeOpenai>): Promise<FakeServer & { baseURL: string }> {
  const server = await startFakeOpenai(...args);
  servers.push(server);
  return server;
}

/** The parts, each with the milliseconds since the stream was asked for. */
async function collectTimed(stream: AsyncIterable<LlmStreamPart>): Promise<{ parts: LlmStreamPart[]; at: number[] }> {
  const started = performance.now();
  const parts: LlmStreamPart[] = [];
  const at: number[] = [];
  for await (const part of stream) {
    parts.push(part);
    at.push(performance.now() - started);
  }
  return { parts, at };
}

const text = (parts: LlmStreamPart[]): string => parts.map((part) => (part.type === "text-delta" ? part.text : "")).join("");
const reasoning = (parts: LlmStreamPart[]): string => parts.map((part) => (part.type === "reasoning-delta" ? part.text : "")).join("");
const types = (parts: LlmStreamPart[]): string[] => parts.map((part) => part.type).filter((type, i, all) => type !== all[i - 1]);
const quick = { model: "Qwen3-4B", retries: 0, connectTimeoutMs: 2_000, firstTokenTimeoutMs: 5_000, idleTimeoutMs: 2_000 };
const inline = "chat-inline-think-stream.sse";
const answer = "Rayleigh scattering makes the daytime sky look blue.";
const thought = "Okay, the user asks about colour.\n";

describe("llm-openai with reasoning inline in the content as <think>…</think>", () => {
  it("streams the block as reasoning-delta parts, then the answer as text-delta parts", async () => {
    expect(fixtureText(inline)).toBe(`<think>\n${thought}</think>\n\n${answer}`);
    const server = await serve(chatStream(inline));
    const { parts } = await collectTimed(createOpenai({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Sky?" }));
    expect(types(parts)).toEqual(["reasoning-delta", "text-delta", "finish"]);
    expect(reasoning(parts)).toBe(thought);
    expect(text(parts)).toBe(answer);
    expect(parts.find((part) => part.type === "text-delta")).toEqual({ type: "text-delta", text: "Rayleigh" });
    expect(parts.at(-1)).toEqual({ type: "finish", reason: "stop", usage: { inputTokens: 16, outputTokens: 21 } });
  });

  it("delivers the first text-delta when the answer starts, not when the think text does", async () => {
    const delayMs = 15;
    const server = await serve(chatStream(inline, { delayMs }));
    const { parts, at } = await collectTimed(createOpenai({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Sky?" }));
    const firstReasoning = parts.findIndex((part) => part.type === "reasoning-delta");
    const firstText = parts.findIndex((part) => part.type === "text-delta");
    // The answer is the 14th event (after the role chunk, `<think>`, `\n`, eight thoughts, `</think>` and `\n\n`).
    const answerEvent = sseEvents(inline).findIndex((event) => event.includes('"content":"Rayleigh"'));
    expect(answerEvent).toBe(13);
    expect(at[firstText]).toBeGreaterThanOrEqual(answerEvent * delayMs);
    expect(at[firstReasoning]).toBeLessThan(at[firstText] as number);
  });

  it.each([
    ["the tags cut across chunks", ["<thi", "nk>", "\nOkay, the user asks about colour.\n</", "think", ">\n", "\nRay", "leigh scattering makes the daytime sky look blue."]],
    ["one character per chunk", [...`<think>\n${thought}</think>\n\n${answer}`]],
    ["all in one chunk", [`<think>\n${thought}</think>\n\n${answer}`]],
  ])("gives the same parts with %s", async (_label, pieces) => {
    const server = await serve(chatEvents(withContent(inline, pieces)));
    const { parts } = await collectTimed(createOpenai({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Sky?" }));
    expect(types(parts)).toEqual(["reasoning-delta", "text-delta", "finish"]);
    expect(reasoning(parts)).toBe(thought);
    expect(text(parts)).toBe(answer);
  });

  it("leaves a `<think>` later in the answer as text", async () => {
    const content = "Use the <think> tag. <think>x</think>";
    const server = await serve(chatEvents(withContent("chat-stream.sse", [...content])));
    const parts = (await collectTimed(createOpenai({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Tags?" }))).parts;
    expect(text(parts)).toBe(content);
    expect(reasoning(parts)).toBe("");
  }, 10_000);

  it("passes the content through as text with splitThinkTags: false", async () => {
    const server = await serve(chatStream(inline));
    const { parts } = await collectTimed(createOpenai({ ...quick, baseURL: server.baseURL, splitThinkTags: false }).stream({ prompt: "Sky?" }));
    expect(text(parts)).toBe(fixtureText(inline));
    expect(reasoning(parts)).toBe("");
  });

  it("takes the content up to </think> as reasoning with splitThinkTags: \"starts-inside\" (the template opened the block)", async () => {
    const server = await serve(chatEvents(withContent(inline, [`${thought}</think>`, "\n\n", answer])));
    const { parts } = await collectTimed(createOpenai({ ...quick, baseURL: server.baseURL, splitThinkTags: "starts-inside" }).stream({ prompt: "Sky?" }));
    expect(reasoning(parts)).toBe(thought);
    expect(text(parts)).toBe(answer);
  });

  it("does not swallow the answer with \"starts-inside\" when the server streams reasoning in its own field", async () => {
    const name = "chat-reasoning-content-stream.sse";
    const server = await serve(chatStream(name));
    const { parts } = await collectTimed(createOpenai({ ...quick, baseURL: server.baseURL, splitThinkTags: "starts-inside" }).stream({ prompt: "Sky?" }));
    expect(reasoning(parts)).toBe(fixtureText(name, "reasoning"));
    expect(text(parts)).toBe(fixtureText(name));
  });

  it("accepts splitThinkTags true, false and \"starts-inside\", true by default, and rejects anything else", () => {
    expect(adapter.optionsSchema.parse({ model: "m" }).splitThinkTags).toBe(true);
    for (const value of [true, false, "starts-inside"]) expect(adapter.optionsSchema.parse({ model: "m", splitThinkTags: value }).splitThinkTags).toBe(value);
    expect(adapter.optionsSchema.safeParse({ model: "m", splitThinkTags: "yes" }).success).toBe(false);
  });
});
