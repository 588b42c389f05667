import { SPEECH_CHARS_PER_SECOND } from "./adaptive-policy.js";
import type { SegmenterRates } from "./segmenter-options.js";

/** The LLM must write characters at least this many times faster than they are spoken. */
export const EARLY_LLM_SPEED_RATIO = 3;
/** The TTS must synthesize at this real-time factor or faster (below 1 is faster than real time). */
export const EARLY_MAX_REAL_TIME_FACTOR = 0.8;
/** An early first segment that ends at a word (not a clause mark) holds at least this many words. */
export const EARLY_MIN_WORDS = 3;

/**
 * Whether the first segment may end early, before `firstMinLength`: only when
 * the measured rates say the rest of the reply will arrive well ahead of
 * playback — the LLM writes at least 3 × 15 = 45 characters a second (3 times
 * the speaking rate) and the TTS runs at a real-time factor of 0.8 or less.
 * Then the first segment may end at its first clause mark, or after
 * {@link EARLY_MIN_WORDS} words at a word that is safe to pause on. With either
 * rate unknown, or slower, the usual rules apply.
 */
export class FirstSegmentPolicy {
  #llmCharsPerSecond: number | undefined;
  #ttsRealTimeFactor: number | undefined;
  #early = false;

  constructor(private readonly enabled: boolean) {}

  /** Takes newly measured rates; fields left out keep their last value, invalid numbers are ignored. */
  update(rates: SegmenterRates): void {
    if (isRate(rates.llmCharsPerSecond)) this.#llmCharsPerSecond = rates.llmCharsPerSecond;
    if (isRate(rates.ttsRealTimeFactor)) this.#ttsRealTimeFactor = rates.ttsRealTimeFactor;
    const llm = this.#llmCharsPerSecond;
    const rtf = this.#ttsRealTimeFactor;
    this.#early =
      this.enabled && llm !== undefined && rtf !== undefined && llm >= EARLY_LLM_SPEED_RATIO * SPEECH_CHARS_PER_SECOND && rtf <= EARLY_MAX_REAL_TIME_FACTOR;
  }

  /** True while the rates allow an early first segment. */
  early(): boolean {
    return this.#early;
  }
}

function isRate(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0;
}
