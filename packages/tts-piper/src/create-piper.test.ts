import { Worker } from "node:worker_threads";
import { describe, expect, it, vi } from "vitest";
import { VoxpipeError, type AdapterContext, type AudioChunk } from "@voxpipe/core";
import { collect, modelFiles } from "@voxpipe/core/testing";
import adapter from "./index.js";
import { createPiperTts } from "./create-piper.js";

const SILENT = "piper-test-voice-silent.onnx";
const PLUS = "piper-plus-zero-shot-test.onnx";
const models = modelFiles([`tts/${SILENT}`, `tts/${SILENT}.json`, `tts/${PLUS}`, `tts/${PLUS}.json`]);

function testContext(): AdapterContext & { lines: string[] } {
  const lines: string[] = [];
  return { configDir: import.meta.dirname, env: { VOXPIPE_MODELS_DIR: models.dir }, log: (level, message) => lines.push(`${level}: ${message}`), lines };
}

describe.skipIf(models.skipReason)(models.title("text → phonemes → ids → PCM (silent test voice)"), () => {
  it("yields one 22,050-sample chunk per sentence at the voice's sample rate", async () => {
    const piper = await createPiperTts({ model: SILENT }, testContext());
    try {
      expect(piper.format).toEqual({ sampleRate: 22050, channels: 1 });
      expect(piper.voice).toBe("piper-test-voice-silent");
      expect(piper.streaming).toBe("fragments");
      const sentences = await piper.phonemize("Hello there. How are you today?");
      expect(sentences.map((s) => s.phonemes.join(""))).toEqual(["həlˈoʊ ðˈɛɹ.", "hˌaʊ ɑːɹ juː tədˈeɪ?"]);
      const ids = piper.phonemeIds(sentences[0]?.phonemes ?? []);
      // ^ _ h _ ə _ l _ ˈ _ o _ ʊ _ " " _ ð _ ˈ _ ɛ _ ɹ _ . _ $
      expect(ids).toEqual([1, 0, 20, 0, 59, 0, 24, 0, 120, 0, 27, 0, 100, 0, 3, 0, 41, 0, 120, 0, 61, 0, 88, 0, 10, 0, 2]);
      const chunks = await collect(piper.synthesize({ text: "Hello there. How are you today?" }));
      expect(chunks.map((c) => c.pcm.length)).toEqual([22050, 22050]);
      for (const chunk of chunks) {
        expect(chunk.pcm).toBeInstanceOf(Float32Array);
        expect(chunk.sampleRate).toBe(22050);
        expect(chunk.channels).toBe(1);
        expect(chunk.pcm.every((s) => s === 0)).toBe(true);
      }
    } finally {
      await piper.dispose();
    }
  });

  it("adds sentenceSilenceMs between sentences, not after the last", async () => {
    const piper = await createPiperTts({ model: SILENT, sentenceSilenceMs: 100 }, testContext());
    try {
      const chunks = await collect(piper.synthesize({ text: "One. Two. Three." }));
      expect(chunks.map((c) => c.pcm.length)).toEqual([22050 + 2205, 22050 + 2205, 22050]);
    } finally {
      await piper.dispose();
    }
  });

  it("creates the onnxruntime session once, lazily, and reuses it across requests", async () => {
    const piper = await createPiperTts({ model: SILENT }, testContext());
    try {
      expect(piper.sessionsCreated).toBe(0);
      await Promise.all([collect(piper.synthesize({ text: "One." })), collect(piper.synthesize({ text: "Two." }))]);
      for (let i = 0; i < 3; i++) await collect(piper.synthesize({ text: "Again." }));
      expect(piper.sessionsCreated).toBe(1);
      await piper.dispose();
      await piper.dispose(); // idempotent
      await collect(piper.synthesize({ text: "After dispose." }));
      expect(piper.sessionsCreated).toBe(2);
    } finally {
      await piper.dispose();
    }
  });

  it("is the package's default export, an adapter with no side effects", async () => {
    expect(adapter.kind).toBe("tts");
    expect(adapter.id).toBe("piper");
    const options = adapter.optionsSchema.parse({ model: SILENT });
    expect(options.executionProviders).toEqual(["cpu"]);
    expect(options.sentenceSilenceMs).toBe(0);
    const provider = await adapter.create(options, testContext());
    expect(provider.format.sampleRate).toBe(22050);
    await provider.dispose?.();
  });
});

