import { afterEach, describe, expect, it } from "vitest";
import { VoxpipeError, type AudioChunk, type TtsProvider } from "@voxpipe/core";
import adapter, { createGptSovitsTts, gptSovitsOptionsSchema, type GptSovitsOptionsInput } from "./index.js";
import { startFakeGptSovitsServer, type FakeGptSovitsServer, type FakeGptSovitsServerOptions } from "./__fixtures__/fake-gpt-sovits-server.js";
import { collect, streamFailure } from "@voxpipe/core/testing";

let server: FakeGptSovitsServer | undefined;
let provider: TtsProvider | undefined;

afterEach(async () => {
  await provider?.dispose?.();
  await server?.close();
  provider = undefined;
  server = undefined;
});

const voice = { refAudioPath: "refs/doubao_ref.wav", promptText: "我叫豆包呀。", promptLang: "zh", textLang: "en" } as const;

async function setUp(serverOptions: FakeGptSovitsServerOptions = {}, options: Partial<GptSovitsOptionsInput> = {}, logs: string[] = []) {
  server = await startFakeGptSovitsServer(serverOptions);
  provider = createGptSovitsTts({ baseURL: server.baseURL, ...voice, ...options }, { log: (_level, message) => logs.push(message) });
  return { server, provider };
}

const frames = (chunks: AudioChunk[]): number => chunks.reduce((n, c) => n + c.pcm.length, 0);
const expectedFrames = (text: string, speed = 1, rate = 32000): number => Math.round(((text.length * 60) / speed / 1000) * rate);

