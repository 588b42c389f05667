import type { VoxpipeError } from "../errors/voxpipe-error.js";
import type { TtsProvider } from "./tts-provider.js";

/**
 * What a TTS wrapper tells the caller about how it served one request, through
 * `TtsRequest.onReport`. Wrappers that choose a backend (failover) or skip it
 * (cache) report; plain adapters need not. The pipeline turns reports into
 * its metrics: which backend spoke a segment and whether it came from the cache.
 */
export type TtsReport =
  /** Synthesis started on `backend`. A failover reports every backend it tries, in order. */
  | { type: "attempt"; backend: TtsProvider }
  /** `backend` failed (`error`) and the request goes on with `next`; nothing of the failed attempt was yielded. */
  | { type: "failover"; backend: TtsProvider; next: TtsProvider; error: VoxpipeError }
  /**
   * The audio cache was asked for the text as `backend` speaks it. On a hit the
   * audio comes from the cache, and no `attempt` follows.
   */
  | { type: "cache-lookup"; hit: boolean; backend: TtsProvider };
