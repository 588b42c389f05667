import type { Stage } from "../errors/voxpipe-error.js";
import type { RunMetrics } from "../metrics/run-metrics.js";
import type { SpokenWordTiming } from "../normalize/word-alignment.js";

/**
 * What a pipeline run yields, in order. A run is any number of `text-delta`,
 * `segment`, `audio` and `segment-end` events, then at most one `error`, then
 * exactly one `finish` — unless the caller aborts, which ends the run at once
 * with no further events. `atMs` is milliseconds since the run started.
 */
export type PipelineEvent =
  /** Reply text as the LLM produced it (before markup stripping). */
  | { type: "text-delta"; text: string; atMs: number }
  /**
   * A speakable segment was cut and sent to TTS. `isFinal` marks the reply's
   * last segment when that is known as it is cut (it was cut after the LLM
   * finished — the usual case, since a segment waits for the next sentence to
   * begin). A reply ending in a line break cuts its last segment before the LLM
   * finishes, so it is not flagged; `finish.metrics.segmentCount` always tells
   * the last index. (Segments are never held back just to know this.)
   */
  | {
      type: "segment";
      index: number;
      /** The segment as written (for captions and transcripts). */
      text: string;
      /** What the TTS is asked to say: `text` normalized (numbers, dates, units… as words; the lexicon applied). */
      spoken: string;
      isFinal: boolean;
      atMs: number;
    }
  /** A piece of audio of one segment, in playback order. */
  | {
      type: "audio";
      segmentIndex: number;
      /** 0-based within the segment. */
      fragmentIndex: number;
      /** PCM floats in [-1, 1], interleaved. */
      pcm: Float32Array;
      sampleRate: number;
      channels: number;
      /** Word timings within this fragment, when the engine gave them (ms from the segment's start), each with the written word it speaks where found. */
      words?: SpokenWordTiming[];
      atMs: number;
    }
  /**
   * All audio of a segment has been delivered. `audioMs` is the audio delivered for it, the pause shaped at its
   * join included (see `PipelineOptions.pauses`); with `pauses: false`, exactly what the TTS produced.
   */
  | { type: "segment-end"; segmentIndex: number; synthesisMs: number; audioMs: number; backend: string; atMs: number }
  /** The run failed. Everything delivered before stays valid; `finish` follows. */
  | { type: "error"; stage: Stage; code: string; message: string; retryable: boolean; atMs: number }
  /** The run ended (normally or after an error); the metrics of the whole run. */
  | { type: "finish"; metrics: RunMetrics; atMs: number };

export type PipelineEventType = PipelineEvent["type"];
