import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runPipeline, type AdapterContext, type AudioChunk, type PipelineEvent } from "@voxpipe/core";
import { collect, createScriptedLlm } from "@voxpipe/core/testing";
import adapter from "./index.js";
import { createKokoroTts, type KokoroTtsProvider } from "./create-kokoro.js";
import { generateTestModel, testAmplitude, TEST_SAMPLES_PER_TOKEN } from "./__fixtures__/test-model.js";

const generated = generateTestModel();
afterAll(() => generated.remove());
// A second voice for blends: every style value 0, so its amplitude is 0.1 + 0.4 × sigmoid(0) = 0.3.
writeFileSync(join(generated.dir, "voices", "af_flat.bin"), Buffer.alloc(510 * 256 * 4));
copyFileSync(generated.voice, join(generated.dir, "voices", "bf_test.bin"));

function testContext(): AdapterContext & { lines: string[] } {
  const lines: string[] = [];
  return { configDir: generated.dir, env: {}, log: (level, message) => lines.push(`${level}: ${message}`), lines };
}

const peak = (pcm: Float32Array): number => pcm.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
/** Tokens of a run the test model spoke, from its length: (ids + 2 pads) × 1200 samples at speed 1. */
const tokensOf = (chunk: AudioChunk, speed = 1): number => chunk.pcm.length / Math.floor(TEST_SAMPLES_PER_TOKEN / speed) - 2;

async function withKokoro(options: Parameters<typeof createKokoroTts>[0], body: (kokoro: KokoroTtsProvider) => Promise<void>): Promise<void> {
  const kokoro = await createKokoroTts({ model: "model.onnx", voice: "af_test", ...options }, testContext());
  try {
    await body(kokoro);
  } finally {
    await kokoro.dispose();
  }
}