describe("tts-gpt-sovits against a local api_v2 server", () => {
  it("POSTs the api_v2 /tts body and streams the WAV's PCM in several chunks", async () => {
    const { server, provider } = await setUp({}, { speedFactor: 1.1, topK: 3, topP: 0.95, temperature: 0.8, seed: 233333, batchSize: 100, auxRefAudioPaths: ["refs/b.wav"] });
    const text = "Hello there. How are you today?";
    const chunks = await collect(provider.synthesize({ text, speed: 2 }));
    const request = server.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/tts");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.body).toEqual({
      text,
      text_lang: "en",
      ref_audio_path: "refs/doubao_ref.wav",
      aux_ref_audio_paths: ["refs/b.wav"],
      prompt_text: "我叫豆包呀。",
      prompt_lang: "zh",
      top_k: 3,
      top_p: 0.95,
      temperature: 0.8,
      text_split_method: "cut5",
      batch_size: 100,
      split_bucket: true,
      speed_factor: 2.2,
      fragment_interval: 0.3,
      seed: 233333,
      media_type: "wav",
      streaming_mode: true,
      parallel_infer: true,
      repetition_penalty: 1.35,
    });
    expect(provider.format).toEqual({ sampleRate: 32000, channels: 1 });
    expect(provider.streaming).toBe("fragments");
    expect(provider.voice).toBe("doubao_ref.wav");
    expect(chunks.length).toBeGreaterThan(1);
    expect(frames(chunks)).toBe(expectedFrames(text, 2.2));
    expect(chunks.some((c) => c.pcm.some((s) => Math.abs(s) > 0.2))).toBe(true);
  });

  it("reads a WAV header split across network chunks, and odd PCM chunk sizes", async () => {
    for (const splitHeaderAt of [1, 4, 20, 43]) {
      const { provider } = await setUp({ behave: () => ({ splitHeaderAt, chunkBytes: 3, chunkDelayMs: 0 }) });
      const chunks = await collect(provider.synthesize({ text: "Split." }));
      expect(frames(chunks)).toBe(expectedFrames("Split."));
      await provider.dispose?.();
      await server?.close();
      server = undefined;
    }
  });

  it("reads raw PCM at the declared rate", async () => {
    const { server, provider } = await setUp({ sampleRate: 24000 }, { mediaType: "raw", sampleRate: 24000 });
    const chunks = await collect(provider.synthesize({ text: "Raw audio here." }));
    expect(server.requests[0]!.body["media_type"]).toBe("raw");
    expect(frames(chunks)).toBe(expectedFrames("Raw audio here.", 1, 24000));
    for (const chunk of chunks) expect(chunk.sampleRate).toBe(24000);
  });

  it("without streaming, declares `whole` and yields one chunk from the complete WAV", async () => {
    const { server, provider } = await setUp({}, { streamingMode: false });
    const chunks = await collect(provider.synthesize({ text: "The whole clip at once." }));
    expect(server.requests[0]!.body["streaming_mode"]).toBe(false);
    expect(provider.streaming).toBe("whole");
    expect(chunks).toHaveLength(1);
    expect(frames(chunks)).toBe(expectedFrames("The whole clip at once."));
  });

  it("passes integer streaming modes through (recent api_v2)", async () => {
    const { server, provider } = await setUp({}, { streamingMode: 3 });
    await collect(provider.synthesize({ text: "Fast mode." }));
    expect(server.requests[0]!.body["streaming_mode"]).toBe(3);
    expect(provider.streaming).toBe("fragments");
  });

  it("fails clearly when the model's rate differs from the declared one", async () => {
    const { provider } = await setUp({ sampleRate: 48000 });
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-format-mismatch");
    expect(error.message).toContain("48000 Hz");
    expect(error.message).toContain("32000 Hz");
  });

  it("turns api_v2's 400 `{ message }` into tts-bad-request with its message", async () => {
    const { provider } = await setUp({}, { textLang: "xx" });
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-bad-request");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("text_lang: xx is not supported in version v2");
    expect(error.message).toContain(`${server!.baseURL}/tts`);
  });

  it("includes the `Exception` text of a failed synthesis", async () => {
    const { provider } = await setUp({ behave: () => ({ status: 400, errorBody: { message: "tts failed", Exception: "ref_audio_path refs/doubao_ref.wav not exists" } }) });
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-bad-request");
    expect(error.message).toContain("tts failed (ref_audio_path refs/doubao_ref.wav not exists)");
    expect(error.message).toContain("refAudioPath");
  });

  it("reads FastAPI's 422 validation body", async () => {
    const { provider } = await setUp({ behave: () => ({ status: 422, errorBody: { detail: [{ loc: ["body", "top_k"], msg: "Input should be a valid integer", type: "int_parsing" }] } }) });
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-bad-request");
    expect(error.message).toContain("body.top_k: Input should be a valid integer");
  });

  it("maps 5xx to a retryable tts-server-error (with Retry-After) and 404 to a hint about api_v2", async () => {
    const { provider } = await setUp({ behave: () => ({ status: 500, headers: { "retry-after": "2" }, errorBody: "Internal Server Error" }) });
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-server-error");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(2000);
    expect(error.message).toContain("Internal Server Error");
    await provider.dispose?.();
    await server?.close();
    const other = await startFakeGptSovitsServer();
    server = other;
    const wrongPath = createGptSovitsTts({ baseURL: `${other.baseURL}/v1`, ...voice });
    const notFound = await streamFailure(wrongPath.synthesize({ text: "Hi." }));
    expect(notFound.code).toBe("tts-bad-request");
    expect(notFound.message).toContain("api_v2");
  });

  it("reports a drop mid-body as tts-stream-dropped after yielding what arrived", async () => {
    const { provider } = await setUp({ behave: () => ({ dropAfterBytes: 44 + 6401 * 2 + 1 }) });
    const received: AudioChunk[] = [];
    const error = await streamFailure(provider.synthesize({ text: "A fairly long sentence to speak. ".repeat(3) }), received);
    expect(error.code).toBe("tts-stream-dropped");
    expect(error.retryable).toBe(true);
    expect(frames(received)).toBe(6401);
  });

  it("reports a drop right after the headers as tts-stream-dropped, not unreachable", async () => {
    const { provider } = await setUp({ behave: () => ({ dropAfterBytes: 0 }) });
    const error = await streamFailure(provider.synthesize({ text: "Hi there." }));
    expect(error.code).toBe("tts-stream-dropped");
  });

  it("times out a slow first byte (before or after the headers) and a stalled stream", async () => {
    const cases = [
      [{ delayHeadersMs: 3000 }, "firstAudioTimeoutMs"],
      [{ delayFirstByteMs: 3000 }, "firstAudioTimeoutMs"],
      [{ stallAfterBytes: 1000 }, "idleTimeoutMs"],
    ] as const;
    for (const [behaviour, option] of cases) {
      // The other timeout stays long, so only the named one can fire.
      const setup = await setUp({ behave: () => behaviour }, { firstAudioTimeoutMs: 10_000, idleTimeoutMs: 10_000, [option]: 200 });
      const error = await streamFailure(setup.provider.synthesize({ text: "Hello there, slow server." }));
      expect(error.code).toBe("tts-timeout");
      expect(error.retryable).toBe(true);
      expect(error.message).toContain("200 ms");
      expect(error.message).toContain(`\`${option}\``);
      await setup.server.requests[0]!.ended;
      expect(setup.server.requests[0]!.closedByClient).toBe(true);
      await setup.provider.dispose?.();
      await setup.server.close();
      server = undefined;
    }
  });

  it("closes the connection on abort mid-stream and when the consumer stops early", async () => {
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

    for await (const _chunk of provider.synthesize({ text: "Stop after one chunk. ".repeat(10) })) break;
    await server.requests[1]!.ended;
    expect(server.requests[1]!.closedByClient).toBe(true);
  });

  it("names the URL when the server is unreachable", async () => {
    const closed = await startFakeGptSovitsServer();
    await closed.close();
    provider = createGptSovitsTts({ baseURL: closed.baseURL, ...voice });
    const error = await streamFailure(provider.synthesize({ text: "Hi." }));
    expect(error.code).toBe("tts-unreachable");
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(`${closed.baseURL}/tts`);
    expect(error.message).toContain("api_v2.py");
  });

  it("sends no request for empty text", async () => {
    const { server, provider } = await setUp();
    expect(await collect(provider.synthesize({ text: "\n\t " }))).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
  });
});

