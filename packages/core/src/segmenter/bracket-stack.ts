import { isSpace } from "./char-classes.js";

const STRAIGHT_QUOTE = 34;
/** Nesting deeper than this is not tracked (the text is not prose any more). */
const MAX_DEPTH = 16;

/** Opening bracket or curly quote → the character that closes it. Single quotes are not tracked: `’` is also an apostrophe. */
const CLOSER_OF = new Map<number, number>([
  [40, 41], // ( )
  [91, 93], // [ ]
  [123, 125], // { }
  [0x201c, 0x201d], // “ ”
  [0x201e, 0x201c], // „ “
  [0xab, 0xbb], // « »
  [0x300c, 0x300d], // 「 」
  [0x300e, 0x300f], // 『 』
  [0xff08, 0xff09], // （ ）
  [0x3010, 0x3011], // 【 】
  [0x300a, 0x300b], // 《 》
  [0x3008, 0x3009], // 〈 〉
  [0x3014, 0x3015], // 〔 〕
  [0xff3b, 0xff3d], // ［ ］
  [0xff5b, 0xff5d], // ｛ ｝
  [0xff62, 0xff63], // ｢ ｣
]);
const CLOSERS = new Set(CLOSER_OF.values());

/**
 * Tracks open parentheticals and quotations within a block, so punctuation
 * inside them does not end the sentence. A straight `"` opens after a space or
 * an opener and closes an open one; after a digit (`12"`) it is an inch mark.
 * A bracket left open for longer than `expireAfter` code points is forgotten
 * (an emoticon `:(` must not block sentence ends for the rest of a paragraph).
 */
export class BracketStack {
  readonly #expected: number[] = [];
  #openedAt = 0;

  constructor(private readonly expireAfter: number) {}

  /** True when `code` may open or close something tracked here (a cheap pre-check for `update`). */
  static affects(code: number): boolean {
    if (code < 128) return code === 34 || code === 40 || code === 41 || code === 91 || code === 93 || code === 123 || code === 125;
    return CLOSER_OF.has(code) || CLOSERS.has(code);
  }

  /** True while inside a parenthetical or quotation at absolute code point `position`. */
  isOpenAt(position: number): boolean {
    const expected = this.#expected;
    if (expected.length > 0 && position - this.#openedAt > this.expireAfter) expected.length = 0;
    return expected.length > 0;
  }

  /** True when `code` would close something open (`“` closes `„`, though it usually opens). */
  closes(code: number): boolean {
    return this.#expected.includes(code);
  }

  /** Updates nesting for `code`, appended at absolute code point `position` after `previous` (0 at block start). */
  update(code: number, previous: number, position: number): void {
    const expected = this.#expected;
    if (expected.length > 0 && position - this.#openedAt > this.expireAfter) expected.length = 0;
    if (code === STRAIGHT_QUOTE) {
      if (expected.includes(STRAIGHT_QUOTE)) this.#closeThrough(STRAIGHT_QUOTE);
      else if (previous === 0 || isSpace(previous) || CLOSER_OF.has(previous)) this.#push(STRAIGHT_QUOTE, position);
      return;
    }
    if (CLOSERS.has(code) && expected.includes(code)) {
      this.#closeThrough(code);
      return;
    }
    const closer = CLOSER_OF.get(code);
    if (closer !== undefined) this.#push(closer, position);
  }

  clear(): void {
    this.#expected.length = 0;
  }

  #push(closer: number, position: number): void {
    if (this.#expected.length === 0) this.#openedAt = position;
    if (this.#expected.length < MAX_DEPTH) this.#expected.push(closer);
  }

  #closeThrough(closer: number): void {
    const expected = this.#expected;
    const at = expected.lastIndexOf(closer);
    expected.length = at;
  }
}