describe.skipIf(models.skipReason)(models.title("piper-plus zero-shot voice (extra inputs, real VITS graph)"), () => {
  it("feeds zeros to speaker_embedding and prosody_features; audio is 256 samples per phoneme id", async () => {
    const context = testContext();
    const piper = await createPiperTts({ model: PLUS }, context);
    try {
      for (const text of ["nano.", "nano anna.", "nano anna nona anon noon."]) {
        const [sentence] = await piper.phonemize(text);
        const ids = piper.phonemeIds(sentence?.phonemes ?? []);
        const chunks = await collect(piper.synthesize({ text }));
        expect(chunks).toHaveLength(1);
        expect(chunks[0]?.pcm.length).toBe(256 * ids.length);
        expect(chunks[0]?.pcm.some((s) => s !== 0)).toBe(true);
      }
    } finally {
      await piper.dispose();
    }
  });

  it("maps speed to length_scale / speed (half speed, twice the samples)", async () => {
    const piper = await createPiperTts({ model: PLUS }, testContext());
    try {
      const [normal] = await collect(piper.synthesize({ text: "nano anna." }));
      const [slow] = await collect(piper.synthesize({ text: "nano anna.", speed: 0.5 }));
      const [scaled] = await collect((await createPiperTts({ model: PLUS, lengthScale: 2 }, testContext())).synthesize({ text: "nano anna." }));
      expect(slow?.pcm.length).toBe(2 * (normal?.pcm.length ?? 0));
      expect(scaled?.pcm.length).toBe(slow?.pcm.length);
      await expect(collect(piper.synthesize({ text: "nano.", speed: 0 }))).rejects.toThrow(/speed must be a positive number/);
    } finally {
      await piper.dispose();
    }
  });

  it("warns once per phoneme missing from the map and skips it", async () => {
    const context = testContext();
    const piper = await createPiperTts({ model: PLUS }, context);
    try {
      const [sentence] = await piper.phonemize("hello, nano.");
      const ids = piper.phonemeIds(sentence?.phonemes ?? []);
      expect(ids.every((id) => [0, 1, 2, 3, 10, 14, 57].includes(id))).toBe(true);
      piper.phonemeIds(sentence?.phonemes ?? []);
      await collect(piper.synthesize({ text: "hello, nano." }));
      const warnings = context.lines.filter((line) => line.startsWith("warn:"));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/"h" \(U\+0068\).*not in the phoneme_id_map of .*piper-plus-zero-shot-test\.onnx\.json; skipping them/);
      const mentioned = warnings.join("").match(/U\+[0-9A-F]{4}/g) ?? [];
      expect(new Set(mentioned).size).toBe(mentioned.length);
    } finally {
      await piper.dispose();
    }
  });
  it("phonemizes each sentence just ahead of its run, not the whole text before the first chunk", async () => {
    const context = testContext();
    const piper = await createPiperTts({ model: PLUS }, context);
    try {
      // This voice's map has only ^ _ $ space a n o, and each missing phoneme is warned about once.
      // After this, "nano." and "anna." log nothing new, while "hello." does ("h", "l").
      await collect(piper.synthesize({ text: "nano anna." }));
      const warnings = (): number => context.lines.filter((line) => line.startsWith("warn:")).length;
      const before = warnings();
      const newWarningsAtChunk: number[] = [];
      for await (const _chunk of piper.synthesize({ text: "nano. anna. hello." })) newWarningsAtChunk.push(warnings() - before);
      // Each sentence is phonemized while the one before it runs: "hello." only after the first chunk
      // (phonemizing the whole text first would give [1, 1, 1]).
      expect(newWarningsAtChunk).toEqual([0, 1, 1]);
    } finally {
      await piper.dispose();
    }
  });
});

