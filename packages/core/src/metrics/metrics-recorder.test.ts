import { describe, expect, it } from "vitest";
import { MetricsRecorder } from "./metrics-recorder.js";

const audio = (segmentIndex: number, ms: number, atMs: number) =>
  ({ type: "audio", segmentIndex, fragmentIndex: 0, pcm: new Float32Array(ms), sampleRate: 1000, channels: 1, atMs }) as const;

describe("MetricsRecorder", () => {
  it("builds the run's metrics from what it observes: events and trace alike", () => {
    const metrics = new MetricsRecorder({ mode: "streaming", llm: "llm:m", tts: "tts:v" }, "primary");
    metrics.observe({ type: "text-delta", text: "Hello there.", atMs: 10 });
    metrics.observe({ type: "reasoning-delta", chars: 7, atMs: 11 });
    metrics.observe({ type: "segment", index: 0, text: "Hello there.", isFinal: false, atMs: 20 });
    metrics.observe({ type: "segment", index: 1, text: "Again.", isFinal: true, atMs: 21 });
    metrics.observe({ type: "synthesis-start", segmentIndex: 0, backend: "primary", atMs: 22 });
    metrics.observe({ type: "synthesis-start", segmentIndex: 0, backend: "fallback", atMs: 30 });
    metrics.observe({ type: "first-audio-produced", segmentIndex: 0, atMs: 40 });
    metrics.observe({ type: "synthesis-end", segmentIndex: 0, audioMs: 100, atMs: 80 });
    metrics.observe({ type: "cache-lookup", segmentIndex: 1, hit: true, backend: "fallback", atMs: 81 });
    metrics.observe(audio(0, 100, 50));
    metrics.observe(audio(1, 50, 200)); // due at 150: a 50 ms gap
    metrics.observe({ type: "error", stage: "tts", code: "tts-failed", message: "x", retryable: false, atMs: 210 });
    const snapshot = metrics.snapshot();
    expect(snapshot).toMatchObject({ ttftMs: 10, firstSegmentMs: 20, ttfaMs: 50, chars: 12, reasoningChars: 7, segmentCount: 2, audioMs: 150, gapMs: 50, gaps: 1 });
    expect(snapshot.segments.map((s) => [s.backend, s.cached, s.synthesisStartMs, s.firstAudioMs, s.synthesisMs])).toEqual([
      ["fallback", false, 30, 40, 50],
      ["fallback (cache)", true, 21, null, 0],
    ]);
    expect(snapshot.cache).toEqual({ hits: 1, misses: 0, hitRate: 1 });
    expect(snapshot.error).toEqual({ stage: "tts", code: "tts-failed", message: "x" });
    expect(snapshot.realTimeFactor).toBeCloseTo(0.5);
  });

  it("a stopped run is marked aborted; without a cache the hit rate is null", () => {
    const metrics = new MetricsRecorder({ mode: "whole", llm: "l", tts: "t" }, "t");
    metrics.observe({ type: "run-stopped", atMs: 5 });
    expect(metrics.snapshot()).toMatchObject({ aborted: true, cache: { hits: 0, misses: 0, hitRate: null } });
  });
});
