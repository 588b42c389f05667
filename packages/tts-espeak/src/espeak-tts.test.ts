import { readFileSync } from "node:fs";
import { rms, VoxpipeError, isAbortError, type AudioChunk } from "@voxpipe/core";
import { describeTtsConformance } from "@voxpipe/core/conformance";
import { collect, modelFiles, thrownBy } from "@voxpipe/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import espeakAdapter, { createEspeakTts, espeakTtsOptionsSchema, type EspeakTtsProvider } from "./index.js";

describeTtsConformance({ name: "espeak", create: () => createEspeakTts() });

// The Debian espeak-ng CLI's clip of one sentence, from the models folder (the only test here that needs a file).
const reference = modelFiles(["audio/espeak-ng-en-us-hello.wav"]);

function join32(chunks: readonly AudioChunk[]): Float32Array {
  const out = new Float32Array(chunks.reduce((n, chunk) => n + chunk.pcm.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk.pcm, offset);
    offset += chunk.pcm.length;
  }
  return out;
}

const seconds = (chunks: readonly AudioChunk[]): number => join32(chunks).length / 22050;

/** Duration of a 16-bit PCM WAV file, read from its `fmt ` and `data` chunks. */
function wavSeconds(path: string): number {
  const bytes = readFileSync(path);
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString("ascii", offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === "fmt ") byteRate = bytes.readUInt32LE(offset + 16);
    if (id === "data") return Math.min(size, bytes.length - offset - 8) / byteRate;
    offset += 8 + size + (size % 2);
  }
  throw new Error(`no data chunk in ${path}`);
}

