import { describe, expect, it, vi } from "vitest";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { collect } from "../testing/collect.js";
import { streamFailure } from "../testing/error-matchers.js";
import { createSyntheticTts } from "../testing/synthetic-tts.js";
import type { TtsReport } from "../tts/tts-report.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { createTtsFailover } from "./create-tts-failover.js";

const text = "A sentence of forty characters, roughly.";
const frames = (chunks: { pcm: Float32Array }[]): number => chunks.reduce((n, c) => n + c.pcm.length, 0);

/** A TEST DOUBLE backend that fails its first `failures` requests after yielding half the audio. */
function failingFirst(id: string, failures: number, sampleRate = 24000): TtsProvider & { calls: number } {
  const base = createSyntheticTts({ sampleRate, voice: id });
  const provider = {
    ...base,
    id,
    calls: 0,
    async *synthesize(request: Parameters<TtsProvider["synthesize"]>[0]) {
      const call = provider.calls++;
      let n = 0;
      for await (const chunk of base.synthesize(request)) {
        if (call < failures && n++ === 2) throw new VoxpipeError({ code: "tts-failed", stage: "tts", message: `${id} broke mid-text` });
        yield chunk;
      }
    },
  };
  return provider;
}

describe("createTtsFailover, used alone", () => {
  it("hands the whole text to the fallback when the primary fails mid-text: nothing of the failed attempt, the primary's format", async () => {
    const primary = failingFirst("primary", 1);
    const fallback = failingFirst("fallback", 0, 16000);
    const failover = createTtsFailover(primary, fallback);
    expect(failover).toMatchObject({ id: "primary", format: primary.format, streaming: "whole" });
    const reports: TtsReport[] = [];
    const chunks = await collect(failover.synthesize({ text, onReport: (report) => reports.push(report) }));
    expect(chunks.every((c) => c.sampleRate === 24000)).toBe(true);
    // Exactly one rendering (60 ms per character), none of the primary's first half.
    expect(frames(chunks) / 24000).toBeCloseTo((text.length * 60) / 1000, 1);
    expect(reports.map((r) => `${r.type}:${r.backend.id}`)).toEqual(["attempt:primary", "failover:primary", "attempt:fallback"]);
  });

  it("skips a failed backend while it cools down, then tries it again", async () => {
    // On the fake clock (timers and performance.now()), so "while it cools down" is exact, not a race with a loaded machine.
    vi.useFakeTimers();
    try {
      const run = async (): Promise<void> => {
        const done = collect(failover.synthesize({ text }));
        await vi.runAllTimersAsync();
        await done;
      };
      const primary = failingFirst("primary", 1);
      const failover = createTtsFailover(primary, failingFirst("fallback", 0), { cooldownMs: 500 });
      await run();
      const failedAt = performance.now();
      expect(failover.nextBackend().id).toBe("fallback");
      await run();
      expect(primary.calls).toBe(1);
      vi.advanceTimersByTime(failedAt + 499 - performance.now());
      expect(failover.nextBackend().id).toBe("fallback"); // 1 ms before the cool-down ends
      vi.advanceTimersByTime(1);
      expect(failover.order().map((b) => b.id)).toEqual(["primary", "fallback"]);
      await run();
      expect(primary.calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("when every backend fails, yields nothing and throws the last backend's error", async () => {
    const received: unknown[] = [];
    const error = await streamFailure(createTtsFailover(failingFirst("a", 9), failingFirst("b", 9)).synthesize({ text }), received);
    expect(received).toEqual([]);
    expect(error).toMatchObject({ stage: "tts", message: "b broke mid-text" });
  });

  it("a backend that stalls past attemptTimeoutMs is stopped and the next one speaks", async () => {
    const stalling = createSyntheticTts({ hangOnSegment: 0, voice: "stall" });
    let aborted = false;
    const primary: TtsProvider = {
      ...stalling,
      id: "stalling",
      async *synthesize(request) {
        request.signal?.addEventListener("abort", () => (aborted = true));
        yield* stalling.synthesize(request);
      },
    };
    const chunks = await collect(createTtsFailover(primary, failingFirst("fallback", 0), { attemptTimeoutMs: 50 }).synthesize({ text }));
    expect(frames(chunks)).toBeGreaterThan(0);
    expect(aborted).toBe(true);
  });

  it("no audio for non-blank text counts as a failure; the caller's abort ends the request without trying the rest", async () => {
    const silent = { ...createSyntheticTts({ silentOnSegment: 0 }), id: "silent" };
    expect(frames(await collect(createTtsFailover(silent, failingFirst("fallback", 0)).synthesize({ text })))).toBeGreaterThan(0);
    const controller = new AbortController();
    const fallback = failingFirst("fallback", 0);
    const slow = { ...createSyntheticTts({ firstChunkMs: 200 }), id: "slow" };
    setTimeout(() => controller.abort(), 20);
    await expect(collect(createTtsFailover(slow, fallback).synthesize({ text, signal: controller.signal }))).rejects.toMatchObject({ code: "aborted" });
    expect(fallback.calls).toBe(0);
  });

  it("with no fallbacks, the primary's audio streams through as it comes", async () => {
    const primary = createSyntheticTts({ chunkMs: 100 });
    const failover = createTtsFailover(primary);
    expect(failover.streaming).toBe("fragments");
    expect((await collect(failover.synthesize({ text }))).length).toBeGreaterThan(1);
  });
});