describe("tts-gpt-sovits options", () => {
  it("applies api_v2 and seed defaults and requires refAudioPath", () => {
    expect(gptSovitsOptionsSchema.parse({ refAudioPath: "a.wav" })).toMatchObject({
      baseURL: "http://127.0.0.1:9880",
      textLang: "auto",
      promptLang: "auto",
      textSplitMethod: "cut5",
      fragmentInterval: 0.3,
      streamingMode: true,
      mediaType: "wav",
      sampleRate: 32000,
    });
    expect(gptSovitsOptionsSchema.safeParse({}).success).toBe(false);
    expect(gptSovitsOptionsSchema.safeParse({ refAudioPath: "a.wav", baseURL: "localhost:9880" }).success).toBe(false);
    expect(gptSovitsOptionsSchema.safeParse({ refAudioPath: "a.wav", streamingMode: 4 }).success).toBe(false);
    expect(gptSovitsOptionsSchema.safeParse({ refAudioPath: "a.wav", mediaType: "ogg" }).success).toBe(false);
    expect(gptSovitsOptionsSchema.safeParse({ refAudioPath: "a.wav", refAudio: "b" }).success).toBe(false);
  });

  it("is a side-effect-free adapter definition", async () => {
    expect(adapter.kind).toBe("tts");
    expect(adapter.id).toBe("gpt-sovits");
    const created = await adapter.create(gptSovitsOptionsSchema.parse({ refAudioPath: "a.wav" }), { configDir: "/", env: {}, log: () => {} });
    expect(created.format).toEqual({ sampleRate: 32000, channels: 1 });
  });
});

