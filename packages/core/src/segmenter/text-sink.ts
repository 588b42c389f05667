/**
 * One stage of the segmenter's character pipeline (think filter → block
 * markup → inline markup → sentence builder). Each stage receives code points
 * one at a time, decides with a bounded lookahead, and passes what survives on.
 */
export interface TextSink {
  /** One code point: `ch` is its string (1 or 2 UTF-16 units), `code` its value. */
  char(ch: string, code: number): void;
  /** A hard break that also resets markup state (edges of a `<think>` block). */
  hardBreak(): void;
  /** End of input: flush whatever is held back. */
  end(): void;
}
