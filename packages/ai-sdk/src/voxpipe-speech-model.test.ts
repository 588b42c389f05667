import { createEspeakTts } from "@voxpipe/tts-espeak";
import { createSyntheticTts } from "@voxpipe/core/testing";
import { ConfigError, VoxpipeError } from "@voxpipe/core";
import { experimental_streamSpeech as streamSpeech, generateSpeech, streamText } from "ai";
import { afterAll, describe, expect, it } from "vitest";
import { controlledLanguageModel, observedTextStream } from "./__fixtures__/controlled-language-model.js";
import { createVoxpipe } from "./index.js";
import { decodeWav } from "@voxpipe/core";

// The warnings these tests provoke on purpose are asserted, not printed.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const espeak = createEspeakTts({ voice: "en-us" });
const voxpipe = createVoxpipe({ tts: espeak, config: { segmenter: { minLength: 10, maxLength: 80 } }, logger: silent() });
afterAll(async () => {
  await voxpipe.dispose();
  await espeak.dispose();
});

function silent() {
  const drop = (): void => {};
  return { error: drop, warn: drop, info: drop, debug: drop };
}

function rmsOf(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const n = bytes.byteLength >> 1;
  for (let i = 0; i < n; i++) sum += (view.getInt16(i * 2, true) / 0x8000) ** 2;
  return n === 0 ? 0 : Math.sqrt(sum / n);
}

const until = <T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> =>
  Promise.race([promise, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms))]);

