/** Timings of one segment. All times in ms from the start of the run. */
export interface SegmentMetrics {
  index: number;
  /** Characters (code points) spoken. */
  chars: number;
  /** The TTS backend that spoke it. */
  backend: string;
  /** When it was cut by the segmenter. */
  cutAtMs: number;
  /** When synthesis started. */
  synthesisStartMs: number;
  /** When its first audio was produced. */
  firstAudioMs: number | null;
  /** Synthesis wall time, from start to last chunk. */
  synthesisMs: number;
  /** Duration of its audio. */
  audioMs: number;
  /** synthesisMs / audioMs; below 1 is faster than real time. */
  realTimeFactor: number | null;
  /** True when the audio came from the audio cache. */
  cached: boolean;
}

/** The metrics of one pipeline run, in ms from its start. Fields are null when the event never happened. */
export interface RunMetrics {
  mode: "streaming" | "whole";
  llm: string;
  tts: string;
  /** Time to the first text token. */
  ttftMs: number | null;
  /** Time to the first segment cut. */
  firstSegmentMs: number | null;
  /** Time to the first audio, including `playoutLeadMs`. */
  ttfaMs: number | null;
  /** How long the first audio was held so the rest plays without gaps (see PlayoutLead). */
  playoutLeadMs: number;
  /**
   * The lead that would have made this run gapless: `playoutLeadMs + gapMs`
   * when it had gaps, else `playoutLeadMs` minus the smallest margin by which
   * later audio arrived before it was due (never below 0).
   */
  requiredLeadMs: number;
  /** Time until the run ended. */
  totalMs: number;
  /** Reply text characters received. */
  chars: number;
  /** Reasoning characters received (never spoken). */
  reasoningChars: number;
  /** Segments cut in the run. */
  segmentCount: number;
  /**
   * Per-segment timings, in order. Complete for runs of up to 1,000 segments;
   * beyond that only the first 1,000 are kept, so a very long run's memory stays bounded.
   */
  segments: SegmentMetrics[];
  /** Total audio produced. */
  audioMs: number;
  /** Time a listener who starts at the first audio would wait for audio not yet produced. */
  gapMs: number;
  /** Number of separate waits behind `gapMs`. */
  gaps: number;
  /** Total synthesis time / total audio time. */
  realTimeFactor: number | null;
  /** LLM characters per second from the first token to the last. */
  llmCharsPerSecond: number | null;
  /** Audio cache lookups in this run (both 0 when the cache is off). */
  cache: { hits: number; misses: number; hitRate: number | null };
  /** The failure that ended the run, if any. */
  error?: { stage: string; code: string; message: string };
  /** True when the caller aborted the run. */
  aborted: boolean;
}
