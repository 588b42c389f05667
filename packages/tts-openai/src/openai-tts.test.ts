import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { VoxpipeError, type AudioChunk, type TtsProvider } from "@voxpipe/core";
import adapter, { createOpenAiTts, openAiTtsOptionsSchema, type OpenAiTtsOptionsInput } from "./index.js";
import { startFakeSpeechServer, type FakeSpeechServer, type FakeSpeechServerOptions } from "./__fixtures__/fake-speech-server.js";
import { collect, streamFailure } from "@voxpipe/core/testing";

const KEY = "sk-test-secret-key-0123456789";
let server: FakeSpeechServer | undefined;
let provider: TtsProvider | undefined;

afterEach(async () => {
  await provider?.dispose?.();
  await server?.close();
  provider = undefined;
  server = undefined;
});

async function setUp(serverOptions: FakeSpeechServerOptions = {}, options: OpenAiTtsOptionsInput = {}, logs: string[] = []) {
  server = await startFakeSpeechServer(serverOptions);
  provider = createOpenAiTts({ baseURL: server.baseURL, apiKey: KEY, ...options }, { log: (_level, message) => logs.push(message) });
  return { server, provider };
}

const frames = (chunks: AudioChunk[]): number => chunks.reduce((n, c) => n + c.pcm.length, 0);
const noKeyIn = (error: unknown): void => {
  expect(inspect(error, { depth: 10 })).not.toContain(KEY);
  expect(JSON.stringify(error)).not.toContain(KEY);
};

