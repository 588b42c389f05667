import type { TtsReport } from "./tts-report.js";

/** What the pipeline asks a TTS backend to speak. */
export interface TtsRequest {
  /** Exactly the text to speak: one segment, already stripped of markup. */
  text: string;
  /** Voice name or id; the adapter's configured voice when omitted. */
  voice?: string;
  /** Speaking rate, 1 = normal, 2 = twice as fast. */
  speed?: number;
  /** Cancels synthesis; adapters stop work and close connections promptly. */
  signal?: AbortSignal;
  /**
   * Called by wrappers (failover, cache) with how they serve this request:
   * the backend each attempt goes to, a switch to a fallback, a cache hit or
   * miss. Adapters ignore it; a wrapper passes it on to what it wraps.
   */
  onReport?: (report: TtsReport) => void;
}
