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
}