describe("text → phonemes → ids → 24 kHz PCM (generated test model)", () => {
  it("speaks one run per sentence, the ids padded, the style row chosen by the token count", () =>
    withKokoro({}, async (kokoro) => {
      expect(kokoro.format).toEqual({ sampleRate: 24000, channels: 1 });
      expect(kokoro.voice).toBe("af_test");
      expect(kokoro.streaming).toBe("fragments");
      expect(kokoro.lang).toBe("en-us");
      expect(await kokoro.phonemize("Hello, world! How are you today?")).toEqual(["həlˈoʊ, wˈɜːld!", "hˌaʊ ɑːɹ juː tədˈeɪ?"]);
      const chunks = await collect(kokoro.synthesize({ text: "Hello, world! How are you today?" }));
      expect(chunks.map((chunk) => chunk.pcm.length)).toEqual([(15 + 2) * 1200, (20 + 2) * 1200]);
      expect(chunks.every((chunk) => chunk.sampleRate === 24000 && chunk.channels === 1)).toBe(true);
      // the 0 pads are silent in the test model, the phonemes are not
      expect(peak(chunks[0]?.pcm.subarray(0, 1200) ?? new Float32Array(1))).toBe(0);
      expect(peak(chunks[0]?.pcm.subarray(1200, 2400) ?? new Float32Array())).toBeGreaterThan(0.05);
      expect(peak(chunks[0]?.pcm ?? new Float32Array())).toBeCloseTo(testAmplitude(15), 3);
      expect(peak(chunks[1]?.pcm ?? new Float32Array())).toBeCloseTo(testAmplitude(20), 3);
    }));

  it("skips runs with nothing to say (only punctuation), and speaks the rest", () =>
    withKokoro({}, async (kokoro) => {
      expect(await kokoro.phonemize("… Hello! ?!")).toEqual(["həlˈoʊ!"]);
      const chunks = await collect(kokoro.synthesize({ text: "… Hello! ?!" }));
      expect(chunks.map((chunk) => tokensOf(chunk))).toEqual([7]);
      expect(await collect(kokoro.synthesize({ text: "... !?" }))).toEqual([]);
    }));

  it("applies the speed option times the request's speed", () =>
    withKokoro({ speed: 2 }, async (kokoro) => {
      const [fast] = await collect(kokoro.synthesize({ text: "Hello, world!" }));
      expect(fast?.pcm.length).toBe(17 * 600);
      const [faster] = await collect(kokoro.synthesize({ text: "Hello, world!", speed: 1.5 }));
      expect(faster?.pcm.length).toBe(17 * 400);
      await expect(collect(kokoro.synthesize({ text: "Hello.", speed: -1 }))).rejects.toMatchObject({ code: "invalid-request" });
    }));

  it("splits a sentence over 510 tokens at clause boundaries and speaks every token (no truncation)", () =>
    withKokoro({}, async (kokoro) => {
      const clause = "the quick brown fox jumps over the lazy dog";
      const text = `${Array.from({ length: 20 }, () => clause).join(", ")}.`;
      const runs = await kokoro.phonemize(text);
      const whole = kokoro.tokenize(runs.join(" "));
      expect(whole.length).toBeGreaterThan(2 * 510);
      expect(runs.length).toBe(3);
      for (const run of runs) {
        expect(kokoro.tokenize(run).length).toBeLessThanOrEqual(510);
        expect(run).toMatch(/[,.]$/);
      }
      const chunks = await collect(kokoro.synthesize({ text }));
      expect(chunks.map((chunk) => tokensOf(chunk))).toEqual(runs.map((run) => kokoro.tokenize(run).length));
      // the cut spaces aside, the runs hold every token of the sentence
      expect(chunks.reduce((sum, chunk) => sum + tokensOf(chunk), 0) + runs.length - 1).toBe(whole.length);
    }));

  it("creates the onnxruntime session once, in load() or on the first request, and reuses it", () =>
    withKokoro({}, async (kokoro) => {
      expect(kokoro.sessionsCreated).toBe(0);
      await kokoro.load();
      expect(kokoro.sessionsCreated).toBe(1);
      await Promise.all([collect(kokoro.synthesize({ text: "One." })), collect(kokoro.synthesize({ text: "Two." }))]);
      await collect(kokoro.synthesize({ text: "Three." }));
      expect(kokoro.sessionsCreated).toBe(1);
    }));

  it("runs inference in a worker thread, and an abort while a chunk is consumed posts no further run", () =>
    withKokoro({}, async (kokoro) => {
      const postMessage = vi.spyOn(Worker.prototype, "postMessage");
      try {
        const controller = new AbortController();
        const chunks: AudioChunk[] = [];
        const run = async (): Promise<void> => {
          for await (const chunk of kokoro.synthesize({ text: "One. Two. Three. Four. Five.", signal: controller.signal })) {
            // "Two." was phonemized while "One." ran; its run starts only when the next chunk is asked for.
            chunks.push(chunk);
            controller.abort();
          }
        };
        await expect(run()).rejects.toMatchObject({ code: "aborted", stage: "tts" });
        expect(chunks).toHaveLength(1);
        const runs = postMessage.mock.calls.filter(([message]) => (message as { type?: string }).type === "run");
        expect(runs).toHaveLength(1);
        const [feeds] = runs.map(([message]) => (message as { feeds: Record<string, { dims: number[] }> }).feeds);
        expect(feeds?.input_ids?.dims).toEqual([1, 7]); // "wˈʌn." (5 ids) and the two pads
        expect(feeds?.style?.dims).toEqual([1, 256]);
        expect(feeds?.speed?.dims).toEqual([1]);
      } finally {
        postMessage.mockRestore();
      }
    }));

  it("ends at once, before loading anything, when the signal has already fired", () =>
    withKokoro({}, async (kokoro) => {
      const controller = new AbortController();
      controller.abort();
      await expect(collect(kokoro.synthesize({ text: "Hello.", signal: controller.signal }))).rejects.toMatchObject({ code: "aborted", stage: "tts" });
      expect(kokoro.sessionsCreated).toBe(0);
    }));
});

