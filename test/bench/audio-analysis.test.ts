// The joins part's audio analysis on synthetic signals whose pauses and
// clicks are known: a pause is found with its length, quiet below −40 dB is
// silence, a click at a join is flagged, a smooth join is not.
import { describe, expect, it } from "vitest";
import { countPauses, joinStep, pauseBetween, pausesOf, silenceRuns } from "../../bench/lib/audio-analysis.mjs";
import { comparePassage, joinKinds } from "../../bench/lib/passage-joins.mjs";

const RATE = 16_000;

/** `ms` of a 220 Hz sine at `amplitude`, starting at `phase` (radians). */
function tone(ms: number, amplitude = 0.5, phase = 0): Float32Array {
  const out = new Float32Array(Math.round((RATE * ms) / 1000));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin(phase + (2 * Math.PI * 220 * i) / RATE);
  return out;
}
const silence = (ms: number) => new Float32Array(Math.round((RATE * ms) / 1000));
function join(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe("silenceRuns", () => {
  it("finds a 200 ms pause between two sounds with its length, and tells it from silence at the edges", () => {
    const runs = silenceRuns(join(silence(100), tone(500), silence(200), tone(300), silence(80)), RATE);
    const pauses = pausesOf(runs);
    expect(pauses).toHaveLength(1);
    expect(pauses[0]!.startMs).toBeGreaterThanOrEqual(600);
    expect(pauses[0]!.startMs).toBeLessThanOrEqual(610);
    expect(pauses[0]!.ms).toBeGreaterThanOrEqual(190);
    expect(pauses[0]!.ms).toBeLessThanOrEqual(200);
    expect(runs.map((r) => r.edge)).toEqual(["start", null, "end"]);
    expect(countPauses(runs, 150)).toBe(1);
    expect(countPauses(runs, 250)).toBe(0);
  });

  it("counts sound 45 dB below the loudest frame as silence, and sound 35 dB below as sound", () => {
    const quiet = (db: number) => tone(200, 0.5 * 10 ** (db / 20));
    expect(countPauses(silenceRuns(join(tone(300), quiet(-45), tone(300)), RATE), 150)).toBe(1);
    expect(countPauses(silenceRuns(join(tone(300), quiet(-35), tone(300)), RATE), 30)).toBe(0);
  });

  it("places a pause where it is at 22,050 Hz too (a 10 ms frame is 221 samples there, not 220.5)", () => {
    const rate = 22_050;
    const at = (ms: number, value: number) => new Float32Array(Math.round((rate * ms) / 1000)).map((_, i) => value * Math.sin(i / 3));
    const runs = pausesOf(silenceRuns(join(at(20_000, 0.5), at(300, 0), at(500, 0.5)), rate));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.startMs).toBeGreaterThanOrEqual(20_000);
    expect(runs[0]!.startMs).toBeLessThanOrEqual(20_011);
    expect(runs[0]!.endMs).toBeGreaterThanOrEqual(20_290);
    expect(runs[0]!.endMs).toBeLessThanOrEqual(20_300);
  });

  it("ignores silence shorter than 30 ms", () => {
    expect(pausesOf(silenceRuns(join(tone(300), silence(20), tone(300)), RATE))).toHaveLength(0);
  });

  it("measures against a given reference level: the same pause, louder reference, more silence", () => {
    const signal = join(tone(300, 0.01), silence(100), tone(300, 0.01));
    expect(countPauses(silenceRuns(signal, RATE), 90)).toBe(1);
    expect(silenceRuns(signal, RATE, { referenceRms: 10 })).toEqual([{ startMs: 0, endMs: 700, ms: 700, edge: "start" }]);
  });

  it("finds the pause overlapping an interval (how a join is placed in the one-call rendering)", () => {
    const runs = silenceRuns(join(tone(300), silence(250), tone(300), silence(60), tone(300)), RATE);
    expect(pauseBetween(runs, 280, 560)?.ms).toBeGreaterThanOrEqual(240);
    expect(pauseBetween(runs, 860, 860)?.ms).toBeLessThan(70);
    expect(pauseBetween(runs, 100, 200)).toBeNull();
  });
});