describe("tts-espeak", () => {
  const shared: EspeakTtsProvider = createEspeakTts();
  afterAll(() => shared.dispose());

  it("declares 22050 Hz mono fragments, as the engine reports", async () => {
    expect(shared.format).toEqual({ sampleRate: 22050, channels: 1 });
    expect(shared.streaming).toBe("fragments");
    expect(shared.voice).toBe("en-us");
    const chunks = await collect(shared.synthesize({ text: "Hi." }));
    for (const chunk of chunks) expect(chunk.sampleRate).toBe(22050);
  });

  it('speaks "Hello world." as speech-like audio of plausible length', async () => {
    const chunks = await collect(shared.synthesize({ text: "Hello world." }));
    const pcm = join32(chunks);
    expect(pcm.length / 22050).toBeGreaterThan(0.5);
    expect(pcm.length / 22050).toBeLessThan(3);
    expect(rms(pcm)).toBeGreaterThan(0.02);
    const peak = pcm.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
    expect(peak).toBeGreaterThan(0.1);
    expect(peak).toBeLessThanOrEqual(1);
  });

  it.skipIf(reference.skipReason)(reference.title("lasts about as long as the Debian espeak-ng CLI's clip of the same text"), async () => {
    const expected = wavSeconds(reference.path("audio/espeak-ng-en-us-hello.wav")); // 3.29 s from espeak-ng 1.51
    const actual = seconds(await collect(shared.synthesize({ text: "Hello world. This audio was made by eSpeak NG." })));
    expect(Math.abs(actual - expected)).toBeLessThan(expected * 0.25);
  });

  it("speaks faster with a higher rate or speed, and sounds different with another voice or pitch", async () => {
    const text = "The quick brown fox jumps over the lazy dog.";
    const normal = seconds(await collect(shared.synthesize({ text })));
    const doubled = seconds(await collect(shared.synthesize({ text, speed: 2 })));
    expect(doubled).toBeLessThan(normal * 0.7);
    const fast = createEspeakTts({ rate: 300 });
    const slow = createEspeakTts({ rate: 100 });
    const highPitch = createEspeakTts({ pitch: 90 });
    try {
      expect(seconds(await collect(fast.synthesize({ text })))).toBeLessThan(normal * 0.8);
      expect(seconds(await collect(slow.synthesize({ text })))).toBeGreaterThan(normal * 1.3);
      const base = join32(await collect(shared.synthesize({ text })));
      expect(join32(await collect(highPitch.synthesize({ text })))).not.toEqual(base);
      expect(join32(await collect(shared.synthesize({ text, voice: "en-gb" })))).not.toEqual(base);
      expect(join32(await collect(shared.synthesize({ text, voice: "de" })))).not.toEqual(base);
    } finally {
      await Promise.all([fast.dispose(), slow.dispose(), highPitch.dispose()]);
    }
  });

  it("clamps speed to eSpeak's 80–450 words per minute", async () => {
    const text = "Clamping keeps the rate in range.";
    const fastest = seconds(await collect(shared.synthesize({ text, speed: 450 / 175 })));
    expect(seconds(await collect(shared.synthesize({ text, speed: 10 })))).toBeCloseTo(fastest, 1);
    await expect(thrownBy(() => collect(shared.synthesize({ text, speed: 0 })))).resolves.toMatchObject({ code: "invalid-request", stage: "tts" });
  });

  it("attaches ordered word timings that cover the words of the text", async () => {
    const text = "Hello world. This audio was made by eSpeak NG.";
    const chunks = await collect(shared.synthesize({ text }));
    const words = chunks.flatMap((chunk) => chunk.words ?? []);
    expect(words.map((word) => word.text)).toEqual(["Hello", "world", "This", "audio", "was", "made", "by", "e", "Speak", "NG"]);
    const totalMs = seconds(chunks) * 1000;
    let previousEnd = 0;
    for (const word of words) {
      expect(word.startMs).toBeGreaterThanOrEqual(previousEnd);
      expect(word.endMs).toBeGreaterThan(word.startMs);
      expect(word.endMs).toBeLessThanOrEqual(totalMs + 1);
      previousEnd = word.endMs;
    }
    // The pause after "world." belongs to no word.
    expect(words[2]!.startMs - words[1]!.endMs).toBeGreaterThan(100);
  });

  it("keeps word timings relative to the request across chunks, and on the chunk they start in", async () => {
    const text = "Sentence number one is here. ".repeat(10);
    const chunks = await collect(shared.synthesize({ text }));
    expect(chunks.length).toBeGreaterThan(1);
    let chunkStartMs = 0;
    let previousStart = -1;
    let count = 0;
    for (const chunk of chunks) {
      const chunkEndMs = chunkStartMs + (chunk.pcm.length / 22050) * 1000;
      for (const word of chunk.words ?? []) {
        expect(word.startMs).toBeGreaterThan(previousStart);
        expect(word.startMs).toBeGreaterThanOrEqual(chunkStartMs);
        expect(word.endMs).toBeLessThanOrEqual(chunkEndMs + 1);
        previousStart = word.startMs;
        count++;
      }
      chunkStartMs = chunkEndMs;
    }
    expect(count).toBe(50);
  });

  it("speaks markup characters as text, with timings mapped back to the original", async () => {
    const chunks = await collect(shared.synthesize({ text: "Salt & pepper <b>now</b>." }));
    expect(seconds(chunks)).toBeGreaterThan(0.5);
    const words = chunks.flatMap((chunk) => chunk.words ?? []).map((word) => word.text);
    expect(words).toContain("Salt");
    expect(words).toContain("pepper");
  });

  it("leaves out word timings when wordTimings is false", async () => {
    const tts = createEspeakTts({ wordTimings: false });
    try {
      const chunks = await collect(tts.synthesize({ text: "No timings here." }));
      expect(chunks.length).toBeGreaterThan(0);
      for (const chunk of chunks) expect(chunk.words).toBeUndefined();
    } finally {
      await tts.dispose();
    }
  });

  it("rejects an unknown voice with a VoxpipeError that names it and lists valid ones", async () => {
    const error = await thrownBy(() => collect(shared.synthesize({ text: "Hello.", voice: "xx-nonexistent" })));
    expect(VoxpipeError.isInstance(error)).toBe(true);
    const voxpipeError = error as VoxpipeError;
    expect(voxpipeError.code).toBe("voice-not-found");
    expect(voxpipeError.stage).toBe("tts");
    expect(voxpipeError.message).toContain('"xx-nonexistent"');
    expect(voxpipeError.message).toContain('"en-us"');
    const related = await thrownBy(() => collect(shared.synthesize({ text: "Hello.", voice: "en-zz" })));
    expect((related as Error).message).toContain('"en-gb"');
    // The provider still works afterwards.
    expect(seconds(await collect(shared.synthesize({ text: "Still fine." })))).toBeGreaterThan(0.3);
  });

  it("accepts language codes and variants as voices, and lists voices", async () => {
    const voices = await shared.listVoices();
    expect(voices).toEqual(expect.arrayContaining(["en-us", "en-gb", "de", "fr", "cmn", "zh"]));
    expect(seconds(await collect(shared.synthesize({ text: "你好", voice: "zh" })))).toBeGreaterThan(0.2);
    expect(seconds(await collect(shared.synthesize({ text: "Hello.", voice: "en-us+f3" })))).toBeGreaterThan(0.2);
  });

  it("stops mid-synthesis when aborted, yielding at most one more chunk", async () => {
    // About 40 engine calls of text; the abort comes right after the first chunk, so the rest must never be synthesized.
    const text = "This is a sentence in a long text that we will not finish. ".repeat(40);
    const controller = new AbortController();
    let chunks = 0;
    let chunksAfterAbort = 0;
    const error = await (async () => {
      try {
        for await (const _chunk of shared.synthesize({ text, signal: controller.signal })) {
          chunks++;
          if (controller.signal.aborted) chunksAfterAbort++;
          else setTimeout(() => controller.abort(), 0);
        }
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(isAbortError(error)).toBe(true);
    expect(chunksAfterAbort).toBeLessThanOrEqual(1);
    expect(chunks).toBeLessThanOrEqual(2);
  });

  it("ends at once when aborted while the engine is still loading, with no audio", async () => {
    const tts = createEspeakTts();
    try {
      const controller = new AbortController();
      const chunks = tts.synthesize({ text: "Hello there.", signal: controller.signal });
      // The first next() runs the request up to its wait for the engine; the abort lands during that wait.
      const first = chunks.next();
      controller.abort();
      const error = await first.then(
        (result) => ({ unexpected: result }),
        (caught: unknown) => caught,
      );
      expect(isAbortError(error)).toBe(true);
      expect(await chunks.next()).toEqual({ done: true, value: undefined });
    } finally {
      await tts.dispose();
    }
  });

  it("gives each of several concurrent requests the audio it gets alone", async () => {
    // eSpeak's output differs by a few samples from call to call (its pitch flutter
    // runs on across calls), so compare what a mix-up of voice or rate would change:
    // the length, the words and when each word starts.
    const requests = [
      { text: "First request, in the default voice. It has two sentences.", speed: 1 },
      { text: "Second request, faster and British. ".repeat(8), voice: "en-gb", speed: 1.6 },
      { text: "Dritte Anfrage, auf Deutsch und langsam.", voice: "de", speed: 0.7 },
    ];
    const summary = (chunks: AudioChunk[]) => ({
      seconds: seconds(chunks),
      words: chunks.flatMap((chunk) => chunk.words ?? []),
    });
    const alone = [];
    for (const request of requests) alone.push(summary(await collect(shared.synthesize(request))));
    const together = await Promise.all(requests.map(async (request) => summary(await collect(shared.synthesize(request)))));
    for (const [index, result] of together.entries()) {
      const expected = alone[index]!;
      expect(result.seconds).toBeCloseTo(expected.seconds, 1);
      expect(result.words.map((word) => word.text)).toEqual(expected.words.map((word) => word.text));
      for (const [wordIndex, word] of result.words.entries()) {
        expect(Math.abs(word.startMs - expected.words[wordIndex]!.startMs)).toBeLessThan(30);
      }
    }
    expect(together[1]!.seconds).toBeLessThan(together[0]!.seconds * 8 * 0.7);
  });

  it("loads the engine once, lazily, and refuses work after dispose", async () => {
    const tts = createEspeakTts();
    await Promise.all([collect(tts.synthesize({ text: "One." })), collect(tts.synthesize({ text: "Two." }))]);
    await tts.dispose();
    await tts.dispose(); // idempotent
    await expect(thrownBy(() => collect(tts.synthesize({ text: "Three." })))).resolves.toMatchObject({ code: "tts-disposed" });
  });

  it("is a side-effect-free tts adapter whose options have defaults", async () => {
    expect(espeakAdapter.kind).toBe("tts");
    expect(espeakAdapter.id).toBe("espeak");
    expect(espeakTtsOptionsSchema.parse({})).toEqual({ voice: "en-us", rate: 175, pitch: 50, wordTimings: true });
    expect(() => espeakTtsOptionsSchema.parse({ pitch: 100 })).toThrow();
    expect(() => espeakTtsOptionsSchema.parse({ rate: 20 })).toThrow();
    const provider = await espeakAdapter.create(espeakTtsOptionsSchema.parse({ voice: "de" }), {
      configDir: process.cwd(),
      env: {},
      log: () => {},
    });
    try {
      expect(provider.voice).toBe("de");
      expect(seconds(await collect(provider.synthesize({ text: "Guten Tag." })))).toBeGreaterThan(0.3);
    } finally {
      await provider.dispose?.();
    }
  });
});
