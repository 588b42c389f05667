import type { SegmenterRates } from "./segmenter-options.js";

/** Speaking rate assumed for TTS audio, in characters per second (about 150 words a minute). */
export const SPEECH_CHARS_PER_SECOND = 15;
/** Share of the buffered audio a segment may spend before it must be ready. */
export const BUFFER_SAFETY = 0.5;

/**
 * Adaptive sizing: how long a segment should be, given how much audio is
 * already buffered ahead of the listener.
 *
 * A segment of `n` characters is ready after the LLM has written it
 * (`n / llmCharsPerSecond` seconds) and the TTS has synthesized it
 * (`n / 15 × ttsRealTimeFactor` seconds). It must be ready before half of the
 * buffered audio has played, so
 *
 *     n = 0.5 × bufferedAudioMs / 1000 / (1 / llmCharsPerSecond + ttsRealTimeFactor / 15)
 *
 * and the merge threshold becomes `clamp(n, minLength, maxLength)`: small
 * segments first (nothing is buffered), larger ones as audio piles up, never
 * beyond `maxLength`. Until `bufferedAudioMs` is known the static `minLength`
 * applies; a missing LLM rate counts as the speaking rate and a missing
 * real-time factor as 1 (both conservative).
 */
export class AdaptivePolicy {
  #llmCharsPerSecond: number | undefined;
  #ttsRealTimeFactor: number | undefined;
  #bufferedAudioMs: number | undefined;
  #target: number;

  constructor(
    private readonly enabled: boolean,
    private readonly minLength: number,
    private readonly maxLength: number,
  ) {
    this.#target = minLength;
  }

  /** Takes newly measured rates; fields left out keep their last value, invalid numbers are ignored. */
  update(rates: SegmenterRates): void {
    if (isRate(rates.llmCharsPerSecond)) this.#llmCharsPerSecond = rates.llmCharsPerSecond;
    if (isRate(rates.ttsRealTimeFactor)) this.#ttsRealTimeFactor = rates.ttsRealTimeFactor;
    if (isRate(rates.bufferedAudioMs) || rates.bufferedAudioMs === 0) this.#bufferedAudioMs = rates.bufferedAudioMs;
    this.#target = this.#compute();
  }

  /** The current merge threshold in code points. */
  targetLength(): number {
    return this.#target;
  }

  #compute(): number {
    if (!this.enabled || this.#bufferedAudioMs === undefined) return this.minLength;
    const llm = this.#llmCharsPerSecond ?? SPEECH_CHARS_PER_SECOND;
    const rtf = this.#ttsRealTimeFactor ?? 1;
    const secondsPerChar = 1 / llm + rtf / SPEECH_CHARS_PER_SECOND;
    const length = Math.floor((BUFFER_SAFETY * this.#bufferedAudioMs) / 1000 / secondsPerChar);
    return Math.min(this.maxLength, Math.max(this.minLength, length));
  }
}

function isRate(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0;
}