describe("tts-gpt-sovits timeout option names", () => {
  type Logged = { level: string; message: string };
  const warnings = (logs: Logged[]) => logs.filter((l) => l.level === "warn").map((l) => l.message);
  const context = (logs: Logged[]) => ({ configDir: "/", env: {}, log: (level: string, message: string) => logs.push({ level, message }) });

  it("reads firstAudioTimeoutMs and idleTimeoutMs, 60 s each by default, and warns about nothing", async () => {
    expect(gptSovitsOptionsSchema.parse({ refAudioPath: "a.wav" })).toMatchObject({ firstAudioTimeoutMs: 60_000, idleTimeoutMs: 60_000 });
    const parsed = gptSovitsOptionsSchema.parse({ refAudioPath: "a.wav", firstAudioTimeoutMs: 1000, idleTimeoutMs: 2000 });
    expect(parsed).toMatchObject({ firstAudioTimeoutMs: 1000, idleTimeoutMs: 2000 });
    expect(parsed).not.toHaveProperty("timeoutMs");
    const logs: Logged[] = [];
    await adapter.create(parsed, context(logs));
    expect(warnings(logs)).toEqual([]);
  });

  it("still reads timeoutMs for both, and warns once through the context's log when created from a config", async () => {
    const logs: Logged[] = [];
    server = await startFakeGptSovitsServer({ behave: (_body, index) => (index === 0 ? { delayFirstByteMs: 3000 } : { stallAfterBytes: 1000 }) });
    const parsed = gptSovitsOptionsSchema.parse({ baseURL: server.baseURL, ...voice, timeoutMs: 200 });
    expect(parsed).toMatchObject({ firstAudioTimeoutMs: 200, idleTimeoutMs: 200 });
    expect(parsed).not.toHaveProperty("timeoutMs");
    provider = await adapter.create(parsed, context(logs));
    expect(warnings(logs)).toEqual(["tts-gpt-sovits: the option `timeoutMs` is deprecated; rename it to `firstAudioTimeoutMs` and `idleTimeoutMs` (it sets both)."]);
    const slowStart = await streamFailure(provider.synthesize({ text: "Hello there, slow server." }));
    expect(slowStart.code).toBe("tts-timeout");
    expect(slowStart.message).toContain("`firstAudioTimeoutMs`");
    const stalled = await streamFailure(provider.synthesize({ text: "Hello there, slow server." }));
    expect(stalled.code).toBe("tts-timeout");
    expect(stalled.message).toContain("`idleTimeoutMs`");
  });

  it("warns when the factory is called directly with timeoutMs", async () => {
    const logs: string[] = [];
    await setUp({}, { timeoutMs: 5000 }, logs);
    expect(logs).toEqual(["tts-gpt-sovits: the option `timeoutMs` is deprecated; rename it to `firstAudioTimeoutMs` and `idleTimeoutMs` (it sets both)."]);
  });

  it("lets a new name given beside timeoutMs win, and the warning says so", async () => {
    const logs: Logged[] = [];
    const one = gptSovitsOptionsSchema.parse({ refAudioPath: "a.wav", timeoutMs: 5000, firstAudioTimeoutMs: 90_000 });
    expect(one).toMatchObject({ firstAudioTimeoutMs: 90_000, idleTimeoutMs: 5000 });
    await adapter.create(one, context(logs));
    const both = gptSovitsOptionsSchema.parse({ refAudioPath: "a.wav", timeoutMs: 5000, firstAudioTimeoutMs: 90_000, idleTimeoutMs: 200 });
    expect(both).toMatchObject({ firstAudioTimeoutMs: 90_000, idleTimeoutMs: 200 });
    await adapter.create(both, context(logs));
    expect(warnings(logs)).toEqual([
      "tts-gpt-sovits: the option `timeoutMs` is deprecated; `firstAudioTimeoutMs` is also set and wins, so `timeoutMs` now sets only `idleTimeoutMs`: rename it to that.",
      "tts-gpt-sovits: the option `timeoutMs` is deprecated and ignored, because `firstAudioTimeoutMs` and `idleTimeoutMs` are also set and the new names win; remove `timeoutMs`.",
    ]);
  });

  it("names the old key when its value is invalid", () => {
    const invalid = gptSovitsOptionsSchema.safeParse({ refAudioPath: "a.wav", timeoutMs: 0 });
    expect(invalid.success).toBe(false);
    expect(invalid.error?.issues[0]?.path).toEqual(["timeoutMs"]);
  });
});