describe("voices", () => {
  it("blends voices by weight (the style is the weighted mean)", () =>
    withKokoro({ voice: "af_test:1,af_flat:1" }, async (kokoro) => {
      const [chunk] = await collect(kokoro.synthesize({ text: "Hello, world!" }));
      // row 15 of af_test has mean (15 − 255) / 100 = −2.4; af_flat 0; the blend −1.2
      expect(peak(chunk?.pcm ?? new Float32Array())).toBeCloseTo(0.1 + 0.4 / (1 + Math.exp(1.2)), 3);
    }));

  it("speaks a request's voice when it names another one", () =>
    withKokoro({}, async (kokoro) => {
      const [chunk] = await collect(kokoro.synthesize({ text: "Hello, world!", voice: "af_flat" }));
      expect(peak(chunk?.pcm ?? new Float32Array())).toBeCloseTo(0.3, 3);
      await expect(collect(kokoro.synthesize({ text: "Hello.", voice: "af_nobody" }))).rejects.toMatchObject({ code: "voice-not-found" });
    }));

  it("speaks British English for b… voices unless lang says otherwise", async () => {
    await withKokoro({ voice: "bf_test" }, async (kokoro) => {
      expect(kokoro.lang).toBe("en-gb");
      expect(await kokoro.phonemize("How are you today?")).toEqual(["hˌaʊ ɑː juː tədˈeɪ?"]);
    });
    await withKokoro({ voice: "bf_test", lang: "en-us" }, async (kokoro) => expect(kokoro.lang).toBe("en-us"));
    await withKokoro({ voice: "voices/bf_test.bin" }, async (kokoro) => expect(kokoro.lang).toBe("en-gb"));
  });

  it("takes a voice file by path and a voicesDir", async () => {
    await withKokoro({ voice: "voices/af_flat.bin" }, async (kokoro) => expect((await collect(kokoro.synthesize({ text: "Hi." }))).length).toBe(1));
    await withKokoro({ voice: "af_flat", voicesDir: "voices" }, async (kokoro) => expect((await collect(kokoro.synthesize({ text: "Hi." }))).length).toBe(1));
  });
});

describe("in a pipeline: segments synthesized in parallel, audio in order", () => {
  it("gives each segment the audio it gets alone, in segment order, with ttsConcurrency 3", () =>
    withKokoro({}, async (kokoro) => {
      const reply = "The first sentence is here. A second, longer sentence follows it. Then a third. And the fourth one ends the reply.";
      const events: PipelineEvent[] = [];
      for await (const event of runPipeline({
        llm: createScriptedLlm({ text: reply, tokensPerSecond: 5000 }),
        tts: kokoro,
        request: { prompt: "x" },
        ttsConcurrency: 3,
        segmenter: { minLength: 10, maxLength: 60 },
        // Each segment's audio is compared with the voice's own: no pauses shaped at the joins.
        pauses: false,
      })) {
        events.push(event);
      }
      const segments = events.flatMap((event) => (event.type === "segment" ? [event] : []));
      const audio = events.flatMap((event) => (event.type === "audio" ? [event] : []));
      expect(events.some((event) => event.type === "error")).toBe(false);
      expect(segments.length).toBeGreaterThanOrEqual(3);
      expect(audio.map((event) => event.segmentIndex)).toEqual([...audio.map((event) => event.segmentIndex)].sort((a, b) => a - b));
      for (const segment of segments) {
        const alone = (await collect(kokoro.synthesize({ text: segment.text }))).reduce((sum, chunk) => sum + chunk.pcm.length, 0);
        const inPipeline = audio.filter((event) => event.segmentIndex === segment.index).reduce((sum, event) => sum + event.pcm.length, 0);
        expect(inPipeline).toBe(alone);
      }
    }));
});

describe("the adapter entry", () => {
  it("is a TTS adapter with a side-effect-free schema and defaults", () => {
    expect(adapter.kind).toBe("tts");
    expect(adapter.id).toBe("kokoro");
    expect(adapter.optionsSchema.parse({})).toMatchObject({ model: "q8", voice: "af_heart", speed: 1, threads: 1, executionProviders: ["cpu"] });
    expect(() => adapter.optionsSchema.parse({ lang: "fr" })).toThrow();
  });
});