describe("tts-openai against a local speech server", () => {
  it("sends the OpenAI speech request and streams PCM in several chunks", async () => {
    const { server, provider } = await setUp({}, { model: "tts-1", voice: "nova", speed: 1.5, instructions: "Calm.", headers: { "x-route": "a" } });
    const text = "Hello there. How are you today?";
    const chunks = await collect(provider.synthesize({ text, speed: 2 }));
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/audio/speech");
    expect(request.body).toEqual({ model: "tts-1", voice: "nova", input: text, response_format: "pcm", speed: 3, instructions: "Calm." });
    expect(request.headers["authorization"]).toBe(`Bearer ${KEY}`);
    expect(request.headers["x-route"]).toBe("a");
    expect(chunks.length).toBeGreaterThan(1);
    expect(provider.format).toEqual({ sampleRate: 24000, channels: 1 });
    expect(provider.streaming).toBe("fragments");
    // 60 ms per character at speed 3, 24 kHz
    expect(frames(chunks)).toBe(Math.round(((text.length * 60) / 3 / 1000) * 24000));
  });

  it("decodes the same samples whatever the network chunk size (odd boundaries)", async () => {
    const sizes = [1, 3, 4801, 65535];
    const results: Float32Array[] = [];
    for (const chunkBytes of sizes) {
      const { provider } = await setUp({ behave: () => ({ chunkBytes, chunkDelayMs: 0 }) });
      const chunks = await collect(provider.synthesize({ text: "Odd bytes." }));
      const all = new Float32Array(frames(chunks));
      let at = 0;
      for (const c of chunks) all.set(c.pcm, (at += c.pcm.length) - c.pcm.length);
      results.push(all);
      await provider.dispose?.();
      await server?.close();
      server = undefined;
    }
    for (const result of results.slice(1)) expect(result).toEqual(results[0]);
    expect(results[0]!.some((s) => Math.abs(s) > 0.2)).toBe(true);
  });

  it("takes request.voice over the option and clamps speed to 0.25–4", async () => {
    const { server, provider } = await setUp({}, { speed: 4 });
    await collect(provider.synthesize({ text: "Hi.", voice: "coral", speed: 3 }));
    expect(server.requests[0]!.body).toMatchObject({ voice: "coral", speed: 4, model: "gpt-4o-mini-tts" });
    expect(server.requests[0]!.body).not.toHaveProperty("instructions");
  });

  it("splits input longer than maxInputChars into ordered requests", async () => {
    const { server, provider } = await setUp({}, { maxInputChars: 40 });
    const text = "First sentence is here. Second one follows it. Third closes.";
    const chunks = await collect(provider.synthesize({ text }));
    const inputs = server.requests.map((r) => String(r.body["input"]));
    expect(inputs.length).toBeGreaterThan(1);
    expect(inputs.join(" ")).toBe(text);
    expect(frames(chunks)).toBe(inputs.reduce((n, input) => n + Math.round(((input.length * 60) / 1000) * 24000), 0));
  });

  it("sends no further request of a split input once aborted", async () => {
    const { server, provider } = await setUp({}, { maxInputChars: 20 });
    const controller = new AbortController();
    const error = await streamFailure(
      (async function* () {
        for await (const chunk of provider.synthesize({ text: "First piece here. Second piece here. Third piece.", signal: controller.signal })) {
          controller.abort();
          yield chunk;
        }
      })(),
    );
    expect(error.code).toBe("aborted");
    expect(server.requests).toHaveLength(1);
  });

  it("sends no request for empty text", async () => {
    const { server, provider } = await setUp();
    expect(await collect(provider.synthesize({ text: " \n " }))).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
  });

  it("maps 400 to tts-bad-request with the server's message", async () => {
    const { provider } = await setUp({
      behave: () => ({ status: 400, errorBody: { error: { message: "Input should be a valid speed", type: "invalid_request_error", param: "speed", code: null } } }),
    });
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-bad-request");
    expect(error.stage).toBe("tts");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("Input should be a valid speed");
    expect(error.message).toContain(`${server!.baseURL}/audio/speech`);
  });

  it("maps a 400 that names the voice (voxpipe's code voice_not_found, or OpenAI's param voice) to core's voice-not-found", async () => {
    for (const body of [
      { error: { message: 'audio.speech: voice "zz" is not a voice of this server\'s TTS backend', type: "invalid_request_error", param: "voice", code: "voice_not_found" } },
      { error: { message: "Invalid value: 'zz'. Supported values are: 'alloy', 'nova'.", type: "invalid_request_error", param: "voice", code: "invalid_value" } },
    ]) {
      const { provider } = await setUp({ behave: () => ({ status: 400, errorBody: body }) });
      const error = await streamFailure(provider.synthesize({ text: "Hi.", voice: "zz" }));
      expect(error).toMatchObject({ code: "voice-not-found", stage: "tts", retryable: false });
      expect(error.message).toMatch(/^The speech server at .*\/audio\/speech has no voice "zz"\. It answered HTTP 400: /);
      expect(error.message).toContain(body.error.message);
    }
  });

  it("reads a FastAPI-style error body (Kokoro-FastAPI's `detail`) too", async () => {
    const { provider } = await setUp({
      behave: () => ({ status: 400, errorBody: { detail: { error: "validation_error", message: "Voice 'zz' not found", type: "invalid_request_error" } } }),
    });
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-bad-request");
    expect(error.message).toContain("Voice 'zz' not found");
  });

  it("maps 401 and 403 to tts-auth and never shows the key, even when the server echoes it", async () => {
    for (const status of [401, 403]) {
      const logs: string[] = [];
      const { provider } = await setUp({ behave: () => ({ status, errorBody: { error: { message: `Incorrect API key provided: ${KEY}.`, code: "invalid_api_key" } } }) }, {}, logs);
      const error = await streamFailure(provider.synthesize({ text: "Hi." }));
      expect(error.code).toBe("tts-auth");
      expect(error.message).toContain("***");
      expect(error.message).toContain("apiKey");
      noKeyIn(error);
      expect(logs.join("\n")).not.toContain(KEY);
      await provider.dispose?.();
      await server?.close();
      server = undefined;
    }
  });

  it("maps 429 to tts-rate-limited with retryAfterMs", async () => {
    const { provider } = await setUp({ behave: () => ({ status: 429, headers: { "retry-after": "2" }, errorBody: { error: { message: "Rate limit reached", type: "requests" } } }) });
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-rate-limited");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(2000);
    expect(error.message).toContain("Rate limit reached");
  });

  it("maps 5xx to a retryable tts-server-error with Retry-After, and makes exactly one request (no SDK retries)", async () => {
    const { server, provider } = await setUp({ behave: () => ({ status: 503, headers: { "retry-after": "3" }, errorBody: "upstream overloaded" }) });
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-server-error");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(3000);
    expect(error.message).toContain("503");
    expect(error.message).toContain("upstream overloaded");
    expect(server.requests).toHaveLength(1);
  });

  it("reports a drop mid-body as tts-stream-dropped after yielding the audio before it", async () => {
    const { provider } = await setUp({ behave: () => ({ dropAfterBytes: 20_000 }) });
    const received: AudioChunk[] = [];
    const error = await streamFailure(provider.synthesize({ text: "A fairly long sentence to speak. ".repeat(4) }), received);
    expect(error.code).toBe("tts-stream-dropped");
    expect(error.retryable).toBe(true);
    expect(frames(received)).toBe(10_000);
    expect(error.message).toContain("20000 bytes");
  });

  it("times out a slow first byte, before and after the headers", async () => {
    for (const behaviour of [{ delayHeadersMs: 3000 }, { delayFirstByteMs: 3000 }]) {
      const { provider } = await setUp({ behave: () => behaviour }, { firstAudioTimeoutMs: 200 });
      const error = await streamFailure(provider.synthesize({ text: "Hi." }));
      expect(error.code).toBe("tts-timeout");
      expect(error.retryable).toBe(true);
      expect(error.message).toContain("`firstAudioTimeoutMs`");
      await provider.dispose?.();
      await server?.close();
      server = undefined;
    }
  });

  it("times out a stream that stalls after audio started (idleTimeoutMs)", async () => {
    const { server, provider } = await setUp({ behave: () => ({ stallAfterBytes: 9601 }) }, { idleTimeoutMs: 200 });
    const received: AudioChunk[] = [];
    const error = await streamFailure(provider.synthesize({ text: "Hello there, a longer sentence." }), received);
    expect(error.code).toBe("tts-timeout");
    expect(error.message).toContain("`idleTimeoutMs`");
    expect(frames(received)).toBe(4800);
    await server.requests[0]!.ended;
    expect(server.requests[0]!.closedByClient).toBe(true);
  });

  it("does not time out while the consumer is slow (backpressure is not a stall)", async () => {
    const { provider } = await setUp({ behave: () => ({ chunkBytes: 48_000 }) }, { idleTimeoutMs: 150 });
    let count = 0;
    for await (const _chunk of provider.synthesize({ text: "Slow consumer test sentence." })) {
      count++;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(count).toBeGreaterThan(1);
  });

  it("closes the connection on abort mid-stream", async () => {
    const { server, provider } = await setUp({ behave: () => ({ chunkDelayMs: 20 }) });
    const controller = new AbortController();
    let chunks = 0;
    let caught: unknown;
    try {
      for await (const _chunk of provider.synthesize({ text: "Long text to abort. ".repeat(20), signal: controller.signal })) {
        if (++chunks === 2) controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    expect(VoxpipeError.isInstance(caught) && caught.code).toBe("aborted");
    await server.requests[0]!.ended;
    expect(server.requests[0]!.closedByClient).toBe(true);
    expect(server.requests[0]!.bytesSent).toBeLessThan(Math.round(((400 * 60) / 1000) * 24000) * 2);
  });

  it("closes the connection when the consumer stops early, and on abort before the first byte", async () => {
    const { server, provider } = await setUp({ behave: (_body, index) => (index === 1 ? { delayFirstByteMs: 5000 } : { chunkDelayMs: 20 }) });
    for await (const _chunk of provider.synthesize({ text: "Stop after one chunk. ".repeat(10) })) break;
    await server.requests[0]!.ended;
    expect(server.requests[0]!.closedByClient).toBe(true);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await streamFailure(provider.synthesize({ text: "Never arrives.", signal: controller.signal }));
    expect(error.code).toBe("aborted");
    await server.requests[1]!.ended;
    expect(server.requests[1]!.closedByClient).toBe(true);
  });

  it("names the URL when the server is unreachable", async () => {
    const closed = await startFakeSpeechServer();
    const baseURL = closed.baseURL;
    await closed.close();
    provider = createOpenAiTts({ baseURL, apiKey: KEY });
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-unreachable");
    expect(error.message).toContain(`${baseURL}/audio/speech`);
    expect(error.message).toContain("baseURL");
    noKeyIn(error);
  });
});

describe("tts-openai options and environment", () => {
  it("reads OPENAI_API_KEY and OPENAI_BASE_URL from context.env, never process.env", async () => {
    server = await startFakeSpeechServer();
    process.env["OPENAI_API_KEY"] = "sk-from-process-env";
    try {
      provider = await adapter.create(openAiTtsOptionsSchema.parse({}), {
        configDir: "/",
        env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL },
        log: () => {},
      });
      await collect(provider.synthesize({ text: "Hi." }));
      expect(server.requests[0]!.headers["authorization"]).toBe(`Bearer ${KEY}`);
    } finally {
      delete process.env["OPENAI_API_KEY"];
    }
  });

  it("refuses to start without a key for api.openai.com, and needs none for other servers", () => {
    let error: unknown;
    try {
      createOpenAiTts({}, { env: {} });
    } catch (caught) {
      error = caught;
    }
    expect(VoxpipeError.isInstance(error) && error.code).toBe("tts-auth");
    expect((error as Error).message).toContain("OPENAI_API_KEY");
    expect(() => createOpenAiTts({ baseURL: "http://127.0.0.1:8880/v1" }, { env: {} })).not.toThrow();
    expect(() => createOpenAiTts({}, { env: { OPENAI_BASE_URL: "localhost:8880" } })).toThrow(/OPENAI_BASE_URL is not a URL/);
  });

  it("validates options with clear errors", () => {
    expect(openAiTtsOptionsSchema.safeParse({ speed: 5 }).success).toBe(false);
    expect(openAiTtsOptionsSchema.safeParse({ baseURL: "not a url" }).success).toBe(false);
    expect(openAiTtsOptionsSchema.safeParse({ baseURL: "localhost:8880/v1" }).success).toBe(false);
    expect(openAiTtsOptionsSchema.safeParse({ voise: "alloy" }).success).toBe(false);
    expect(openAiTtsOptionsSchema.parse({})).toMatchObject({ model: "gpt-4o-mini-tts", voice: "alloy", speed: 1, sampleRate: 24000 });
    expect(adapter.kind).toBe("tts");
    expect(adapter.id).toBe("openai");
  });

  it("checks a rate named in the content type (openedai-speech's Piper voices send 22050 Hz)", async () => {
    const headers = { "content-type": "audio/pcm;rate=22050" };
    const { server, provider } = await setUp({ sampleRate: 22050, behave: () => ({ headers }) });
    const error = await streamFailure(provider.synthesize({ text: "Hi there." }));
    expect(error.code).toBe("tts-format-mismatch");
    expect(error.message).toContain("22050 Hz");
    expect(error.message).toContain("24000 Hz");
    expect(error.message).toContain("sampleRate: 22050");
    await server.requests[0]!.ended;
    const matching = createOpenAiTts({ baseURL: server.baseURL, apiKey: KEY, sampleRate: 22050 });
    expect(frames(await collect(matching.synthesize({ text: "Hi there." })))).toBe(Math.round(((9 * 60) / 1000) * 22050));
  });

  it("refuses a compressed body from a server that ignored response_format pcm", async () => {
    const { provider } = await setUp({ behave: () => ({ headers: { "content-type": "audio/mpeg" } }) });
    const error = await streamFailure(provider.synthesize({ text: "Hi there." }));
    expect(error.code).toBe("tts-bad-response");
    expect(error.message).toContain("audio/mpeg");
  });

  it("declares a custom sample rate for compatible servers that differ", async () => {
    const { provider } = await setUp({ sampleRate: 22050 }, { sampleRate: 22050 });
    const chunks = await collect(provider.synthesize({ text: "Hi there." }));
    expect(provider.format.sampleRate).toBe(22050);
    for (const chunk of chunks) expect(chunk.sampleRate).toBe(22050);
  });
});

describe("tts-openai timeout option names", () => {
  const warnings = (logs: { level: string; message: string }[]) => logs.filter((l) => l.level === "warn").map((l) => l.message);
  const context = (logs: { level: string; message: string }[]) => ({ configDir: "/", env: {}, log: (level: string, message: string) => logs.push({ level, message }) });

  it("reads firstAudioTimeoutMs and idleTimeoutMs with the old defaults, and warns about nothing", () => {
    expect(openAiTtsOptionsSchema.parse({})).toMatchObject({ firstAudioTimeoutMs: 20_000, idleTimeoutMs: 30_000 });
    const parsed = openAiTtsOptionsSchema.parse({ firstAudioTimeoutMs: 1000, idleTimeoutMs: 2000 });
    expect(parsed).toMatchObject({ firstAudioTimeoutMs: 1000, idleTimeoutMs: 2000 });
    expect(parsed).not.toHaveProperty("firstByteTimeoutMs");
    expect(parsed).not.toHaveProperty("timeoutMs");
    const logs: { level: string; message: string }[] = [];
    createOpenAiTts({ baseURL: "http://127.0.0.1:1/v1", firstAudioTimeoutMs: 1000 }, context(logs));
    expect(warnings(logs)).toEqual([]);
  });

  it("still reads firstByteTimeoutMs and timeoutMs, and warns once per old name through the context's log when created from a config", async () => {
    const parsed = openAiTtsOptionsSchema.parse({ firstByteTimeoutMs: 1000, timeoutMs: 200 });
    expect(parsed).toMatchObject({ firstAudioTimeoutMs: 1000, idleTimeoutMs: 200 });
    expect(parsed).not.toHaveProperty("timeoutMs");
    server = await startFakeSpeechServer({ behave: () => ({ stallAfterBytes: 9601 }) });
    const logs: { level: string; message: string }[] = [];
    provider = await adapter.create(adapter.optionsSchema.parse({ baseURL: server.baseURL, firstByteTimeoutMs: 1000, timeoutMs: 200 }), context(logs));
    expect(warnings(logs)).toEqual([
      "tts-openai: the option `firstByteTimeoutMs` is deprecated; rename it to `firstAudioTimeoutMs`.",
      "tts-openai: the option `timeoutMs` is deprecated; rename it to `idleTimeoutMs`.",
    ]);
    const error = await streamFailure(provider.synthesize({ text: "Hello there, a longer sentence." }));
    expect(error.code).toBe("tts-timeout");
    expect(error.message).toContain("200 ms");
    expect(error.message).toContain("`idleTimeoutMs`");
  });

  it("warns when the factory is called directly with an old name", async () => {
    const logs: string[] = [];
    const { provider } = await setUp({ behave: () => ({ delayFirstByteMs: 3000 }) }, { firstByteTimeoutMs: 200 }, logs);
    expect(logs).toEqual(["tts-openai: the option `firstByteTimeoutMs` is deprecated; rename it to `firstAudioTimeoutMs`."]);
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-timeout");
    expect(error.message).toContain("200 ms");
    expect(error.message).toContain("`firstAudioTimeoutMs`");
  });

  it("takes the new name when both are given, and the warning says so", async () => {
    expect(openAiTtsOptionsSchema.parse({ timeoutMs: 5000, idleTimeoutMs: 200, firstByteTimeoutMs: 9000, firstAudioTimeoutMs: 1000 })).toMatchObject({ firstAudioTimeoutMs: 1000, idleTimeoutMs: 200 });
    server = await startFakeSpeechServer({ behave: () => ({ stallAfterBytes: 9601 }) });
    const logs: { level: string; message: string }[] = [];
    provider = await adapter.create(adapter.optionsSchema.parse({ baseURL: server.baseURL, timeoutMs: 5000, idleTimeoutMs: 200 }), context(logs));
    expect(warnings(logs)).toEqual(["tts-openai: the option `timeoutMs` is deprecated and ignored, because `idleTimeoutMs` is also set and the new name wins; remove `timeoutMs`."]);
    const error = await streamFailure(provider.synthesize({ text: "Hello there, a longer sentence." }));
    expect(error.code).toBe("tts-timeout");
    expect(error.message).toContain("200 ms");
  });

  it("names the old key when its value is invalid, and still rejects unknown keys", () => {
    const invalid = openAiTtsOptionsSchema.safeParse({ timeoutMs: -1 });
    expect(invalid.success).toBe(false);
    expect(invalid.error?.issues[0]?.path).toEqual(["timeoutMs"]);
    const unknown = openAiTtsOptionsSchema.safeParse({ firstTokenTimeoutMs: 1000 });
    expect(unknown.success).toBe(false);
    expect(JSON.stringify(unknown.error?.issues)).toContain("firstTokenTimeoutMs");
  });
});