describe("voxpipe.speech() in experimental_streamSpeech", () => {
  it("speaks the first sentence of a streamText reply before the reply has ended (eSpeak NG)", async () => {
    const llm = controlledLanguageModel();
    const text = streamText({ model: llm.model, prompt: "Tell me about the sea." });
    const result = streamSpeech({ model: voxpipe.speech(), text: text.textStream });
    const parts = result.fullStream[Symbol.asyncIterator]();
    llm.say("The sea is wide and deep. ");
    llm.say("It covers most of the planet. ");
    const first = await parts.next();
    // The reply has not ended: the model has not sent its finish yet.
    expect(first.done).toBe(false);
    expect(first.value).toMatchObject({ type: "audio", audioFormat: { type: "audio/pcm", rate: 22050 } });
    const firstAudio = (first.value as { audio: Uint8Array }).audio;
    expect(firstAudio.byteLength).toBeGreaterThan(1000);
    expect(rmsOf(firstAudio)).toBeGreaterThan(0.005);
    llm.say("Whales sing in it.");
    llm.end();
    let bytes = firstAudio.byteLength;
    for (;;) {
      const next = await parts.next();
      if (next.done) break;
      if (next.value.type === "audio") bytes += next.value.audio.byteLength;
    }
    // 77 characters of English take well over two seconds to say.
    expect(bytes / 2 / 22050).toBeGreaterThan(2);
    expect(await result.usage).toEqual({ inputCharacters: [..."The sea is wide and deep. It covers most of the planet. Whales sing in it."].length });
  });

  it("sends WAV at the asked rate, resampled (a streamed header, then 16-bit PCM)", async () => {
    const result = streamSpeech({ model: voxpipe.speech(), text: "Hello from voxpipe.", outputFormat: { type: "audio/wav", rate: 16000 } });
    const pieces: Uint8Array[] = [];
    for await (const part of result.fullStream) {
      if (part.type === "audio") {
        expect(part.audioFormat).toEqual({ type: "audio/wav", rate: 16000 });
        pieces.push(part.audio);
      }
    }
    const all = Buffer.concat(pieces);
    const wav = decodeWav(all);
    expect(wav.sampleRate).toBe(16000);
    expect(wav.channels).toBe(1);
    expect(wav.pcm.length / 16000).toBeGreaterThan(0.8);
  });

  it("warns about what it cannot do and maps language onto eSpeak's voice", async () => {
    const result = streamSpeech({ model: voxpipe.speech(), text: "Bonjour tout le monde.", language: "fr", instructions: "Whisper.", outputFormat: { type: "audio/mpeg" } });
    expect(await result.warnings).toEqual([
      expect.objectContaining({ type: "unsupported", feature: "instructions" }),
      expect.objectContaining({ type: "unsupported", feature: "outputFormat" }),
    ]);
    expect(await result.usage).toEqual({ inputCharacters: 22 });
    // `language` picked eSpeak's French voice: the same text sounds different from the default English one.
    const french = await generateSpeech({ model: voxpipe.speech(), text: "Bonjour tout le monde.", language: "fr" });
    const english = await generateSpeech({ model: voxpipe.speech(), text: "Bonjour tout le monde." });
    expect(Buffer.from(french.audio.uint8Array).equals(Buffer.from(english.audio.uint8Array))).toBe(false);
  });

  it("releases the text stream when the call is aborted mid-stream", async () => {
    const text = observedTextStream(["The first sentence is here. ", "And a second one follows it. "], { keepOpen: true });
    const abort = new AbortController();
    const result = streamSpeech({ model: voxpipe.speech(), text: text.stream, abortSignal: abort.signal });
    const parts = result.fullStream[Symbol.asyncIterator]();
    expect((await parts.next()).value).toMatchObject({ type: "audio" });
    abort.abort(new Error("listener left"));
    expect(await until(text.cancelled, 5000)).not.toBe("timeout");
    await expect(async () => {
      for (;;) if ((await parts.next()).done) break;
    }).rejects.toThrow("listener left");
  });

  it("releases the text stream when the consumer stops reading", async () => {
    const text = observedTextStream(["One sentence to start with. ", "Then another sentence. "], { keepOpen: true });
    const result = streamSpeech({ model: voxpipe.speech(), text: text.stream });
    for await (const part of result.audioStream) {
      expect(part.byteLength).toBeGreaterThan(0);
      break;
    }
    expect(await until(text.cancelled, 5000)).not.toBe("timeout");
  });

  it("errors the stream, and releases the text, when the TTS fails", async () => {
    const failing = createVoxpipe({ tts: createSyntheticTts({ failOnSegment: 0 }), config: { pipeline: { playout: { measureTts: false }, pauses: { learn: false } } }, logger: silent() });
    const text = observedTextStream(["This sentence will fail to speak. ", "So will this one, never read. "], { keepOpen: true });
    const result = streamSpeech({ model: failing.speech(), text: text.stream, onError: () => {} });
    await expect(async () => {
      for await (const _ of result.audioStream) void _;
    }).rejects.toThrow(/synthetic|segment|fail/i);
    expect(await until(text.cancelled, 5000)).not.toBe("timeout");
  });

  it("fails a part that asks for another voice (one voice per stream)", async () => {
    const result = streamSpeech({ model: voxpipe.speech(), voice: "en-us", text: [{ type: "text", text: "Hello there. " }, { type: "text", text: "Hola.", voice: "es" }], onError: () => {} });
    await expect(result.usage).rejects.toThrow(/voice "es".*one voice per stream/);
  });
});

describe("voxpipe.speech() in generateSpeech", () => {
  it("returns the whole reply as a WAV file", async () => {
    const { audio, warnings } = await generateSpeech({ model: voxpipe.speech(), text: "Good morning. The weather is fine today." });
    expect(warnings).toEqual([]);
    expect(audio.mediaType).toBe("audio/wav");
    const wav = decodeWav(audio.uint8Array);
    expect(wav.sampleRate).toBe(22050);
    expect(wav.pcm.length / 22050).toBeGreaterThan(1.5);
    const view = new DataView(audio.uint8Array.buffer, audio.uint8Array.byteOffset);
    // A complete file: the data size is the real one, not the streamed placeholder.
    expect(view.getUint32(40, true)).toBe(audio.uint8Array.byteLength - 44);
  });

  it("speaks slower at speed 0.5", async () => {
    const normal = await generateSpeech({ model: voxpipe.speech(), text: "One two three four five." });
    const slow = await generateSpeech({ model: voxpipe.speech(), text: "One two three four five.", speed: 0.5 });
    expect(decodeWav(slow.audio.uint8Array).pcm.length).toBeGreaterThan(decodeWav(normal.audio.uint8Array).pcm.length * 1.4);
  });
});

