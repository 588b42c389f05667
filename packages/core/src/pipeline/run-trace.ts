import type { PipelineEvent } from "./pipeline-event.js";

/**
 * What happens inside a run that its consumer does not see: the facts the
 * metrics need beyond the pipeline's events. `atMs` is ms since the run started.
 */
export type RunTraceEvent =
  /** Reasoning text arrived (never spoken). */
  | { type: "reasoning-delta"; chars: number; atMs: number }
  /** A segment's synthesis started on `backend` (again, after a failover). */
  | { type: "synthesis-start"; segmentIndex: number; backend: string; atMs: number }
  /** The audio cache was asked for a segment; `backend` is whose audio it would be. */
  | { type: "cache-lookup"; segmentIndex: number; hit: boolean; backend: string; atMs: number }
  /** The TTS produced a segment's first audio (not yet delivered). */
  | { type: "first-audio-produced"; segmentIndex: number; atMs: number }
  /** A segment's synthesis ended with `audioMs` of audio (0 when it failed). */
  | { type: "synthesis-end"; segmentIndex: number; audioMs: number; atMs: number }
  /** The run's first audio was held `ms` (the playout lead). */
  | { type: "playout-held"; ms: number; atMs: number }
  /** The caller or consumer stopped the run. */
  | { type: "run-stopped"; atMs: number };

/** Everything a run's observers (the metrics) see: its events and its trace, in order. */
export type RunObservation = PipelineEvent | RunTraceEvent;
