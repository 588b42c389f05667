import type { SegmenterOptions } from "../segmenter-options.js";

/** One corpus case: the input, the segments it must produce, and the options (defaults when absent). */
export interface CorpusCase {
  /** Which table the case came from (for test names). */
  group: string;
  input: string;
  expected: string[];
  options?: SegmenterOptions;
}

/** A table row: `[input, expected]` or `[input, expected, options]`. */
export type CorpusRow = readonly [string, readonly string[], SegmenterOptions?];

/** Every sentence on its own: `minLength: 1` disables merging, so boundaries show directly. */
export const SPLIT: SegmenterOptions = { minLength: 1 };

/** Turns a table into cases, applying `options` where a row has none. */
export function table(group: string, rows: readonly CorpusRow[], options?: SegmenterOptions): CorpusCase[] {
  return rows.map(([input, expected, rowOptions]) => {
    const chosen = rowOptions ?? options;
    return { group, input, expected: [...expected], ...(chosen === undefined ? {} : { options: chosen }) };
  });
}
