import type { LlmStreamPart } from "@voxpipe/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StreamWatchdog } from "@voxpipe/core/adapter-kit";
import { createOllamaLlm, normalizeHost } from "./create-ollama.js";
import { chatStream, errorAnswer, fixture, fixtureText, startFakeOllama } from "./__fixtures__/fake-ollama.js";
import { collect, errorPartOf, type FakeServer, neverAnswer, sendChunks, startFakeServer } from "@voxpipe/core/testing";
import adapter from "./index.js";

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof startFakeOllama>): Promise<FakeServer> {
  const server = await startFakeOllama(...args);
  servers.push(server);
  return server;
}

const text = (parts: LlmStreamPart[]): string => parts.map((part) => (part.type === "text-delta" ? part.text : "")).join("");
const quick = { retries: 0, connectTimeoutMs: 2_000, firstTokenTimeoutMs: 5_000, idleTimeoutMs: 2_000 };

/**
 * Puts the adapter's deadlines on vitest's fake clock: timers only, so sockets
 * and `setImmediate` run for real while no deadline passes until the test
 * advances the clock. Call `vi.useRealTimers()` after.
 */
const fakeDeadlines = (): void => void vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });

/** Lets real I/O run (the fake clock standing still) until `done()` holds. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
}

describe("llm-ollama against a fake Ollama server", () => {
  it("streams a reply as text deltas and finishes with usage", async () => {
    const server = await serve(chatStream());
    const parts = await collect(createOllamaLlm({ host: server.url, model: "llama3.2" }).stream({ prompt: "Why is the sky blue?" }));
    expect(text(parts)).toBe(fixtureText("chat-stream.ndjson"));
    expect(parts.filter((part) => part.type === "text-delta").length).toBe(20);
    expect(parts.at(-1)).toEqual({ type: "finish", reason: "stop", usage: { inputTokens: 31, outputTokens: 21 } });
  });

  it("sends the model, messages and options mapping the server expects", async () => {
    const server = await serve(chatStream());
    const provider = createOllamaLlm({
      host: server.url, model: "qwen3:4b", systemPrompt: "Answer in one sentence.", temperature: 0.2, topP: 0.9, maxTokens: 99, seed: 7,
      modelOptions: { num_ctx: 4096 }, thinking: false, keepAlive: "10m", headers: { "X-Team": "voice" }, apiKey: "ollama-key-123",
    });
    await collect(provider.stream({ prompt: "Hello there", temperature: 0.5, topK: 40 }));
    const chat = server.requests.find((request) => request.path === "/api/chat");
    expect(chat?.method).toBe("POST");
    expect(JSON.parse(chat?.body ?? "{}")).toEqual({
      model: "qwen3:4b",
      messages: [{ role: "system", content: "Answer in one sentence." }, { role: "user", content: "Hello there" }],
      stream: true,
      options: { num_ctx: 4096, temperature: 0.5, top_p: 0.9, top_k: 40, num_predict: 99, seed: 7 },
      think: false,
      keep_alive: "10m",
    });
    expect(chat?.headers["x-team"]).toBe("voice");
    expect(chat?.headers["authorization"]).toBe("Bearer ollama-key-123");
    expect(chat?.headers["content-type"]).toBe("application/json");
  });

  it("keeps a conversation as given and reads the host from OLLAMA_HOST", async () => {
    const server = await serve(chatStream());
    const provider = await adapter.create(adapter.optionsSchema.parse({ model: "llama3.2" }), { configDir: "/", env: { OLLAMA_HOST: server.url }, log: () => {} });
    const messages = [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }, { role: "assistant", content: "Hello!" }, { role: "user", content: "Sky?" }] as const;
    await collect(provider.stream({ messages }));
    expect(JSON.parse(server.requests.find((request) => request.path === "/api/chat")?.body ?? "{}").messages).toEqual(messages);
  });

  it("streams thinking as reasoning-delta parts, never as text", async () => {
    const server = await serve(chatStream("chat-thinking-stream.ndjson"));
    const parts = await collect(createOllamaLlm({ host: server.url, model: "qwen3:4b", thinking: true }).stream({ prompt: "Sky?" }));
    const reasoning = parts.map((part) => (part.type === "reasoning-delta" ? part.text : "")).join("");
    expect(reasoning).toBe(fixtureText("chat-thinking-stream.ndjson", "thinking"));
    expect(text(parts)).toBe(fixtureText("chat-thinking-stream.ndjson"));
    expect(text(parts)).not.toContain("Okay");
    expect(parts.at(-1)?.type).toBe("finish");
  });

  it("waits for slow tokens as long as each gap is under the idle timeout", async () => {
    const server = await serve(chatStream("chat-stream.ndjson", { delayMs: 60 }));
    const parts = await collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick, idleTimeoutMs: 1_500 }).stream({ prompt: "Sky?" }));
    expect(text(parts)).toBe(fixtureText("chat-stream.ndjson"));
    expect(parts.at(-1)?.type).toBe("finish");
  });

  it("reports a drop mid-stream as llm-stream-dropped after the text, and does not retry", async () => {
    const server = await serve(chatStream("chat-stream.ndjson", { dropAfter: 5 }));
    const parts = await collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick, retries: 3, retryDelayMs: 10 }).stream({ prompt: "Sky?" }));
    expect(text(parts)).toBe("The sky looks blue because");
    const error = errorPartOf(parts);
    expect(error.code).toBe("llm-stream-dropped");
    expect(error.stage).toBe("llm");
    expect(error.message).toContain(server.url);
    expect(server.count("POST /api/chat")).toBe(1);
  });

  it("reports 401 as llm-auth without the API key, even when the server echoes it", async () => {
    const key = "sk-ollama-secret-4242";
    const server = await serve(errorAnswer(401, `{"error":"invalid token ${key}"}`));
    const parts = await collect(createOllamaLlm({ host: server.url, model: "llama3.2", apiKey: key, ...quick, retries: 2 }).stream({ prompt: "Hi" }));
    const error = errorPartOf(parts);
    expect(error.code).toBe("llm-auth");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(server.url);
    expect(`${error.message} ${JSON.stringify(error)} ${String((error.cause as Error | undefined)?.message ?? error.cause)}`).not.toContain(key);
    expect(server.count("POST /api/chat")).toBe(1);
  });

  it("reports an unknown model as llm-model-not-found, with `ollama pull` and the local models", async () => {
    const server = await serve(errorAnswer(404, fixture("error-model-not-found.json").replace("MODEL", "mistral-nope")));
    const error = errorPartOf(await collect(createOllamaLlm({ host: server.url, model: "mistral-nope", ...quick }).stream({ prompt: "Hi" })));
    expect(error.code).toBe("llm-model-not-found");
    expect(error.message).toContain("ollama pull mistral-nope");
    expect(error.message).toContain("llama3.2:latest, qwen3:4b");
  });

  it("retries a 429 before the first token, honouring Retry-After, and succeeds on the second attempt", async () => {
    const limited = errorAnswer(429, `{"error":"too many requests"}`, { "Retry-After": "1" });
    const server = await serve((request, response, index) => (index === 0 ? limited(request, response, index) : chatStream()(request, response, index)));
    const logs: string[] = [];
    const started = performance.now();
    const parts = await collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick, retries: 2, retryDelayMs: 10 }, { log: (_level, message) => logs.push(message) }).stream({ prompt: "Hi" }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(text(parts)).toBe(fixtureText("chat-stream.ndjson"));
    expect(server.count("POST /api/chat")).toBe(2);
    expect(logs.join("\n")).toMatch(/Retrying in 1000 ms/);
  });

  it("reports a 429 as llm-rate-limited with retryAfterMs when retries run out", async () => {
    const server = await serve(errorAnswer(429, `{"error":"too many requests"}`, { "Retry-After": "3" }));
    const error = errorPartOf(await collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick }).stream({ prompt: "Hi" })));
    expect(error).toMatchObject({ code: "llm-rate-limited", retryable: true, retryAfterMs: 3000 });
  });

  it("reports 5xx as a retryable llm-server-error and retries it", async () => {
    const server = await serve(errorAnswer(503, fixture("error-server-busy.json")));
    const error = errorPartOf(await collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick, retries: 1, retryDelayMs: 10 }).stream({ prompt: "Hi" })));
    expect(error).toMatchObject({ code: "llm-server-error", retryable: true });
    expect(error.message).toContain("server busy");
    expect(server.count("POST /api/chat")).toBe(2);
  });

  it("reports a garbage line as llm-malformed-chunk after the text before it", async () => {
    const server = await serve(chatStream("chat-stream.ndjson", { garbage: { at: 3, text: "<html>502 Bad Gateway</html>\n" } }));
    const parts = await collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick }).stream({ prompt: "Hi" }));
    expect(text(parts)).toBe("The sky looks");
    expect(errorPartOf(parts).code).toBe("llm-malformed-chunk");
  });

  it("reports an error line inside the stream as llm-server-error", async () => {
    const server = await serve(async (_request, response) => {
      response.writeHead(200, { "Content-Type": "application/x-ndjson" });
      await sendChunks(response, [`{"model":"llama3.2","created_at":"2025-06-02T09:14:07.512000005Z","message":{"role":"assistant","content":"Hi"},"done":false}\n`, `{"error":"an error was encountered while running the model: unexpected EOF"}\n`]);
    });
    const parts = await collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick }).stream({ prompt: "Hi" }));
    expect(text(parts)).toBe("Hi");
    expect(errorPartOf(parts).code).toBe("llm-server-error");
    expect(errorPartOf(parts).message).toContain("unexpected EOF");
  });

  it("times out waiting for the first token, says which timeout, and closes the request", async () => {
    const server = await serve((_request, response) => neverAnswer(response));
    const error = errorPartOf(await collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick, firstTokenTimeoutMs: 300 }).stream({ prompt: "Hi" })));
    expect(error).toMatchObject({ code: "llm-timeout", retryable: true });
    expect(error.message).toMatch(/^first-token timeout/);
    expect(error.message).toContain("firstTokenTimeoutMs (300 ms)");
    await server.clientClosed();
  });

  it("times out on a gap between tokens (idle) after the text so far", async () => {
    const server = await serve(chatStream("chat-stream.ndjson", { stallAfter: 4 }));
    const parts = await collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick, idleTimeoutMs: 300 }).stream({ prompt: "Hi" }));
    expect(text(parts)).toBe("The sky looks blue");
    expect(errorPartOf(parts).message).toMatch(/^idle timeout/);
    await server.clientClosed();
  });

  it("times out when the server accepts the connection but never answers (connect)", async () => {
    const server = await startFakeServer({ "GET /api/version": (_request, response) => neverAnswer(response), "POST /api/chat": (_request, response) => neverAnswer(response) });
    servers.push(server);
    fakeDeadlines();
    try {
      const parts = collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick, connectTimeoutMs: 250 }).stream({ prompt: "Hi" }));
      // Both requests are at the server, unanswered; then the connect deadline passes.
      await until(() => server.count("GET /api/version") === 1 && server.count("POST /api/chat") === 1);
      await vi.advanceTimersByTimeAsync(250);
      const error = errorPartOf(await parts);
      expect(error.message).toMatch(/^connect timeout/);
      expect(error.message).toContain("connectTimeoutMs (250 ms)");
    } finally {
      vi.useRealTimers();
    }
    await server.clientClosed();
  });

  it("keeps waiting past connectTimeoutMs while the model loads, once the server has answered the probe", async () => {
    let release = (): void => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const server = await serve(async (request, response, index) => {
      await released; // the model "loads" until the test says so
      await chatStream()(request, response, index);
    });
    const connected = vi.spyOn(StreamWatchdog.prototype, "connected");
    fakeDeadlines();
    try {
      const parts = collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick, connectTimeoutMs: 200 }).stream({ prompt: "Hi" }));
      // The probe's answer ended the connect deadline; the chat request waits on the loading model.
      await until(() => connected.mock.calls.length > 0 && server.count("POST /api/chat") === 1);
      await vi.advanceTimersByTimeAsync(1_000); // five connect timeouts, within the first-token timeout (5 s)
      release();
      expect((await parts).at(-1)?.type).toBe("finish");
    } finally {
      vi.useRealTimers();
      connected.mockRestore();
    }
  });

  it("reports a closed port as llm-unreachable naming the URL", async () => {
    const gone = await startFakeServer({});
    const url = gone.url;
    await gone.close();
    const error = errorPartOf(await collect(createOllamaLlm({ host: url, model: "llama3.2", ...quick }).stream({ prompt: "Hi" })));
    expect(error.code).toBe("llm-unreachable");
    expect(error.message).toContain(url);
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("closes the HTTP request at once on abort and finishes with reason abort", async () => {
    const server = await serve(chatStream("chat-stream.ndjson", { delayMs: 50 }));
    const controller = new AbortController();
    const parts: LlmStreamPart[] = [];
    let partsBeforeAbort = 0;
    for await (const part of createOllamaLlm({ host: server.url, model: "llama3.2", ...quick }).stream({ prompt: "Hi", signal: controller.signal })) {
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

  it("closes the request on abort while the model is still loading (before any header)", async () => {
    const server = await serve((_request, response) => neverAnswer(response));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const parts = await collect(createOllamaLlm({ host: server.url, model: "llama3.2", ...quick }).stream({ prompt: "Hi", signal: controller.signal }));
    expect(parts).toEqual([{ type: "finish", reason: "abort" }]);
    await server.clientClosed();
  });
});

describe("llm-ollama options", () => {
  it("normalizes hosts the way Ollama does", () => {
    expect(normalizeHost("gpu-box")).toBe("http://gpu-box:11434");
    expect(normalizeHost(":8080")).toBe("http://127.0.0.1:8080");
    expect(normalizeHost("https://ollama.example.com/")).toBe("https://ollama.example.com");
  });

  it("describes every option and has defaults", () => {
    const shape = adapter.optionsSchema.shape;
    for (const [key, field] of Object.entries(shape)) expect(field.description, key).toBeTruthy();
    expect(adapter.optionsSchema.parse({ model: "llama3.2" })).toMatchObject({ retries: 2, connectTimeoutMs: 10_000, idleTimeoutMs: 30_000 });
  });
});
