import { describe, expect, it } from "vitest";
import { firstSoundFrame, lastSoundFrame } from "../audio/silence.js";
import { collect } from "../testing/collect.js";
import { createScriptedLlm } from "../testing/scripted-llm.js";
import type { AudioChunk } from "../tts/audio-chunk.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { DEFAULT_PAUSES_MS } from "./pause-options.js";
import type { PipelineEvent } from "./pipeline-event.js";
import type { PipelineOptions } from "./pipeline-options.js";
import { runPipeline } from "./run-pipeline.js";

const RATE = 16_000;
const TH = 0.003;
const frames = (ms: number): number => Math.round((ms / 1000) * RATE);

/** The audio the padded-tone double makes for `text`: 10 ms of silence, a tone of 8 ms per character rising and falling over 5 ms, 30 ms of silence. */
function paddedToneFor(text: string): Float32Array {
  const tone = frames(8 * [...text].length);
  const lead = frames(10);
  const ramp = frames(5);
  const pcm = new Float32Array(lead + tone + frames(30));
  for (let i = 0; i < tone; i++) pcm[lead + i] = 0.3 * Math.min(1, i / ramp, (tone - 1 - i) / ramp) * Math.sin((2 * Math.PI * 300 * i) / RATE);
  return pcm;
}

/** TEST DOUBLE — not a speech engine: `paddedToneFor(text)`, streamed in 40 ms chunks. */
function paddedToneTts(): TtsProvider {
  return {
    id: "padded-tone (test double)",
    voice: "tone",
    format: { sampleRate: RATE, channels: 1 },
    streaming: "fragments",
    async *synthesize(request): AsyncGenerator<AudioChunk> {
      const pcm = paddedToneFor(request.text);
      for (let at = 0; at < pcm.length; at += frames(40)) {
        request.signal?.throwIfAborted();
        yield { pcm: pcm.slice(at, at + frames(40)), sampleRate: RATE, channels: 1 };
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

const run = (text: string, options: Partial<PipelineOptions> = {}): Promise<PipelineEvent[]> =>
  collect(
    runPipeline({
      llm: createScriptedLlm({ text, tokensPerSecond: 5000 }),
      tts: paddedToneTts(),
      request: { prompt: "x" },
      segmenter: { minLength: 1, eagerFirstSegment: false, adaptive: false },
      normalize: { enabled: false },
      ...options,
    }),
  );

/** Each segment's delivered audio, in order. */
function audioBySegment(events: PipelineEvent[]): Float32Array[] {
  const parts: number[][] = [];
  for (const event of events) if (event.type === "audio") (parts[event.segmentIndex] ??= []).push(...event.pcm);
  return parts.map((samples) => Float32Array.from(samples));
}

function joinSilencesMs(segments: Float32Array[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < segments.length; i++) {
    const before = segments[i - 1]!;
    const after = segments[i]!;
    out.push(((before.length - (lastSoundFrame(before, 1, TH) + 1) + firstSoundFrame(after, 1, TH)) / RATE) * 1000);
  }
  return out;
}

describe("runPipeline: pauses at segment joins", () => {
  const reply = "Hello there. How are you today, my friend?\n- one item\n- two items";

  it("each join gets the pause its text calls for: sentence, clause, paragraph (list items)", async () => {
    const events = await run(reply, { segmenter: { minLength: 1, maxLength: 25, eagerFirstSegment: false, adaptive: false } });
    const texts = events.flatMap((e) => (e.type === "segment" ? [e.text] : []));
    expect(texts).toEqual(["Hello there.", "How are you today,", "my friend?", "one item", "two items"]);
    const silences = joinSilencesMs(audioBySegment(events));
    const expected = [DEFAULT_PAUSES_MS.sentence, DEFAULT_PAUSES_MS.clause, DEFAULT_PAUSES_MS.paragraph, DEFAULT_PAUSES_MS.paragraph];
    silences.forEach((ms, i) => expect(Math.abs(ms - (expected[i] ?? 0)), `join ${i}: ${ms} ms`).toBeLessThanOrEqual(1000 / RATE));
  });

  it("a cut for length gets no pause", async () => {
    const events = await run("This sentence is cut for length somewhere in the middle of it.", { segmenter: { minLength: 1, maxLength: 35, eagerFirstSegment: false, adaptive: false } });
    const texts = events.flatMap((e) => (e.type === "segment" ? [e.text] : []));
    expect(texts.length).toBe(2);
    expect(texts[0]).not.toMatch(/[.,;:!?]$/);
    // The engine's own 30 + 10 ms at the cut are trimmed to the onset's few ms.
    expect(joinSilencesMs(audioBySegment(events))[0]).toBeLessThanOrEqual(5 + 1000 / RATE);
  });

  it("the pause is audio: segment-end, the metrics and the events count it, and it makes no gap", async () => {
    const events = await run(reply);
    const delivered = new Map<number, number>();
    for (const e of events) if (e.type === "audio") delivered.set(e.segmentIndex, (delivered.get(e.segmentIndex) ?? 0) + (e.pcm.length / RATE) * 1000);
    const ends = events.flatMap((e) => (e.type === "segment-end" ? [e] : []));
    for (const end of ends) expect(end.audioMs).toBeCloseTo(delivered.get(end.segmentIndex) ?? -1, 6);
    const finish = events.at(-1);
    if (finish?.type !== "finish") throw new Error("no finish event");
    const total = [...delivered.values()].reduce((a, b) => a + b, 0);
    expect(finish.metrics.audioMs).toBeCloseTo(total, 6);
    const produced = audioBySegment(await run(reply, { pauses: false })).reduce((n, pcm) => n + pcm.length, 0);
    expect(total).toBeGreaterThan((produced / RATE) * 1000 + 3 * DEFAULT_PAUSES_MS.clause);
  });

  it("pauses: false delivers exactly what the TTS produced, bit for bit", async () => {
    const events = await run(reply, { pauses: false });
    const texts = events.flatMap((e) => (e.type === "segment" ? [e.spoken] : []));
    const segments = audioBySegment(events);
    expect(segments.length).toBe(texts.length);
    segments.forEach((pcm, i) => expect(pcm).toEqual(paddedToneFor(texts[i] ?? "")));
  });

  it("explicit lengths win over the defaults; the first segment's start and the last one's end are left alone", async () => {
    const events = await run("One. Two.", { pauses: { sentenceMs: 200 } });
    const [first, second] = audioBySegment(events);
    expect(Math.abs((joinSilencesMs([first!, second!])[0] ?? 0) - 200)).toBeLessThanOrEqual(1000 / RATE);
    const own = paddedToneFor("One.");
    expect(first!.subarray(0, frames(15))).toEqual(own.subarray(0, frames(15)));
    const last = paddedToneFor("Two.");
    expect(second!.subarray(second!.length - frames(30))).toEqual(last.subarray(last.length - frames(30)));
  });

  it("refuses a bad pause length before anything starts, naming it", async () => {
    await expect(collect(runPipeline({ llm: createScriptedLlm({ text: "Hi." }), tts: paddedToneTts(), request: { prompt: "x" }, pauses: { clauseMs: 90_000 } }))).rejects.toThrow(
      "Invalid pipeline options: pauses.clauseMs: expected a number of at most 5000, received 90000.",
    );
  });
});
