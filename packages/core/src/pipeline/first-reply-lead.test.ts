import { describe, expect, it } from "vitest";
import { createSyntheticTts } from "../testing/synthetic-tts.js";
import { firstReplyLeadMs } from "./first-reply-lead.js";
import { measureTtsProfile } from "./tts-profile.js";

const profile = (realTimeFactor: number) => ({ realTimeFactor, firstChunkMs: 100, audioMsPerChar: 20, chunkMs: 100 });

describe("firstReplyLeadMs", () => {
  it("needs no lead when the TTS keeps well ahead", () => {
    expect(firstReplyLeadMs(profile(0.5), 2, [{ chars: 21, readyAtMs: 0 }, { chars: 100, readyAtMs: 200 }], 150)).toBe(0);
  });

  it("covers the next segment's latency with one producer: firstChunkMs + d0 × (RTF − 1)", () => {
    // segment 0: 420 ms of audio at RTF 0.9 ends 378 ms after it starts; segment 1's first chunk is 100 + 90 ms later.
    const lead = firstReplyLeadMs(profile(0.9), 1, [{ chars: 21, readyAtMs: 0 }, { chars: 100, readyAtMs: 0 }], 190);
    expect(lead).toBeCloseTo(100 + 420 * -0.1 + 90 - 90, 5);
  });

  it("grows with a TTS slower than real time, and shrinks with more segments at once", () => {
    const segments = [{ chars: 21, readyAtMs: 0 }, { chars: 100, readyAtMs: 50 }];
    const two = firstReplyLeadMs(profile(1.2), 2, segments, 220);
    expect(two).toBeGreaterThan(0);
    expect(firstReplyLeadMs(profile(1.2), 1, segments, 220)).toBeGreaterThan(two);
  });
});

describe("measureTtsProfile", () => {
  it("measures the synthetic TTS's real-time factor, latency and audio per character", async () => {
    const measured = await measureTtsProfile(createSyntheticTts({ firstChunkMs: 60, realTimeFactor: 0.5, msPerChar: 20, chunkMs: 100 }));
    expect(measured.realTimeFactor).toBeGreaterThan(0.4);
    expect(measured.realTimeFactor).toBeLessThan(0.9);
    expect(measured.audioMsPerChar).toBeCloseTo(20, 0);
    expect(measured.chunkMs).toBeCloseTo(100, 0);
    expect(measured.firstChunkMs).toBeGreaterThan(30);
  });

  it("fails with a clear error when the backend speaks nothing", async () => {
    const silent = { ...createSyntheticTts(), synthesize: async function* () {} };
    await expect(measureTtsProfile(silent)).rejects.toThrow(/produced no audio/);
  });
});