describe("joinStep", () => {
  it("flags a click: a tone cut mid-cycle and joined to its opposite phase", () => {
    const a = tone(100 + 1000 / 880); // ends a quarter cycle past a whole number of cycles: at its peak
    const k = a.length;
    const signal = join(a, tone(100, 0.5, Math.PI + (2 * Math.PI * 220 * k) / RATE));
    const step = joinStep(signal, k, RATE);
    expect(step.jump).toBeGreaterThan(step.localMaxStep);
    expect(step.discontinuity).toBe(true);
  });

  it("does not flag a smooth join: one continuous tone split in two, at a zero crossing (its steepest step) or anywhere", () => {
    const whole = tone(200);
    for (const k of [1600, 1618, 1700, 2333]) expect(joinStep(whole, k, RATE).discontinuity).toBe(false);
  });

  it("does not flag a tone that fades out into silence, nor silence into silence", () => {
    const fade = tone(100).map((x, i, all) => x * (1 - i / all.length));
    expect(joinStep(join(fade, silence(100)), fade.length, RATE).discontinuity).toBe(false);
    expect(joinStep(silence(200), 1600, RATE)).toEqual({ jump: 0, localMaxStep: 0, discontinuity: false });
  });

  it("flags a tone that stops dead at its peak, but not a one-LSB step out of digital silence", () => {
    const cut = tone(100 + 1000 / 880);
    expect(joinStep(join(cut, silence(100)), cut.length, RATE).discontinuity).toBe(true);
    const lsb = join(silence(100), new Float32Array(1600).fill(1 / 32768));
    expect(joinStep(lsb, 1600, RATE).discontinuity).toBe(false);
  });
});

describe("joinKinds", () => {
  it("names what the text calls for at each cut", () => {
    const text = "Hello there. How are you,\nmy friend,\nthis fine morning;\n\nwell then, I was going to say";
    const segments = ["Hello there.", "How are you,", "my friend,", "this fine morning;", "well then,", "I was going", "to say"].map((t) => ({ text: t }));
    expect(joinKinds(text, segments)).toEqual(["sentence", "line", "line", "paragraph", "clause", "word"]);
  });
});

describe("comparePassage", () => {
  it("reports a sentence pause the streamed audio lost, and its return when the join gets the one-call pause", () => {
    const words = (gapMs: number) => [
      { text: "Hello", startMs: 0, endMs: 400, segmentIndex: 0 },
      { text: "there", startMs: 400 + gapMs, endMs: 800 + gapMs, segmentIndex: 1 },
    ];
    const oneCall = { samples: join(tone(400), silence(300), tone(400)), sampleRate: RATE, words: words(300) };
    const streamed = (gapMs: number) => ({
      samples: join(tone(400), silence(gapMs), tone(400)),
      sampleRate: RATE,
      words: words(gapMs),
      segments: [{ text: "Hello.", spoken: "Hello." }, { text: "There.", spoken: "There." }],
      segmentStarts: [0, Math.round((RATE * (400 + gapMs)) / 1000)],
      eventStarts: [{ sample: 0, segmentIndex: 0 }, { sample: Math.round((RATE * (400 + gapMs)) / 1000), segmentIndex: 1 }],
    });
    const result = comparePassage({ index: 0, text: "Hello. There.", oneCall, off: streamed(0), on: streamed(300) });
    expect(result.durationMs).toEqual({ oneCall: 1100, off: 800, on: 1100 });
    expect(result.pauses150).toEqual({ oneCall: 1, off: 0, on: 1 });
    expect(result.wordsAligned).toEqual({ off: true, on: true });
    expect(result.joins.off).toHaveLength(1);
    expect(result.joins.off[0]).toMatchObject({ at: 6, kind: "sentence", pauseMs: 0, click: false });
    expect(result.joins.off[0]!.oneCallMs).toBeGreaterThanOrEqual(290);
    expect(result.joins.on[0]!.pauseMs).toBeGreaterThanOrEqual(290);
    expect(result.joins.off[0]!.jumpRatio).toBeLessThanOrEqual(1);
    expect(result.endJoins).toEqual({ off: { joins: 1, short: 1 }, on: { joins: 1, short: 0 } });
    expect(result.discontinuities).toEqual({ off: 0, on: 0 });
  });

  it("counts a join into a tone that starts at its peak as a discontinuity", () => {
    const peak = tone(400, 0.5, Math.PI / 2);
    const oneCall = { samples: join(tone(400), peak), sampleRate: RATE, words: [] };
    const off = { samples: join(tone(400), peak), sampleRate: RATE, words: [], segments: [{ text: "Hello", spoken: "Hello" }, { text: "there.", spoken: "there." }], segmentStarts: [0, 6400], eventStarts: [{ sample: 0, segmentIndex: 0 }, { sample: 6400, segmentIndex: 1 }] };
    const result = comparePassage({ index: 0, text: "Hello there.", oneCall, off, on: off });
    expect(result.discontinuities).toEqual({ off: 1, on: 1 });
    expect(result.joins.off[0]).toMatchObject({ kind: "word", oneCallMs: null, click: true });
    expect(result.joins.off[0]!.jumpRatio).toBeGreaterThan(1);
  });
});