describe("createVoxpipe settings", () => {
  it("builds the TTS from a config object, as voxpipe.config.yaml would", async () => {
    const fromConfig = createVoxpipe({ config: { tts: { use: "@voxpipe/tts-espeak", options: { voice: "en-gb" } } }, logger: silent() });
    try {
      const { audio } = await generateSpeech({ model: fromConfig.speech(), text: "Cheerio." });
      expect(decodeWav(audio.uint8Array).pcm.length).toBeGreaterThan(2000);
    } finally {
      await fromConfig.dispose();
    }
  });

  it("rejects a config whose TTS options are wrong, naming the key", async () => {
    const wrong = createVoxpipe({ config: { tts: { use: "@voxpipe/tts-espeak", options: { voise: "en-us" } } } });
    const error = await wrong.ready().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.join("\n")).toMatch(/tts\.options.*voise/);
  });

  it("normalizes each segment before the TTS, as the config's normalize section says", async () => {
    // TEST DOUBLE: the synthetic tone TTS, recording the text it is asked to speak.
    const tone = createSyntheticTts();
    const asked: string[] = [];
    const recording = { ...tone, synthesize: (request: Parameters<typeof tone.synthesize>[0]) => (asked.push(request.text), tone.synthesize(request)) };
    await generateSpeech({ model: createVoxpipe({ tts: recording, config: { pipeline: { playout: { measureTts: false }, pauses: { learn: false } } }, logger: silent() }).speech(), text: "I have 3 apples." });
    await generateSpeech({ model: createVoxpipe({ tts: recording, config: { normalize: { enabled: false }, pipeline: { playout: { measureTts: false }, pauses: { learn: false } } }, logger: silent() }).speech(), text: "I have 3 apples." });
    expect(asked).toEqual(["I have three apples.", "I have 3 apples."]);
  });

  it("falls back to the next TTS when the primary fails, and answers a warmed opening and repeated text from the cache", async () => {
    // TEST DOUBLES: a primary that always fails, and the synthetic tone TTS as its fallback, recording what it is asked.
    const tone = createSyntheticTts();
    const asked: string[] = [];
    const fallback = { ...tone, synthesize: (request: Parameters<typeof tone.synthesize>[0]) => (asked.push(request.text), tone.synthesize(request)) };
    const broken = {
      ...tone,
      id: "broken",
      async *synthesize(): AsyncGenerator<never> {
        throw new VoxpipeError({ code: "tts-failed", stage: "tts", message: "The test's broken TTS always fails." });
      },
    };
    const withFallback = createVoxpipe({ tts: [broken, fallback], config: { cache: { enabled: true, openings: ["Sure!"] }, pipeline: { playout: { measureTts: false }, pauses: { learn: false } } }, logger: silent() });
    try {
      await withFallback.ready();
      expect(asked).toEqual(["Sure!"]);
      const first = await generateSpeech({ model: withFallback.speech(), text: "Sure! The sea is wide." });
      expect(decodeWav(first.audio.uint8Array).pcm.length).toBeGreaterThan(2000);
      expect(asked).toEqual(["Sure!", "The sea is wide."]);
      const again = await generateSpeech({ model: withFallback.speech(), text: "Sure! The sea is wide." });
      expect(asked).toHaveLength(2);
      expect(again.audio.uint8Array).toEqual(first.audio.uint8Array);
    } finally {
      await withFallback.dispose();
    }
  });

  it("rejects configFile and config together", async () => {
    await expect(createVoxpipe({ configFile: "voxpipe.config.yaml", config: {} }).ready()).rejects.toThrow(/either `configFile` or `config`/);
  });
});
