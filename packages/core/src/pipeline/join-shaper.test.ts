import { describe, expect, it } from "vitest";
import { concatPcm } from "../audio/pcm.js";
import { firstSoundFrame, lastSoundFrame } from "../audio/silence.js";
import type { AudioChunk, WordTiming } from "../tts/audio-chunk.js";
import type { EndingClass } from "./join-class.js";
import { JoinShaper, type NextSegment } from "./join-shaper.js";
import { DEFAULT_PAUSES_MS } from "./pause-options.js";

const RATE = 24_000;
const TH = 0.003;
const frames = (ms: number): number => Math.round((ms / 1000) * RATE);

/** Attack and release of a tone next to silence, as speech rises from and falls into silence, in ms. */
const RAMP_MS = 5;

/**
 * TEST DATA: `leadMs` of silence, a 440 Hz tone starting at its peak, `trailMs` of silence. Next to
 * silence the tone rises and falls over RAMP_MS; where it touches the segment's edge it is cut
 * through sound (loud at its first and last sample).
 */
function paddedTone(leadMs: number, toneMs: number, trailMs: number): Float32Array {
  const pcm = new Float32Array(frames(leadMs) + frames(toneMs) + frames(trailMs));
  const n = frames(toneMs);
  const ramp = frames(RAMP_MS);
  for (let i = 0; i < n; i++) {
    const attack = leadMs > 0 ? Math.min(1, i / ramp) : 1;
    const release = trailMs > 0 ? Math.min(1, (n - 1 - i) / ramp) : 1;
    pcm[frames(leadMs) + i] = 0.3 * Math.min(attack, release) * Math.cos((2 * Math.PI * 440 * i) / RATE);
  }
  return pcm;
}

/** The tone's own largest step between two samples. */
const TONE_STEP = 0.3 * 2 * Math.PI * (440 / RATE);

interface TestSegment {
  ending: EndingClass;
  startsBlock?: boolean;
  pcm: Float32Array;
  /** Chunk length in frames (default: the whole segment in one chunk). */
  chunkFrames?: number;
  words?: WordTiming[];
}

/** Runs segments through one shaper (the next segment known at each end); returns each segment's delivered audio and words. */
function shape(segments: TestSegment[], options: { expectedLeadingMs?: number; unknownNext?: boolean } = {}): { pcm: Float32Array; words: WordTiming[] }[] {
  const shaper = new JoinShaper({
    format: { sampleRate: RATE, channels: 1 },
    targetsMs: DEFAULT_PAUSES_MS,
    fadeMs: 4,
    silenceThreshold: TH,
    ...(options.expectedLeadingMs !== undefined ? { expectedLeadingMs: options.expectedLeadingMs } : {}),
  });
  return segments.map((segment, i) => {
    shaper.start({ ending: segment.ending, ...(segment.startsBlock ? { startsBlock: true } : {}) });
    const out: AudioChunk[] = [];
    const step = segment.chunkFrames ?? segment.pcm.length;
    for (let at = 0; at < segment.pcm.length; at += step) {
      const chunk: AudioChunk = { pcm: segment.pcm.subarray(at, at + step), sampleRate: RATE, channels: 1 };
      if (at === 0 && segment.words) chunk.words = segment.words;
      out.push(...shaper.push(chunk));
    }
    const following = segments[i + 1];
    const next: NextSegment = !following ? "last" : options.unknownNext ? "unknown" : following.startsBlock ? { startsBlock: true } : {};
    out.push(...shaper.end(next));
    return { pcm: concatPcm(...out.map((c) => c.pcm)), words: out.flatMap((c) => c.words ?? []) };
  });
}

/** The silence at the join between two delivered segments, in frames: the first's trailing plus the second's leading. */
function joinSilence(before: Float32Array, after: Float32Array): number {
  return before.length - (lastSoundFrame(before, 1, TH) + 1) + firstSoundFrame(after, 1, TH);
}

/** The largest sample step within `radius` frames of the join. */
function stepAtJoin(before: Float32Array, after: Float32Array, radius = frames(10)): number {
  const around = concatPcm(before.subarray(Math.max(0, before.length - radius)), after.subarray(0, radius));
  let largest = 0;
  for (let i = 1; i < around.length; i++) largest = Math.max(largest, Math.abs((around[i] ?? 0) - (around[i - 1] ?? 0)));
  return largest;
}

