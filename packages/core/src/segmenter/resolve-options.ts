import { formatIssues } from "../config/format-issues.js";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { memoizeByJson } from "../util/parse-memo.js";
import { DEFAULT_FIRST_MIN_LENGTH, segmenterOptionsSchema } from "./segmenter-options-schema.js";
import type { SegmenterOptions } from "./segmenter-options.js";

/** Segmenter options with defaults applied and checked. */
export interface ResolvedSegmenterOptions {
  minLength: number;
  maxLength: number;
  eagerFirstSegment: boolean;
  firstMinLength: number;
  adaptive: boolean;
  /** Content this long is cut even inside a token (memory safety valve): 8 × `maxLength`. */
  hardLimit: number;
}

const HARD_LIMIT_FACTOR = 8;

/**
 * Applies the defaults of `segmenterOptionsSchema` (the same the config uses)
 * and rejects impossible values with a message naming each option, what it
 * expects and what it got.
 *
 * @throws VoxpipeError (`invalid-segmenter-options`).
 */
export function resolveSegmenterOptions(options: SegmenterOptions = {}): ResolvedSegmenterOptions {
  return resolveRemembered(options);
}

// Every run checks the same few option objects: the result is remembered (a segmenter only reads it).
const resolveRemembered = memoizeByJson((options: SegmenterOptions): ResolvedSegmenterOptions => {
  const parsed = segmenterOptionsSchema.safeParse(options, { reportInput: true });
  if (!parsed.success) {
    const issues = formatIssues(parsed.error.issues);
    throw new VoxpipeError({ code: "invalid-segmenter-options", stage: "segmenter", message: `Invalid segmenter options: ${issues.join("; ")}.` });
  }
  const { minLength, maxLength, eagerFirstSegment, adaptive } = parsed.data;
  return Object.freeze({
    minLength,
    maxLength,
    eagerFirstSegment,
    firstMinLength: parsed.data.firstMinLength ?? Math.min(DEFAULT_FIRST_MIN_LENGTH, maxLength),
    adaptive,
    hardLimit: maxLength * HARD_LIMIT_FACTOR,
  });
});
