import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createScriptedLlm } from "../testing/scripted-llm.js";
import { createSyntheticTts } from "../testing/synthetic-tts.js";
import { PlayoutLead } from "./playout-lead.js";
import { runPipeline } from "./run-pipeline.js";
import { isSafePauseWord } from "../segmenter/no-pause-words.js";
import type { TtsProfile } from "./tts-profile.js";

const TEXT = "Sure, here is a quick plan for your trip to the coast this weekend. Leave early on Saturday.";
const FAST_TTS: TtsProfile = { realTimeFactor: 0.5, firstChunkMs: 10, audioMsPerChar: 20, chunkMs: 100 };
const SLOW_TTS: TtsProfile = { ...FAST_TTS, realTimeFactor: 0.95 };

// Every run here is on vitest's fake clock (timers and performance.now()): the rates the pipeline measures and the
// gaps it reports are the test doubles', whatever the load on the machine.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Runs `work` to its end, moving the fake clock on as its timers come due. */
async function onFakeClock<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined); // a failure is reported by the return below, not as an unhandled rejection meanwhile
  await vi.runAllTimersAsync();
  return work;
}

function firstSegment(tokensPerSecond: number, ttsProfile: TtsProfile | undefined): Promise<string | undefined> {
  return onFakeClock(firstSegmentOf(tokensPerSecond, ttsProfile));
}

async function firstSegmentOf(tokensPerSecond: number, ttsProfile: TtsProfile | undefined): Promise<string | undefined> {
  for await (const event of runPipeline({
    llm: createScriptedLlm({ text: TEXT, tokensPerSecond, firstTokenMs: 0 }),
    tts: createSyntheticTts({ msPerChar: 20 }),
    request: { prompt: "Plan my weekend." },
    segmenter: { eagerFirstSegment: true, adaptive: true },
    ...(ttsProfile ? { ttsProfile } : {}),
  })) {
    if (event.type === "segment") return event.text;
  }
  return undefined;
}

describe("the first cut depends on the measured rates", () => {
  const whole = "Sure, here is a quick plan for your trip to the coast this weekend.";

  it("ends early, at a word safe to pause on, once the LLM's rate is measured fast and the TTS is faster than real time", async () => {
    // The LLM's rate is known 50 ms into its text (10 tokens at 200 tokens/s): the next safe word ends the segment.
    const first = await firstSegment(200, FAST_TTS);
    expect(first).not.toBe(whole);
    expect(whole.startsWith(first ?? "?")).toBe(true);
    expect(isSafePauseWord(first?.split(" ").at(-1) ?? "")).toBe(true);
  });

  it("keeps the whole first sentence without a measured TTS, with a slow one, or with a slow LLM", async () => {
    expect(await firstSegment(200, undefined)).toBe(whole);
    expect(await firstSegment(200, SLOW_TTS)).toBe(whole);
    expect(await firstSegment(8, FAST_TTS)).toBe(whole);
  });
});

describe("a session's first reply", () => {
  it("is held by a lead predicted from the TTS profile, and has no gap (RTF 0.9, one segment at a time)", async () => {
    const profile: TtsProfile = { realTimeFactor: 0.9, firstChunkMs: 100, audioMsPerChar: 20, chunkMs: 100 };
    const lead = new PlayoutLead();
    let metrics;
    await onFakeClock(
      (async () => {
        for await (const event of runPipeline({
          llm: createScriptedLlm({ text: "Here is what I found. The museum opens at nine and closes at six, except on Mondays.", tokensPerSecond: 200, firstTokenMs: 0 }),
          tts: createSyntheticTts({ firstChunkMs: 100, msPerChar: 20, chunkMs: 100, realTimeFactor: 0.9 }),
          request: { prompt: "When is the museum open?" },
          ttsConcurrency: 1,
          playoutLead: lead,
          ttsProfile: profile,
        })) {
          if (event.type === "finish") metrics = event.metrics;
        }
      })(),
    );
    expect(metrics?.playoutLeadMs).toBeGreaterThan(0);
    expect(metrics?.gapMs).toBe(0);
    expect(lead.learned).toBe(true);
  });
});