describe("JoinShaper", () => {
  it.each([
    ["sentence", { ending: "sentence" as const }, DEFAULT_PAUSES_MS.sentence],
    ["clause", { ending: "clause" as const }, DEFAULT_PAUSES_MS.clause],
    ["paragraph", { ending: "sentence" as const, startsBlock: true }, DEFAULT_PAUSES_MS.paragraph],
    ["paragraph after a segment without a mark (a list item)", { ending: "none" as const, startsBlock: true }, DEFAULT_PAUSES_MS.paragraph],
  ])("a %s join gets exactly its pause, counting the silence already there", (_name, join, targetMs) => {
    const [a, b] = shape([
      { ending: join.ending, pcm: paddedTone(12, 300, 30) },
      { ending: "sentence", ...(join.startsBlock ? { startsBlock: true } : {}), pcm: paddedTone(15, 300, 30) },
    ]);
    expect(Math.abs(joinSilence(a!.pcm, b!.pcm) - frames(targetMs))).toBeLessThanOrEqual(1);
    expect(stepAtJoin(a!.pcm, b!.pcm)).toBeLessThanOrEqual(TONE_STEP);
  });

  it("silence already longer than the pause is trimmed, not doubled", () => {
    const first = paddedTone(10, 300, 400);
    const last = paddedTone(120, 300, 10);
    const [a, b] = shape([
      { ending: "sentence", pcm: first },
      { ending: "sentence", pcm: last },
    ]);
    expect(Math.abs(joinSilence(a!.pcm, b!.pcm) - frames(DEFAULT_PAUSES_MS.sentence))).toBeLessThanOrEqual(1);
    // The run's first leading and last trailing silence are the reply's own: left alone.
    expect(firstSoundFrame(a!.pcm, 1, TH)).toBe(firstSoundFrame(first, 1, TH));
    expect(b!.pcm.length - lastSoundFrame(b!.pcm, 1, TH)).toBe(last.length - lastSoundFrame(last, 1, TH));
  });

  it("a cut with no pause (none) adds no silence and trims what the engine left", () => {
    const [a, b] = shape([
      { ending: "none", pcm: paddedTone(0, 300, 40) },
      { ending: "none", pcm: paddedTone(30, 300, 0) },
    ]);
    expect(joinSilence(a!.pcm, b!.pcm)).toBeLessThanOrEqual(frames(5) + 1);
    expect(stepAtJoin(a!.pcm, b!.pcm)).toBeLessThanOrEqual(TONE_STEP);
  });

  it("a hard cut through sound gets a fade on both sides and no extra silence, so no click", () => {
    // 301 ms: the tone ends far from where the next one starts.
    const loud = paddedTone(0, 301, 0);
    const unshapedStep = Math.abs((loud[0] ?? 0) - (loud.at(-1) ?? 0));
    const [a, b] = shape([
      { ending: "none", pcm: loud },
      { ending: "none", pcm: paddedTone(0, 300, 0) },
    ]);
    // Without the fade the jump is well above the tone's own steps: this test can fail.
    expect(unshapedStep).toBeGreaterThan(2 * TONE_STEP);
    expect(stepAtJoin(a!.pcm, b!.pcm)).toBeLessThanOrEqual(TONE_STEP);
    expect(joinSilence(a!.pcm, b!.pcm)).toBeLessThanOrEqual(frames(1));
    expect(a!.pcm.length + b!.pcm.length).toBe(loud.length + frames(300));
  });

  it("a hard end before a sentence pause fades out, then the pause", () => {
    const [a, b] = shape([
      { ending: "sentence", pcm: paddedTone(0, 300, 0) },
      { ending: "sentence", pcm: paddedTone(0, 300, 0) },
    ]);
    expect(Math.abs(joinSilence(a!.pcm, b!.pcm) - frames(DEFAULT_PAUSES_MS.sentence))).toBeLessThanOrEqual(frames(1));
    expect(stepAtJoin(a!.pcm, b!.pcm)).toBeLessThanOrEqual(TONE_STEP);
  });

  it("the output does not depend on how the TTS chunks its audio", () => {
    const segments = (chunkFrames?: number): TestSegment[] => [
      { ending: "clause", pcm: paddedTone(8, 200, 50), ...(chunkFrames ? { chunkFrames } : {}) },
      { ending: "sentence", pcm: paddedTone(40, 200, 20), ...(chunkFrames ? { chunkFrames } : {}) },
      { ending: "none", startsBlock: true, pcm: paddedTone(5, 200, 0), ...(chunkFrames ? { chunkFrames } : {}) },
      { ending: "sentence", pcm: paddedTone(0, 200, 30), ...(chunkFrames ? { chunkFrames } : {}) },
    ];
    const whole = shape(segments()).map((s) => [...s.pcm]);
    for (const chunkFrames of [1, 37, 240, 2400]) expect(shape(segments(chunkFrames)).map((s) => [...s.pcm])).toEqual(whole);
  });

  it("the pause goes out at the segment's end when the next segment is not known yet; a paragraph's extra comes at the next start", () => {
    const [a, b] = shape(
      [
        { ending: "sentence", pcm: paddedTone(10, 300, 20) },
        { ending: "sentence", startsBlock: true, pcm: paddedTone(10, 300, 20) },
      ],
      { unknownNext: true, expectedLeadingMs: 10 },
    );
    const silenceAtEnd = a!.pcm.length - (lastSoundFrame(a!.pcm, 1, TH) + 1);
    expect(silenceAtEnd).toBe(frames(DEFAULT_PAUSES_MS.sentence - 10));
    expect(Math.abs(joinSilence(a!.pcm, b!.pcm) - frames(DEFAULT_PAUSES_MS.paragraph))).toBeLessThanOrEqual(1);
  });

  it("word timings shift by what was trimmed or padded at the segment's start", () => {
    const words = [{ text: "b", startMs: 100, endMs: 250 }];
    const [a, b] = shape(
      [
        { ending: "sentence", pcm: paddedTone(10, 300, 20) },
        { ending: "sentence", pcm: paddedTone(100, 300, 20), words },
      ],
      { expectedLeadingMs: 20 },
    );
    const lead = firstSoundFrame(b!.pcm, 1, TH);
    const shiftMs = ((lead - firstSoundFrame(paddedTone(100, 300, 20), 1, TH)) / RATE) * 1000;
    expect(shiftMs).toBeLessThan(-50);
    expect(b!.words).toEqual([{ text: "b", startMs: 100 + shiftMs, endMs: 250 + shiftMs }]);
    expect(a!.words).toEqual([]);
  });

  it("never changes the arrays it is given", () => {
    const first = paddedTone(0, 100, 0);
    const second = paddedTone(0, 100, 0);
    const copies = [first.slice(), second.slice()];
    shape([
      { ending: "none", pcm: first },
      { ending: "none", pcm: second },
    ]);
    expect([first, second]).toEqual(copies);
  });
});
