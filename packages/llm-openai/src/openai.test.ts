import type { LlmStreamPart } from "@voxpipe/core";
import { afterEach, describe, expect, it } from "vitest";
import { createOpenAiLlm } from "./create-openai.js";
import { chatStream, errorAnswer, fixture, fixtureText, sseEvents, startFakeOpenai } from "./__fixtures__/fake-openai.js";
import { collect, errorPartOf, type FakeServer, neverAnswer, sendChunks, startFakeServer } from "@voxpipe/core/testing";
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

const text = (parts: LlmStreamPart[]): string => parts.map((part) => (part.type === "text-delta" ? part.text : "")).join("");
const reasoning = (parts: LlmStreamPart[]): string => parts.map((part) => (part.type === "reasoning-delta" ? part.text : "")).join("");
const quick = { model: "gpt-4o-mini", retries: 0, connectTimeoutMs: 2_000, firstTokenTimeoutMs: 5_000, idleTimeoutMs: 2_000 };
const chatRoute = "POST /v1/chat/completions";

describe("llm-openai against a fake OpenAI-compatible server", () => {
  it("streams a reply as text deltas and finishes with usage", async () => {
    const server = await serve(chatStream());
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Why is the sky blue?" }));
    expect(text(parts)).toBe(fixtureText("chat-stream.sse"));
    expect(parts.filter((part) => part.type === "text-delta")).toHaveLength(20);
    expect(parts.at(-1)).toEqual({ type: "finish", reason: "stop", usage: { inputTokens: 24, outputTokens: 20 } });
  });

  it("sends the model, messages, options mapping and headers the server expects", async () => {
    const server = await serve(chatStream());
    const provider = createOpenAiLlm({
      ...quick, baseURL: server.baseURL, systemPrompt: "Answer in one sentence.", temperature: 0.2, topP: 0.9, maxTokens: 99, seed: 7,
      thinking: "low", extraBody: { chat_template_kwargs: { enable_thinking: false } }, headers: { "X-Title": "voxpipe" }, apiKey: "sk-test-abcdef123456",
    });
    await collect(provider.stream({ prompt: "Hello there", temperature: 0.5, topK: 40 }));
    const chat = server.requests.find((request) => request.path === "/v1/chat/completions");
    expect(JSON.parse(chat?.body ?? "{}")).toEqual({
      model: "gpt-4o-mini",
      messages: [{ role: "system", content: "Answer in one sentence." }, { role: "user", content: "Hello there" }],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.5,
      top_p: 0.9,
      max_tokens: 99,
      seed: 7,
      reasoning_effort: "low",
      chat_template_kwargs: { enable_thinking: false },
      top_k: 40,
    });
    expect(chat?.headers["authorization"]).toBe("Bearer sk-test-abcdef123456");
    expect(chat?.headers["x-title"]).toBe("voxpipe");
    expect(chat?.headers["x-stainless-retry-count"]).toBe("0");
  });

  it("reads baseURL and the key from the adapter context's env, and sends no Authorization without a key", async () => {
    const server = await serve(chatStream());
    const context = { configDir: "/", log: () => {} };
    const withKey = await adapter.create(adapter.optionsSchema.parse({ model: "m", maxTokensField: "max_completion_tokens", streamUsage: false }), { ...context, env: { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: "sk-from-env-999" } });
    await collect(withKey.stream({ prompt: "Hi", maxTokens: 5 }));
    const withoutKey = await adapter.create(adapter.optionsSchema.parse({ model: "m" }), { ...context, env: { OPENAI_BASE_URL: server.baseURL } });
    await collect(withoutKey.stream({ prompt: "Hi" }));
    const [first, second] = server.requests;
    expect(first?.headers["authorization"]).toBe("Bearer sk-from-env-999");
    expect(JSON.parse(first?.body ?? "{}")).toMatchObject({ max_completion_tokens: 5 });
    expect(JSON.parse(first?.body ?? "{}")).not.toHaveProperty("stream_options");
    expect(second?.headers["authorization"]).toBeUndefined();
  });

  it.each([
    ["reasoning_content (llama.cpp, vLLM < 0.11, DeepSeek)", "chat-reasoning-content-stream.sse"],
    ["reasoning (OpenRouter, vLLM >= 0.11), after an SSE comment", "chat-reasoning-stream.sse"],
  ])("streams %s as reasoning-delta parts, never as text", async (_label, name) => {
    const server = await serve(chatStream(name));
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Sky?" }));
    expect(reasoning(parts)).toBe(fixtureText(name, "reasoning"));
    expect(text(parts)).toBe(fixtureText(name));
    expect(text(parts)).not.toContain("Okay");
    expect(parts.at(-1)).toMatchObject({ type: "finish", reason: "stop", usage: { inputTokens: 16, outputTokens: 19 } });
  });

  it("waits for slow tokens as long as each gap is under the idle timeout", async () => {
    const server = await serve(chatStream("chat-stream.sse", { delayMs: 60 }));
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL, idleTimeoutMs: 1_500 }).stream({ prompt: "Sky?" }));
    expect(text(parts)).toBe(fixtureText("chat-stream.sse"));
    expect(parts.at(-1)?.type).toBe("finish");
  });

  it("reports a drop mid-stream as llm-stream-dropped after the text, and does not retry", async () => {
    const server = await serve(chatStream("chat-stream.sse", { dropAfter: 6 }));
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL, retries: 3, retryDelayMs: 10 }).stream({ prompt: "Sky?" }));
    expect(text(parts)).toBe("The sky looks blue because");
    expect(errorPartOf(parts)).toMatchObject({ code: "llm-stream-dropped", stage: "llm" });
    expect(server.count(chatRoute)).toBe(1);
  });

  it("reports a stream that ends cleanly without finish_reason as llm-stream-dropped", async () => {
    const server = await serve(async (_request, response) => {
      response.writeHead(200, { "Content-Type": "text/event-stream" });
      await sendChunks(response, sseEvents("chat-stream.sse").slice(0, 4));
    });
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Sky?" }));
    expect(text(parts)).toBe("The sky looks");
    expect(errorPartOf(parts).code).toBe("llm-stream-dropped");
  });

  it("reports 401 as llm-auth and never puts the API key in the error, even when the server echoes it", async () => {
    const key = "sk-proj-Zq81mVb2LxT0pRk4";
    const server = await serve(errorAnswer(401, fixture("error-invalid-api-key.json").replace("KEY", key)));
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL, apiKey: key, retries: 2 }).stream({ prompt: "Hi" }));
    const error = errorPartOf(parts);
    expect(error).toMatchObject({ code: "llm-auth", retryable: false });
    expect(error.message).toContain("Incorrect API key provided");
    expect(error.message).toContain(server.baseURL);
    const everything = `${error.message} ${JSON.stringify(error)} ${String(error.cause)} ${(error.cause as Error).message}`;
    expect(everything).not.toContain(key);
    expect(everything).not.toContain("Zq81mVb2");
    expect(server.count(chatRoute)).toBe(1);
  });

  it.each([
    ["OpenAI", "error-model-not-found.json"],
    ["vLLM", "error-vllm-model-not-found.json"],
  ])("reports an unknown model (%s body) as llm-model-not-found naming the model", async (_label, name) => {
    const server = await serve(errorAnswer(404, fixture(name).replace("MODEL", "gpt-nope")));
    const error = errorPartOf(await collect(createOpenAiLlm({ ...quick, model: "gpt-nope", baseURL: server.baseURL }).stream({ prompt: "Hi" })));
    expect(error.code).toBe("llm-model-not-found");
    expect(error.message).toContain('"gpt-nope"');
    expect(error.message).toContain("does not exist");
  });

  it("reports a 404 that is not about the model as a wrong baseURL", async () => {
    const server = await serve(errorAnswer(404, `{"detail":"Not Found"}`));
    const error = errorPartOf(await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Hi" })));
    expect(error.code).toBe("llm-bad-request");
    expect(error.message).toContain("/v1 suffix");
  });

  it("retries a 429 before the first token, honouring Retry-After, and succeeds on the second attempt", async () => {
    const limited = errorAnswer(429, fixture("error-rate-limit.json"), { "Retry-After": "1" });
    const server = await serve((request, response, index) => (index === 0 ? limited(request, response, index) : chatStream()(request, response, index)));
    const logs: string[] = [];
    const started = performance.now();
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL, retries: 2, retryDelayMs: 10 }, { log: (_level, message) => logs.push(message) }).stream({ prompt: "Hi" }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(text(parts)).toBe(fixtureText("chat-stream.sse"));
    expect(server.count(chatRoute)).toBe(2);
    expect(logs.join("\n")).toMatch(/Retrying in 1000 ms/);
  });

  it("reports a 429 as llm-rate-limited with retryAfterMs, and an exhausted quota as not retryable", async () => {
    const server = await serve(errorAnswer(429, fixture("error-rate-limit.json"), { "retry-after-ms": "1500" }));
    const error = errorPartOf(await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Hi" })));
    expect(error).toMatchObject({ code: "llm-rate-limited", retryable: true, retryAfterMs: 1500 });
    const quota = await serve(errorAnswer(429, `{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}`));
    const quotaError = errorPartOf(await collect(createOpenAiLlm({ ...quick, baseURL: quota.baseURL, retries: 2 }).stream({ prompt: "Hi" })));
    expect(quotaError).toMatchObject({ code: "llm-rate-limited", retryable: false });
    expect(quota.count(chatRoute)).toBe(1);
  });

  it("does not retry once text has started, whatever the failure", async () => {
    const server = await serve(chatStream("chat-stream.sse", { stallAfter: 3 }));
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL, retries: 3, retryDelayMs: 10, idleTimeoutMs: 200 }).stream({ prompt: "Hi" }));
    expect(text(parts)).toBe("The sky");
    expect(errorPartOf(parts)).toMatchObject({ code: "llm-timeout", retryable: true });
    expect(server.count(chatRoute)).toBe(1);
  });

  it("reports 500 as a retryable llm-server-error and retries it", async () => {
    const server = await serve(errorAnswer(500, fixture("error-server.json")));
    const error = errorPartOf(await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL, retries: 1, retryDelayMs: 10 }).stream({ prompt: "Hi" })));
    expect(error).toMatchObject({ code: "llm-server-error", retryable: true });
    expect(error.message).toContain("The server had an error");
    expect(server.count(chatRoute)).toBe(2);
  });

  it("reports a garbage event as llm-malformed-chunk after the text before it", async () => {
    const server = await serve(chatStream("chat-stream.sse", { garbage: { at: 4, text: "data: {\"id\": chatcmpl-broken\n\n" } }));
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Hi" }));
    expect(text(parts)).toBe("The sky looks");
    expect(errorPartOf(parts).code).toBe("llm-malformed-chunk");
  });

  it("reports an error event inside the stream as llm-server-error", async () => {
    const server = await serve(chatStream("chat-stream.sse", { garbage: { at: 3, text: `data: {"error":{"message":"upstream model crashed","type":"server_error","code":null}}\n\n` } }));
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Hi" }));
    expect(text(parts)).toBe("The sky");
    expect(errorPartOf(parts).code).toBe("llm-server-error");
    expect(errorPartOf(parts).message).toContain("upstream model crashed");
  });

  it("times out waiting for the first token, says which timeout, and closes the request", async () => {
    const server = await serve(async (_request, response) => {
      response.writeHead(200, { "Content-Type": "text/event-stream" });
      response.write(sseEvents("chat-stream.sse")[0]);
      await neverAnswer(response);
    });
    const error = errorPartOf(await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL, firstTokenTimeoutMs: 300 }).stream({ prompt: "Hi" })));
    expect(error).toMatchObject({ code: "llm-timeout", retryable: true });
    expect(error.message).toMatch(/^first-token timeout/);
    expect(error.message).toContain("firstTokenTimeoutMs (300 ms)");
    await server.clientClosed();
  });

  it("times out on a gap between tokens (idle) after the text so far", async () => {
    const server = await serve(chatStream("chat-stream.sse", { stallAfter: 5 }));
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL, idleTimeoutMs: 300 }).stream({ prompt: "Hi" }));
    expect(text(parts)).toBe("The sky looks blue");
    expect(errorPartOf(parts).message).toMatch(/^idle timeout/);
    await server.clientClosed();
  });

  it("times out when no response headers come (connect)", async () => {
    const server = await serve((_request, response) => neverAnswer(response));
    const error = errorPartOf(await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL, connectTimeoutMs: 250 }).stream({ prompt: "Hi" })));
    expect(error.code).toBe("llm-timeout");
    expect(error.message).toMatch(/^connect timeout/);
  });

  it("reports a closed port as llm-unreachable naming the URL", async () => {
    const gone = await startFakeServer({});
    await gone.close();
    const error = errorPartOf(await collect(createOpenAiLlm({ ...quick, baseURL: `${gone.url}/v1` }).stream({ prompt: "Hi" })));
    expect(error.code).toBe("llm-unreachable");
    expect(error.message).toContain(`${gone.url}/v1`);
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("closes the HTTP request at once on abort and finishes with reason abort", async () => {
    const server = await serve(chatStream("chat-stream.sse", { delayMs: 50 }));
    const controller = new AbortController();
    const parts: LlmStreamPart[] = [];
    let partsBeforeAbort = 0;
    for await (const part of createOpenAiLlm({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Hi", signal: controller.signal })) {
      parts.push(part);
      if (part.type === "text-delta" && !controller.signal.aborted) {
        partsBeforeAbort = parts.length;
        controller.abort();
      }
    }
    // Nothing more of the reply after the abort (the server had most of it still to send), only the finish.
    expect(parts.slice(partsBeforeAbort)).toEqual([{ type: "finish", reason: "abort" }]);
    await server.clientClosed();
  });

  it("closes the request on abort before the server answered", async () => {
    const server = await serve((_request, response) => neverAnswer(response));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const parts = await collect(createOpenAiLlm({ ...quick, baseURL: server.baseURL }).stream({ prompt: "Hi", signal: controller.signal }));
    expect(parts).toEqual([{ type: "finish", reason: "abort" }]);
    await server.clientClosed();
  });

  it("describes every option and has defaults", () => {
    for (const [key, field] of Object.entries(adapter.optionsSchema.shape)) expect(field.description, key).toBeTruthy();
    expect(adapter.optionsSchema.parse({ model: "m" })).toMatchObject({ retries: 2, maxTokensField: "max_tokens", streamUsage: true });
  });
});
