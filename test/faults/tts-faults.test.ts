import { describe, expect, it } from "vitest";
import { audioSeconds, doublesConfig, expectAudioInOrder, expectCleanFailure, runConfig, say, checkForLeaksAfterEachTest, expectTimeoutFailure, reply } from "./fault-harness.js";

checkForLeaksAfterEachTest();

describe("TTS faults", () => {
  it("throws on segment k: segments before k intact, then a typed tts error; WAV keeps them, exit 2", async () => {
    const config = doublesConfig({ text: reply }, { failOnSegment: 2 }, "pipeline: { ttsConcurrency: 1 }\n");
    const events = await runConfig(config, "hello");
    expectCleanFailure(events, "tts", /tts-failed/);
    expect(events.filter((e) => e.type === "segment-end").map((e) => (e.type === "segment-end" ? e.segmentIndex : -1))).toEqual([0, 1]);
    const wav = await say(config, "hello");
    expect(wav.code).toBe(2);
    expect(wav.summary.error.stage).toBe("tts");
    expect(wav.wavSeconds).toBeGreaterThanOrEqual(audioSeconds(events.filter((e) => e.type !== "audio" || e.segmentIndex < 2)) - 0.01);
  });

  it("hangs: the per-segment timeout turns it into a typed tts error", async () => {
    const config = doublesConfig({ text: reply }, { hangOnSegment: 1 }, "pipeline: { ttsConcurrency: 1, timeouts: { ttsSegmentMs: 200 } }\n");
    await expectTimeoutFailure(config, "tts", "ttsSegmentMs", 5000);
  });

  it("returns zero audio for a segment: a typed tts error, not silent words", async () => {
    const config = doublesConfig({ text: reply }, { silentOnSegment: 1 }, "pipeline: { ttsConcurrency: 1 }\n");
    const events = await runConfig(config, "hello");
    expectCleanFailure(events, "tts", /tts-no-audio/);
    expect((await say(config, "hello")).code).toBe(2);
  });

  it("returns audio in another sample rate than declared: converted to the declared rate, durations kept", async () => {
    const config = doublesConfig({ text: reply }, { wrongRateOnSegment: 1 });
    const events = await runConfig(config, "hello");
    expect(events.some((e) => e.type === "error")).toBe(false);
    for (const event of events) if (event.type === "audio") expect(event.sampleRate).toBe(16000);
    expectAudioInOrder(events);
    const wav = await say(config, "hello");
    expect(wav.code).toBe(0);
  });

  it("with a fallback configured, the same failure is survived without a word lost or repeated", async () => {
    const config = doublesConfig({ text: reply }, { failOnSegment: 1 }, 'pipeline: { ttsConcurrency: 1 }\n');
    const withFallback = config.replace(/$/, "");
    const { readFileSync, writeFileSync } = await import("node:fs");
    const text = readFileSync(withFallback, "utf8").replace(
      /tts: (\{.*\})\n/,
      (_, primary: string) => `tts:\n  - ${primary}\n  - { use: "@voxpipe/core/testing#syntheticTts", options: { sampleRate: 22050, voice: fallback } }\n`,
    );
    writeFileSync(withFallback, text);
    const events = await runConfig(withFallback, "hello");
    expect(events.some((e) => e.type === "error")).toBe(false);
    expectAudioInOrder(events);
    const finish = events.at(-1);
    expect(finish?.type === "finish" && finish.metrics.segments.map((s) => s.backend)).toEqual(["synthetic-tts (test double)", "synthetic-tts (test double)", "synthetic-tts (test double)"]);
    const wav = await say(withFallback, "hello");
    expect(wav.code).toBe(0);
    expect(wav.wavSeconds).toBeCloseTo((reply.length * 60) / 1000, 0);
  });
});

describe("opening cache through voxpipe say", () => {
  it("a reply that starts with a warmed opening plays it from the cache: first audio ≈ the LLM's first segment", async () => {
    const config = doublesConfig(
      { text: `Sure! ${reply}`, tokensPerSecond: 200 },
      { firstChunkMs: 300 },
      'cache: { enabled: true, openings: ["Sure!", "Let me check that."] }\n',
    );
    const wav = await say(config, "hello");
    expect(wav.code).toBe(0);
    expect(wav.summary.cache).toMatchObject({ hits: 1 });
    // Without the cache the first audio waits 300 ms for the TTS; with it, it follows the first segment at once.
    expect(wav.summary.ttfaMs - wav.summary.firstSegmentMs).toBeLessThan(150);
    expect(wav.wavSeconds).toBeCloseTo(((`Sure! ${reply}`.length - 3) * 60) / 1000, 0);
  });

  it("the cache is off by default", async () => {
    const wav = await say(doublesConfig({ text: `Sure! ${reply}` }), "hello");
    expect(wav.summary.cache).toBeUndefined();
  });
});