describe.skipIf(models.skipReason)(models.title("abort"), () => {
  it("stops between sentences: no chunk after the abort, ends with an AbortError", async () => {
    const piper = await createPiperTts({ model: SILENT }, testContext());
    try {
      const controller = new AbortController();
      let chunks = 0;
      const run = async () => {
        for await (const _chunk of piper.synthesize({ text: "One. Two. Three. Four. Five.", signal: controller.signal })) {
          chunks++;
          if (chunks === 2) controller.abort();
        }
      };
      const error = await run().then(() => undefined, (e: unknown) => e);
      expect(VoxpipeError.isInstance(error) && error.code).toBe("aborted");
      expect(chunks).toBe(2);
    } finally {
      await piper.dispose();
    }
  });

  it("an abort while a chunk is consumed posts no further run, though the next sentence is already phonemized", async () => {
    const piper = await createPiperTts({ model: SILENT }, testContext());
    const postMessage = vi.spyOn(Worker.prototype, "postMessage");
    try {
      const controller = new AbortController();
      const run = async () => {
        for await (const _chunk of piper.synthesize({ text: "One. Two. Three. Four.", signal: controller.signal })) {
          // "Two." was phonemized while "One." ran; its run starts only when the next chunk is asked for.
          controller.abort();
        }
      };
      await expect(run()).rejects.toMatchObject({ code: "aborted", stage: "tts" });
      const runs = postMessage.mock.calls.filter(([message]) => (message as { type?: string }).type === "run");
      expect(runs).toHaveLength(1);
    } finally {
      postMessage.mockRestore();
      await piper.dispose();
    }
  });

  it("ends at once, before any run, when the signal has already fired", async () => {
    const piper = await createPiperTts({ model: SILENT }, testContext());
    try {
      const controller = new AbortController();
      controller.abort();
      await expect(collect(piper.synthesize({ text: "Hello.", signal: controller.signal }))).rejects.toMatchObject({ code: "aborted", stage: "tts" });
      expect(piper.sessionsCreated).toBe(0);
    } finally {
      await piper.dispose();
    }
  });
});

describe.skipIf(models.skipReason)(models.title("speakers"), () => {
  it("rejects speakers the voice does not have, listing what exists", async () => {
    await expect(createPiperTts({ model: PLUS, speaker: "nobody" }, testContext())).rejects.toThrow(/speaker "nobody" is unknown: .* has speakers 0–1 named speaker_0, speaker_1/);
    await expect(createPiperTts({ model: PLUS, speaker: 5 }, testContext())).rejects.toThrow(/speaker 5 is out of range/);
    await expect(createPiperTts({ model: SILENT, speaker: 1 }, testContext())).rejects.toThrow(/has a single speaker/);
  });

  it("refuses a speaker for a model without a sid input", async () => {
    const piper = await createPiperTts({ model: PLUS, speaker: "speaker_1" }, testContext());
    try {
      await expect(collect(piper.synthesize({ text: "nano." }))).rejects.toThrow(/has no "sid" input/);
    } finally {
      await piper.dispose();
    }
  });

  it("rejects an unknown request voice and accepts the provider's own voice name", async () => {
    const piper = await createPiperTts({ model: SILENT }, testContext());
    try {
      expect(await collect(piper.synthesize({ text: "Hi.", voice: piper.voice }))).toHaveLength(1);
      await expect(collect(piper.synthesize({ text: "Hi.", voice: "alice" }))).rejects.toMatchObject({ code: "voice-not-found", stage: "tts", message: expect.stringContaining('has no voice "alice"') });
    } finally {
      await piper.dispose();
    }
  });
});
