import type { RunObservation } from "../pipeline/run-trace.js";
import type { RunMetrics, SegmentMetrics } from "./run-metrics.js";

/** Segments whose timings are kept in full; later ones only count in the totals. */
export const SEGMENT_DETAIL_LIMIT = 1000;

/**
 * Collects a run's timings by observing its events and trace (`observe`, one
 * entry point, called for everything the run emits); `snapshot()` gives the
 * RunMetrics, and the other readers give the rates the segmenter adapts to.
 */
export class MetricsRecorder {
  private readonly startedAt = performance.now();
  private ttftMs: number | null = null;
  private lastTokenMs: number | null = null;
  private firstSegmentMs: number | null = null;
  private ttfaMs: number | null = null;
  private chars = 0;
  private reasoningChars = 0;
  private readonly segments = new Map<number, SegmentMetrics>();
  private segmentCount = 0;
  private synthesisTotalMs = 0;
  private synthesizedAudioMs = 0;
  /** Playback cursor of a listener who started at the first audio. */
  private playheadMs = 0;
  private gapMs = 0;
  private gaps = 0;
  private playoutLeadMs = 0;
  /** Smallest margin by which audio after the first arrived before the listener needed it. */
  private minSlackMs = Number.POSITIVE_INFINITY;
  private audioMs = 0;
  private error: RunMetrics["error"];
  private aborted = false;
  private cacheHits = 0;
  private cacheMisses = 0;
  private cacheUsed = false;

  /** `backend` is the id segments are credited to until their synthesis says otherwise. */
  constructor(private readonly labels: { mode: RunMetrics["mode"]; llm: string; tts: string }, private readonly backend: string) {}

  /** Milliseconds since the run started. */
  now(): number {
    return performance.now() - this.startedAt;
  }

  /** Takes in one event or trace event of the run. */
  observe(event: RunObservation): void {
    switch (event.type) {
      case "text-delta":
        return this.text(event.text.length, event.atMs);
      case "reasoning-delta":
        this.reasoningChars += event.chars;
        return;
      case "segment":
        return this.segmentCut(event.index, [...event.text].length, event.atMs);
      case "synthesis-start":
        return this.synthesisStarted(event.segmentIndex, event.backend, event.atMs);
      case "cache-lookup":
        return this.cacheLookup(event.segmentIndex, event.hit, event.backend);
      case "first-audio-produced": {
        const segment = this.segments.get(event.segmentIndex);
        if (segment && segment.firstAudioMs === null) segment.firstAudioMs = event.atMs;
        return;
      }
      case "synthesis-end":
        return this.synthesisEnded(event.segmentIndex, event.audioMs, event.atMs);
      case "playout-held":
        this.playoutLeadMs = event.ms;
        return;
      case "audio":
        return this.audioDelivered((event.pcm.length / event.channels / event.sampleRate) * 1000, event.atMs);
      case "segment-end":
        // Past the detail limit a delivered segment's timings are dropped (the totals keep them).
        if (event.segmentIndex >= SEGMENT_DETAIL_LIMIT) this.segments.delete(event.segmentIndex);
        return;
      case "error":
        this.error ??= { stage: event.stage, code: event.code, message: event.message };
        return;
      case "run-stopped":
        this.aborted = true;
        return;
      case "finish":
        return;
    }
  }

  private text(chars: number, at: number): void {
    this.ttftMs ??= at;
    this.lastTokenMs = at;
    this.chars += chars;
  }

  private segmentCut(index: number, chars: number, at: number): void {
    this.firstSegmentMs ??= at;
    this.segmentCount++;
    this.segments.set(index, { index, chars, backend: this.backend, cutAtMs: at, synthesisStartMs: at, firstAudioMs: null, synthesisMs: 0, audioMs: 0, realTimeFactor: null, cached: false });
  }

  private synthesisStarted(index: number, backend: string, at: number): void {
    const segment = this.segments.get(index);
    if (segment) {
      segment.synthesisStartMs = at;
      segment.backend = backend;
    }
  }

  private synthesisEnded(index: number, audioMs: number, at: number): void {
    const segment = this.segments.get(index);
    if (!segment) return;
    segment.synthesisMs = at - segment.synthesisStartMs;
    segment.audioMs = audioMs;
    if (audioMs > 0) {
      this.synthesisTotalMs += segment.synthesisMs;
      this.synthesizedAudioMs += audioMs;
    }
    segment.realTimeFactor = audioMs > 0 ? segment.synthesisMs / audioMs : null;
  }

  /** Audio was delivered to the consumer: advances the virtual listener and counts gaps. */
  private audioDelivered(durationMs: number, at: number): void {
    if (this.ttfaMs === null) {
      this.ttfaMs = at;
      this.playheadMs = at;
    } else if (at > this.playheadMs + 0.5) {
      this.gapMs += at - this.playheadMs;
      this.gaps++;
      this.playheadMs = at;
    } else {
      this.minSlackMs = Math.min(this.minSlackMs, Math.max(0, this.playheadMs - at));
    }
    this.playheadMs += durationMs;
    this.audioMs += durationMs;
  }

  /** See RunMetrics.requiredLeadMs. */
  requiredLeadMs(): number {
    if (this.gapMs > 0) return this.playoutLeadMs + this.gapMs;
    return Number.isFinite(this.minSlackMs) ? Math.max(0, this.playoutLeadMs - this.minSlackMs) : 0;
  }

  /** Audio produced but not yet heard by the virtual listener, in ms. */
  bufferedAudioMs(): number {
    return this.ttfaMs === null ? 0 : Math.max(0, this.playheadMs - this.now());
  }

  llmCharsPerSecond(): number | null {
    if (this.ttftMs === null || this.lastTokenMs === null || this.lastTokenMs - this.ttftMs < 50) return null;
    return (this.chars / (this.lastTokenMs - this.ttftMs)) * 1000;
  }

  ttsRealTimeFactor(): number | null {
    return this.synthesizedAudioMs > 0 ? this.synthesisTotalMs / this.synthesizedAudioMs : null;
  }

  /** One segment's timings, while it is kept. */
  segment(index: number): SegmentMetrics | undefined {
    return this.segments.get(index);
  }

  private cacheLookup(index: number, hit: boolean, backend: string): void {
    this.cacheUsed = true;
    if (hit) this.cacheHits++;
    else this.cacheMisses++;
    const segment = this.segments.get(index);
    if (segment) {
      segment.cached = hit;
      if (hit) segment.backend = `${backend} (cache)`;
    }
  }

  snapshot(): RunMetrics {
    const segments = [...this.segments.values()].sort((a, b) => a.index - b.index);
    return {
      ...this.labels,
      ttftMs: this.ttftMs,
      firstSegmentMs: this.firstSegmentMs,
      ttfaMs: this.ttfaMs,
      playoutLeadMs: this.playoutLeadMs,
      requiredLeadMs: this.requiredLeadMs(),
      totalMs: this.now(),
      chars: this.chars,
      reasoningChars: this.reasoningChars,
      segmentCount: this.segmentCount,
      segments,
      audioMs: this.audioMs,
      gapMs: this.gapMs,
      gaps: this.gaps,
      realTimeFactor: this.ttsRealTimeFactor(),
      llmCharsPerSecond: this.llmCharsPerSecond(),
      cache: {
        hits: this.cacheHits,
        misses: this.cacheMisses,
        hitRate: this.cacheUsed && this.cacheHits + this.cacheMisses > 0 ? this.cacheHits / (this.cacheHits + this.cacheMisses) : null,
      },
      ...(this.error ? { error: this.error } : {}),
      aborted: this.aborted,
    };
  }
}
