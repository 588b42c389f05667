import { request as httpRequest } from "node:http";
import { VoxpipeError, type TtsProvider } from "@voxpipe/core";
import { createScriptedLlm, createSyntheticTts } from "@voxpipe/core/testing";
import OpenAI from "openai";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readAll, startTestServer, type TestServer } from "./__fixtures__/start-test-server.js";

const open: TestServer[] = [];
const start = async (...args: Parameters<typeof startTestServer>): Promise<TestServer> => {
  const server = await startTestServer(...args);
  open.push(server);
  return server;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

const speechBody = { model: "voxpipe", voice: "alloy", input: "Hello there. How are you?", response_format: "pcm" as const };
const slowLlm = () => createScriptedLlm({ text: "One two three four five six. ".repeat(40), tokensPerSecond: 20 });

describe("auth", () => {
  it("with keys set, no key or a wrong key is 401 in OpenAI's error shape; the right key passes", async () => {
    const server = await start({ apiKeys: ["sk-test-key-1"] });
    await expect(server.client("sk-wrong-key").models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const raw = await fetch(`${server.url}/v1/models`);
    expect(raw.status).toBe(401);
    const body = (await raw.json()) as { error: { type: string; code: string; message: string } };
    expect(body.error).toMatchObject({ type: "authentication_error", code: "missing_api_key" });
    expect(JSON.stringify(body)).not.toContain("sk-test-key-1");
    await expect(server.client("sk-test-key-1").models.list()).resolves.toMatchObject({ data: [{ id: "voxpipe" }] });
  });

  it("refuses a non-loopback bind without keys unless allowUnauthenticated", async () => {
    await expect(start({ server: { host: "0.0.0.0" } })).rejects.toThrow(/server\.host is "0\.0\.0\.0".*VOXPIPE_API_KEYS/s);
    const allowed = await start({ server: { host: "0.0.0.0", allowUnauthenticated: true } });
    expect(allowed.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
  });
});

describe("errors", () => {
  it("an unsupported response_format is a 400 naming the parameter", async () => {
    const server = await start();
    const failure = await server.client().audio.speech.create({ ...speechBody, response_format: "mp3" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect((failure as InstanceType<typeof OpenAI.BadRequestError>).param).toBe("response_format");
    expect((failure as Error).message).toMatch(/"mp3" is not supported here; use "pcm" or "wav"/);
  });

  it("input over the cap is 400; a body over the cap is 413", async () => {
    const server = await start({ server: { limits: { maxInputChars: 10, maxBodyBytes: 2048 } } });
    await expect(server.client().audio.speech.create({ ...speechBody, input: "This input is too long." })).rejects.toThrow(/maxInputChars/);
    const big = await fetch(`${server.url}/v1/audio/speech`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...speechBody, input: "x".repeat(4000) }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe("request_too_large");
  });

  it("bad JSON, a wrong content type, an unknown path and a wrong method get OpenAI-shaped errors", async () => {
    const server = await start();
    const post = (path: string, body: string, type = "application/json") => fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": type }, body });
    expect((await post("/v1/audio/speech", "{nope")).status).toBe(400);
    expect((await post("/v1/audio/speech", "{}", "text/plain")).status).toBe(415);
    const missing = await post("/v1/audio/speech", JSON.stringify({ model: "voxpipe", voice: "alloy" }));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { param: string } }).error.param).toBe("input");
    expect((await fetch(`${server.url}/v1/nothing`)).status).toBe(404);
    expect((await fetch(`${server.url}/v1/audio/speech`)).status).toBe(405);
  });

  it("a TTS failure before any audio is a 502 with the stage and code", async () => {
    const refusing: TtsProvider = {
      id: "refusing-tts (test double)",
      voice: "none",
      format: { sampleRate: 24_000, channels: 1 },
      streaming: "whole",
      // eslint-disable-next-line require-yield
      async *synthesize() {
        throw new VoxpipeError({ code: "tts-unavailable", stage: "tts", message: "refusing TTS (test double): the backend is down" });
      },
    };
    const server = await start({ tts: refusing });
    const failure = await server.client().audio.speech.create(speechBody).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect((failure as Error).message).toMatch(/tts failed/);
  });

  it("a failure after audio started: SSE streams end with an error event, the openai client raises it; a raw audio body is truncated", async () => {
    // failOnSegment counts the TTS's requests: no pause measurement (pipeline.pauses.learn) before the reply.
    const pipeline = { pauses: { learn: false } };
    const server = await start({ tts: createSyntheticTts({ failOnSegment: 1 }), llm: createScriptedLlm({ text: "First sentence is here. Second sentence is there. Third one.", tokensPerSecond: 200 }), pipeline });
    const stream = await server.client().chat.completions.create({ model: "voxpipe", messages: [{ role: "user", content: "hi" }], modalities: ["text", "audio"], audio: { voice: "alloy", format: "pcm16" }, stream: true });
    let audioChunks = 0;
    const failure = await (async () => {
      for await (const chunk of stream) if ((chunk.choices[0]?.delta as { audio?: { data?: string } }).audio?.data) audioChunks++;
    })().catch((error: unknown) => error);
    expect(audioChunks).toBeGreaterThan(0);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as Error).message).toMatch(/tts failed/);

    const fresh = await start({ tts: createSyntheticTts({ failOnSegment: 1 }), pipeline });
    const response = await fresh.client().audio.speech.create({ ...speechBody, input: "First sentence is here. Second sentence is there. Third one." });
    expect(response.status).toBe(200);
    await expect(readAll(response.body as unknown as AsyncIterable<Uint8Array>)).rejects.toThrow();
  });
});

describe("limits", () => {
  it("a client over its concurrent-stream limit gets 429 with Retry-After; the slot comes back when a stream ends", async () => {
    const server = await start({ llm: slowLlm(), tts: createSyntheticTts(), server: { limits: { maxStreamsPerKey: 1, retryAfterSeconds: 3 } } });
    const controller = new AbortController();
    const first = await server.client().chat.completions.create({ model: "voxpipe", messages: [{ role: "user", content: "hi" }], stream: true }, { signal: controller.signal });
    const second = await fetch(`${server.url}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "voxpipe", messages: [{ role: "user", content: "hi" }] }) });
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("3");
    expect(((await second.json()) as { error: { type: string } }).error.type).toBe("rate_limit_error");
    controller.abort();
    await first[Symbol.asyncIterator]().next().catch(() => undefined);
    await vi.waitFor(() => expect(server.server.activeStreams).toBe(0));
    const again = new AbortController();
    const third = await server.client().chat.completions.create({ model: "voxpipe", messages: [{ role: "user", content: "hi" }], stream: true }, { signal: again.signal });
    const firstChunk = await third[Symbol.asyncIterator]().next();
    expect(firstChunk.value?.choices[0]?.delta.content).toMatch(/^ ?One/);
    again.abort();
  });

  it("CORS: an allowed origin gets the headers and its preflight passes; another origin is refused", async () => {
    const server = await start({ server: { cors: { origins: ["https://app.example.com"] } } });
    const preflight = (origin: string) =>
      fetch(`${server.url}/v1/audio/speech`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } });
    const allowed = await preflight("https://app.example.com");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(allowed.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
    const refused = await preflight("https://evil.example.com");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("a raw request that declares a huge body is refused before it is read", async () => {
    const server = await start({ server: { limits: { maxBodyBytes: 2048 } } });
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${server.url}/v1/audio/speech`, { method: "POST", headers: { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.write("{");
    });
    expect(status).toBe(413);
  });
});
