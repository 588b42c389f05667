/** Measured rates the pipeline feeds into the segmenter's adaptive policy. */
export interface SegmenterRates {
  /** Reply characters the LLM produces per second (measured so far). */
  llmCharsPerSecond?: number;
  /** TTS synthesis time divided by audio duration (below 1 is faster than real time). */
  ttsRealTimeFactor?: number;
  /** Audio produced but not yet heard, in ms, when the rates were measured. */
  bufferedAudioMs?: number;
}

/** How the segmenter cuts text. Lengths are in Unicode code points. */
export interface SegmenterOptions {
  /** Shorter pieces are merged forward into the next one. Default 20. */
  minLength?: number;
  /** Longer sentences are cut at the best allowed point. Default 100. */
  maxLength?: number;
  /** Let the first segment end at a clause boundary (`,` `;` `:` or a spaced dash) once it holds `firstMinLength`. Default false. */
  eagerFirstSegment?: boolean;
  /** Minimum length of an eager first segment. Default 10. */
  firstMinLength?: number;
  /** Grow segments (up to `maxLength`) once audio is buffered ahead, from the rates fed in with `updateRates`. Default false. */
  adaptive?: boolean;
}

/** An incremental, synchronous segmenter. */
export interface Segmenter {
  /** Adds text; returns the segments that are now complete. */
  push(text: string): import("./segment.js").Segment[];
  /** Ends the input; returns the remaining segments. */
  end(): import("./segment.js").Segment[];
  /** Feeds measured rates to the adaptive policy (ignored unless `adaptive`). */
  updateRates(rates: SegmenterRates): void;
}
