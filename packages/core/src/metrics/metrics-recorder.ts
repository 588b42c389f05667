import type { RunMetrics, SegmentMetrics } from "./run-metrics.js";

/** Segments whose timings are kept in full; later ones only count in the totals. */
export const SEGMENT_DETAIL_LIMIT = 1000;

/** Collects a run's timings as events happen; `snapshot()` gives the RunMetrics. */
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

  constructor(private readonly labels: { mode: RunMetrics["mode"]; llm: string; tts: string }) {}

  /** Milliseconds since the run started. */
  now(): number {
    return performance.now() - this.startedAt;
  }

  text(chars: number): void {
    const at = this.now();
    this.ttftMs ??= at;
    this.lastTokenMs = at;
    this.chars += chars;
  }

  reasoning(chars: number): void {
    this.reasoningChars += chars;
  }

  segmentCut(index: number, chars: number, backend: string): void {
    const at = this.now();
    this.firstSegmentMs ??= at;
    this.segmentCount++;
    this.segments.set(index, { index, chars, backend, cutAtMs: at, synthesisStartMs: at, firstAudioMs: null, synthesisMs: 0, audioMs: 0, realTimeFactor: null, cached: false });
  }

  synthesisStarted(index: number, backend: string): void {
    const segment = this.segments.get(index);
    if (segment) {
      segment.synthesisStartMs = this.now();
      segment.backend = backend;
    }
  }

  /** A chunk of audio was produced by the TTS (not yet delivered). */
  audioProduced(index: number): void {
    const segment = this.segments.get(index);
    if (segment && segment.firstAudioMs === null) segment.firstAudioMs = this.now();
  }

  synthesisEnded(index: number, audioMs: number): void {
    const segment = this.segments.get(index);
    if (!segment) return;
    segment.synthesisMs = this.now() - segment.synthesisStartMs;
    segment.audioMs = audioMs;
    if (audioMs > 0) {
      this.synthesisTotalMs += segment.synthesisMs;
      this.synthesizedAudioMs += audioMs;
    }
    segment.realTimeFactor = audioMs > 0 ? segment.synthesisMs / audioMs : null;
  }

  /** Audio was delivered to the consumer: advances the virtual listener and counts gaps. */
  audioDelivered(durationMs: number): void {
    const at = this.now();
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

  /** The first audio was held back by `ms` (the playout lead). */
  playoutHeld(ms: number): void {
    this.playoutLeadMs = ms;
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

  /** A segment was delivered: past the detail limit its timings are dropped (the totals keep them). */
  segmentDelivered(index: number): void {
    if (index >= SEGMENT_DETAIL_LIMIT) this.segments.delete(index);
  }

  cacheLookup(index: number, hit: boolean): void {
    this.cacheUsed = true;
    if (hit) this.cacheHits++;
    else this.cacheMisses++;
    const segment = this.segments.get(index);
    if (segment) segment.cached = hit;
  }

  failed(error: { stage: string; code: string; message: string }): void {
    this.error ??= error;
  }

  markAborted(): void {
    this.aborted = true;
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
