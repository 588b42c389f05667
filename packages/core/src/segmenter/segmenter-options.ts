/** Measured rates the pipeline feeds into the segmenter's adaptive policy (see `adaptive-policy.ts`). */
export interface SegmenterRates {
  /** Reply characters the LLM produces per second (measured so far). */
  llmCharsPerSecond?: number;
  /** TTS synthesis time divided by audio duration (below 1 is faster than real time). */
  ttsRealTimeFactor?: number;
  /** Audio produced but not yet heard, in ms, when the rates were measured. */
  bufferedAudioMs?: number;
}

/** How the segmenter cuts text. Lengths are in Unicode code points. Defaults and checks: `segmenterOptionsSchema` (the config's too). */
export interface SegmenterOptions {
  /** Shorter pieces are merged forward into the next one within a block (and cuts leave at least this much on both sides). 0–10000, default 20. */
  minLength?: number;
  /** Longer sentences are cut at the best allowed point; a single longer token (a URL) stays whole. At least 1 and at least `minLength`; default 100. */
  maxLength?: number;
  /**
   * Let the first segment end at a clause boundary (`,` `;` `:`, `，、；：` or a spaced dash) once it holds
   * `firstMinLength`; and, while the rates fed in with `updateRates` say later text will arrive well ahead
   * of playback, earlier: at its first clause boundary or after a few words at a word safe to pause on
   * (see `first-segment-policy.ts`). Default true.
   */
  eagerFirstSegment?: boolean;
  /** Minimum length of an eager first segment (it is also the first segment's merge threshold). At most `maxLength`; default 10 (or `maxLength`, if smaller). */
  firstMinLength?: number;
  /**
   * Grow segments (up to `maxLength`) once audio is buffered ahead, from the rates fed in with
   * `updateRates`; static rules while `bufferedAudioMs` is unknown. Default true.
   */
  adaptive?: boolean;
}

/** An incremental, synchronous segmenter; the output does not depend on how the input is chunked. */
export interface Segmenter {
  /** Adds text; returns the segments that are now complete (often none). */
  push(text: string): import("./segment.js").Segment[];
  /** Ends the input; returns the remaining segments. Indexes continue if text is pushed afterwards. */
  end(): import("./segment.js").Segment[];
  /**
   * Feeds measured rates to the adaptive policy (ignored unless `adaptive`) and the first-segment
   * policy (ignored unless `eagerFirstSegment`). Fields left out keep their last value.
   */
  updateRates(rates: SegmenterRates): void;
}
