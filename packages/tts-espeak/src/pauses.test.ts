import { DEFAULT_PAUSES_MS, concatPcm, measurePauseProfile, runPipeline, type PauseProfile, type PipelineEvent, type PipelineOptions } from "@voxpipe/core";
import { collect, createScriptedLlm } from "@voxpipe/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEspeakTts } from "./index.js";

// The real eSpeak NG engine (WebAssembly, no model file): its pauses after "." and "," are measurable.
const tts = createEspeakTts();
let learned: PauseProfile;
const RATE = 22_050;

beforeAll(async () => {
  await tts.load?.();
  learned = await measurePauseProfile(tts);
}, 60_000);
afterAll(() => tts.dispose());

const run = (text: string, options: Partial<PipelineOptions> = {}): Promise<PipelineEvent[]> =>
  collect(
    runPipeline({
      llm: createScriptedLlm({ text, tokensPerSecond: 5000 }),
      tts,
      request: { prompt: "x" },
      segmenter: { minLength: 1, eagerFirstSegment: false, adaptive: false },
      pauses: { learned },
      ...options,
    }),
  );

/** Each segment's delivered audio, in order. */
function audioBySegment(events: PipelineEvent[]): Float32Array[] {
  const parts: Float32Array[][] = [];
  for (const event of events) if (event.type === "audio") (parts[event.segmentIndex] ??= []).push(event.pcm);
  return parts.map((list) => concatPcm(...list));
}

const texts = (events: PipelineEvent[]): string[] => events.flatMap((e) => (e.type === "segment" ? [e.text] : []));

/** Silence at each join (the end of one segment plus the start of the next), in ms. */
function joinSilencesMs(segments: Float32Array[], threshold: number): number[] {
  const quiet = (s: number | undefined): boolean => Math.abs(s ?? 0) < threshold;
  const out: number[] = [];
  for (let i = 1; i < segments.length; i++) {
    const before = segments[i - 1]!;
    const after = segments[i]!;
    let trailing = 0;
    while (trailing < before.length && quiet(before[before.length - 1 - trailing])) trailing++;
    let leading = 0;
    while (leading < after.length && quiet(after[leading])) leading++;
    out.push(((trailing + leading) / RATE) * 1000);
  }
  return out;
}

/** The jump between the last sample of one segment and the first of the next, and the largest step of the signal within 10 ms around it. */
function joinSteps(segments: Float32Array[]): { jump: number; local: number }[] {
  const radius = Math.round(RATE / 100);
  const largestStep = (pcm: Float32Array): number => {
    let largest = 0;
    for (let i = 1; i < pcm.length; i++) largest = Math.max(largest, Math.abs((pcm[i] ?? 0) - (pcm[i - 1] ?? 0)));
    return largest;
  };
  const out: { jump: number; local: number }[] = [];
  for (let i = 1; i < segments.length; i++) {
    const before = segments[i - 1]!;
    const after = segments[i]!;
    const jump = Math.abs((after[0] ?? 0) - (before.at(-1) ?? 0));
    out.push({ jump, local: Math.max(largestStep(before.subarray(before.length - radius)), largestStep(after.subarray(0, radius))) });
  }
  return out;
}

describe("eSpeak's pauses (measurePauseProfile on the real engine)", () => {
  it("measures a sentence pause longer than a clause pause, and small edges", () => {
    expect(learned.sentenceMs).toBeGreaterThan(200);
    expect(learned.sentenceMs).toBeLessThan(600);
    expect(learned.clauseMs).toBeGreaterThan(80);
    expect(learned.clauseMs).toBeLessThan(learned.sentenceMs ?? 0);
    // eSpeak NG reads a paragraph break as a sentence end: the same pause, give or take a frame.
    expect(learned.paragraphMs).toBeGreaterThanOrEqual(learned.sentenceMs ?? Number.NaN);
    expect(learned.paragraphMs).toBeLessThan((learned.sentenceMs ?? 0) + 30);
    expect(learned.leadingMs).toBeLessThan(50);
    expect(learned.trailingMs).toBeLessThan(50);
    expect(learned.silenceThreshold).toBeGreaterThan(0.0003);
    expect(learned.silenceThreshold).toBeLessThan(0.02);
  });
});

describe("runPipeline with eSpeak: pauses at segment joins", () => {
  it('"Hello there. How are you today?" in two segments has the sentence pause at the join (none without shaping)', async () => {
    const plain = await run("Hello there. How are you today?", { pauses: false });
    expect(texts(plain)).toEqual(["Hello there.", "How are you today?"]);
    const threshold = learned.silenceThreshold;
    expect(joinSilencesMs(audioBySegment(plain), threshold)[0]).toBeLessThan(30);
    const shaped = await run("Hello there. How are you today?");
    const [ms] = joinSilencesMs(audioBySegment(shaped), threshold);
    expect(ms).toBeGreaterThanOrEqual((learned.sentenceMs ?? 0) - 1000 / RATE);
    expect(ms).toBeLessThan((learned.sentenceMs ?? 0) + 20);
  });

  it("a list reply gets paragraph pauses", async () => {
    const events = await run("Here is the list:\n- apples and pears\n- a loaf of bread");
    expect(texts(events)).toEqual(["Here is the list:", "apples and pears", "a loaf of bread"]);
    for (const ms of joinSilencesMs(audioBySegment(events), learned.silenceThreshold)) expect(ms).toBeGreaterThanOrEqual((learned.paragraphMs ?? 0) - 1000 / RATE);
  });

  it("a cut for length gets no pause added, and no join clicks", async () => {
    const text = "This rather long sentence is cut for length somewhere in the middle of it by the segmenter.";
    const segmenter = { minLength: 1, maxLength: 40, eagerFirstSegment: false, adaptive: false };
    const plain = audioBySegment(await run(text, { segmenter, pauses: false }));
    const shaped = audioBySegment(await run(text, { segmenter }));
    expect(shaped.length).toBeGreaterThan(1);
    const before = joinSilencesMs(plain, learned.silenceThreshold);
    joinSilencesMs(shaped, learned.silenceThreshold).forEach((ms, i) => expect(ms).toBeLessThanOrEqual((before[i] ?? 0) + 1000 / RATE));
    for (const { jump, local } of joinSteps(shaped)) expect(jump).toBeLessThanOrEqual(local);
  });

  it("no join of a story reply clicks", async () => {
    const events = await run("Once upon a time, a fox lived in the woods. It was clever; it was quick!\n\nOne day it met a crow. What did the crow have?", {
      segmenter: { minLength: 1, maxLength: 30, eagerFirstSegment: false, adaptive: false },
    });
    const segments = audioBySegment(events);
    expect(segments.length).toBeGreaterThan(4);
    for (const { jump, local } of joinSteps(segments)) expect(jump).toBeLessThanOrEqual(local);
  });
});
