import { z } from "zod";

/** Default `minLength` (code points). */
export const DEFAULT_MIN_LENGTH = 20;
/** Default `maxLength` (code points). */
export const DEFAULT_MAX_LENGTH = 100;
/** Default `firstMinLength` (code points), lowered to `maxLength` when that is smaller. */
export const DEFAULT_FIRST_MIN_LENGTH = 10;
/** Largest `minLength` and `firstMinLength` accepted: a segment that must hold more than this is never useful to a TTS. */
export const MAX_MERGE_LENGTH = 10_000;

/**
 * The segmenter's options, one field each, with their defaults: the one
 * source of every default, used by `createSegmenter`, the config's
 * `segmenter` key and the CLI's `segment` command.
 */
export const segmenterOptionsShape = {
  minLength: z
    .number()
    .min(0)
    .max(MAX_MERGE_LENGTH)
    .int()
    .default(DEFAULT_MIN_LENGTH)
    .describe("Shorter pieces merge forward into the next one, and cuts leave at least this much on both sides (code points). Env: TTS_MIN_SEGMENT_LENGTH."),
  maxLength: z
    .number()
    .int()
    .min(1)
    .default(DEFAULT_MAX_LENGTH)
    .describe("Longer sentences are cut at the best allowed point; a single longer token (a URL) stays whole (code points). Env: TTS_MAX_SEGMENT_LENGTH."),
  eagerFirstSegment: z
    .boolean()
    .default(true)
    .describe("Let the first segment end at a clause boundary (, ; : or a spaced dash) once it holds firstMinLength, so the first sound starts sooner."),
  firstMinLength: z
    .number()
    .min(0)
    .max(MAX_MERGE_LENGTH)
    .int()
    .optional()
    .describe(`Minimum length of an eager first segment (also the first segment's merge threshold). Default ${DEFAULT_FIRST_MIN_LENGTH}, or maxLength if smaller.`),
  adaptive: z
    .boolean()
    .default(true)
    .describe("Grow segments (up to maxLength) once audio is buffered ahead, from measured LLM and TTS rates; static rules until the rates are known."),
};

type ShapeOutput = { minLength: number; maxLength: number; firstMinLength?: number | undefined };

/** The cross-field rules: `minLength` and `firstMinLength` must not exceed `maxLength`. Issues name both keys. */
export function checkSegmentLengths(options: ShapeOutput, context: z.core.$RefinementCtx<ShapeOutput>): void {
  const { minLength, maxLength, firstMinLength } = options;
  // A length already wrong on its own is reported once, by its own rule.
  if (!Number.isSafeInteger(maxLength) || maxLength < 1) return;
  if (Number.isSafeInteger(minLength) && minLength >= 0 && minLength > maxLength) {
    context.addIssue({
      code: "custom",
      path: ["maxLength"],
      params: { keys: ["minLength", "maxLength"] },
      message: `maxLength (${maxLength}) is below minLength (${minLength}); give a maxLength of at least ${minLength}, or lower minLength to ${maxLength} or less`,
    });
  }
  if (firstMinLength !== undefined && Number.isSafeInteger(firstMinLength) && firstMinLength > maxLength) {
    context.addIssue({
      code: "custom",
      path: ["firstMinLength"],
      params: { keys: ["firstMinLength", "maxLength"] },
      message: `firstMinLength (${firstMinLength}) must not exceed maxLength (${maxLength})`,
    });
  }
}

/** Segmenter options as `createSegmenter` takes them: unknown keys are ignored (TypeScript catches them), defaults filled. */
export const segmenterOptionsSchema = z.object(segmenterOptionsShape).superRefine(checkSegmentLengths);
