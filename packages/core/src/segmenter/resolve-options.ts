import { VoxpipeError } from "../errors/voxpipe-error.js";
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

/** Default `minLength` (code points). */
export const DEFAULT_MIN_LENGTH = 20;
/** Default `maxLength` (code points). */
export const DEFAULT_MAX_LENGTH = 100;
/** Default `firstMinLength` (code points). */
export const DEFAULT_FIRST_MIN_LENGTH = 10;
const HARD_LIMIT_FACTOR = 8;

function invalid(message: string): VoxpipeError {
  return new VoxpipeError({ code: "invalid-segmenter-options", stage: "segmenter", message });
}

function checkLength(key: string, value: number | undefined, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < least) {
    throw invalid(`Segmenter option \`${key}\` must be an integer of at least ${least} (code points); got ${String(value)}.`);
  }
  return value;
}

/** Applies defaults and rejects impossible values with a message naming the option. */
export function resolveSegmenterOptions(options: SegmenterOptions = {}): ResolvedSegmenterOptions {
  const minLength = checkLength("minLength", options.minLength, DEFAULT_MIN_LENGTH, 0);
  const maxLength = checkLength("maxLength", options.maxLength, Math.max(DEFAULT_MAX_LENGTH, minLength), 1);
  if (minLength > maxLength) {
    throw invalid(`Segmenter option \`minLength\` (${minLength}) must not exceed \`maxLength\` (${maxLength}); lower minLength or raise maxLength.`);
  }
  const firstMinLength = checkLength("firstMinLength", options.firstMinLength, Math.min(DEFAULT_FIRST_MIN_LENGTH, maxLength), 0);
  if (firstMinLength > maxLength) {
    throw invalid(`Segmenter option \`firstMinLength\` (${firstMinLength}) must not exceed \`maxLength\` (${maxLength}).`);
  }
  return {
    minLength,
    maxLength,
    eagerFirstSegment: options.eagerFirstSegment === true,
    firstMinLength,
    adaptive: options.adaptive === true,
    hardLimit: maxLength * HARD_LIMIT_FACTOR,
  };
}
