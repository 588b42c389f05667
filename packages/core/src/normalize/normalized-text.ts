import type { NormalizeCategory } from "./normalize-category.js";

/** A stretch of written text that was rewritten, and where its spoken form is. Offsets are UTF-16 indexes, end exclusive. */
export interface RewrittenSpan {
  /** What rewrote it: a category's rule, or the lexicon. */
  readonly by: NormalizeCategory | "lexicon";
  readonly writtenStart: number;
  readonly writtenEnd: number;
  readonly spokenStart: number;
  readonly spokenEnd: number;
}

/** A segment's written text, what the TTS is asked to say, and how the two line up. */
export interface NormalizedText {
  /** The text as the LLM wrote it (for captions and transcripts). */
  readonly written: string;
  /** The text sent to the TTS. Equal to `written` when nothing needed rewriting. */
  readonly spoken: string;
  /** Every rewritten stretch, in order; text between them is the same in both. */
  readonly spans: readonly RewrittenSpan[];
}
