import { isNewline, isSpace } from "./char-classes.js";
import type { TextSink } from "./text-sink.js";

/** Skipping indentation and `>` at the start of a line. */
const LINE_START = 0;
/** Holding marker characters (`#`, `-`, `*`, `_`, `+`, backticks, `~`) until their meaning is clear. */
const PREFIX = 1;
/** Ordinary line content, passed to the inline stage. */
const INLINE = 2;
/** The rest of an opening fence line (info string): dropped. */
const FENCE_INFO = 3;
/** Start of a line inside a fenced block: looking for the closing fence. */
const CODE_LINE_START = 4;
/** Counting a possible closing fence. */
const CODE_FENCE = 5;
/** Code content: dropped up to the newline. */
const CODE_LINE = 6;
/** A line being dropped (an over-long horizontal rule). */
const DROP_LINE = 7;

const BACKTICK = 96;
const TILDE = 126;
const HASH = 35;
const PLUS = 43;
const UNDERSCORE = 95;
const EQUALS = 61;
const GREATER_THAN = 62;
/** A line start made only of rule characters longer than this is dropped without looking further. */
const PREFIX_LIMIT = 80;

/**
 * Block-level markdown at line starts: fenced code blocks are dropped
 * entirely (an unclosed one drops everything after it), horizontal rules are
 * dropped, heading `#`s, blockquote `>` and bullet markers (`-` `*` `+`, also
 * indented) are removed. Numbered list markers stay. Every newline outside a
 * code block becomes a hard break for the next stage. A line holding only
 * markers (`---`, `* * *`, a setext `===` underline, a bare `-`) is dropped.
 */
export class BlockMarkup implements TextSink {
  #mode = LINE_START;
  #prefix = "";
  #fenceChar = 0;
  #fenceLength = 0;
  #fenceCounting = false;
  #closeLength = 0;
  #closeTrailing = false;

  constructor(private readonly next: TextSink) {}

  char(ch: string, code: number): void {
    if (this.#mode === INLINE) {
      if (isNewline(code)) this.#newline();
      else this.next.char(ch, code);
      return;
    }
    if (isNewline(code)) {
      this.#newline();
      return;
    }
    switch (this.#mode) {
      case LINE_START:
        this.#lineStart(ch, code);
        return;
      case PREFIX:
        this.#prefixChar(ch, code);
        return;
      case FENCE_INFO:
        if (this.#fenceCounting && code === this.#fenceChar) this.#fenceLength++;
        else this.#fenceCounting = false;
        return;
      case CODE_LINE_START:
        if (isSpace(code)) return;
        if (code === this.#fenceChar) {
          this.#mode = CODE_FENCE;
          this.#closeLength = 1;
          this.#closeTrailing = false;
        } else {
          this.#mode = CODE_LINE;
        }
        return;
      case CODE_FENCE:
        if (code === this.#fenceChar && !this.#closeTrailing) this.#closeLength++;
        else if (isSpace(code) && this.#closeLength >= this.#fenceLength) this.#closeTrailing = true;
        else this.#mode = CODE_LINE;
        return;
      default:
        return; // CODE_LINE, DROP_LINE
    }
  }

  hardBreak(): void {
    this.#mode = LINE_START;
    this.#prefix = "";
    this.next.hardBreak();
  }

  end(): void {
    this.#prefix = "";
    this.#mode = LINE_START;
    this.next.end();
  }

  #newline(): void {
    switch (this.#mode) {
      case FENCE_INFO:
      case CODE_LINE_START:
      case CODE_LINE:
        this.#mode = CODE_LINE_START;
        return;
      case CODE_FENCE:
        this.#mode = this.#closeLength >= this.#fenceLength ? LINE_START : CODE_LINE_START;
        return;
      default:
        // A line that held only markers (`---`, `* * *`, `#`, `- `) says nothing: it is dropped.
        this.#prefix = "";
        this.#mode = LINE_START;
        this.next.char("\n", 10);
    }
  }

  #lineStart(ch: string, code: number): void {
    if (isSpace(code) || code === GREATER_THAN) return;
    if (code === BACKTICK || code === TILDE || code === HASH || code === PLUS || code === 45 || code === 42 || code === UNDERSCORE || code === EQUALS) {
      this.#prefix = ch;
      this.#mode = PREFIX;
      return;
    }
    this.#mode = INLINE;
    this.next.char(ch, code);
  }

  #prefixChar(ch: string, code: number): void {
    const prefix = this.#prefix;
    const first = prefix.charCodeAt(0);
    if (first === BACKTICK || first === TILDE) {
      if (code !== first) return this.#flushPrefix(ch, code);
      if (prefix.length < 2) {
        this.#prefix += ch;
        return;
      }
      this.#prefix = "";
      this.#fenceChar = first;
      this.#fenceLength = 3;
      this.#fenceCounting = true;
      this.#mode = FENCE_INFO;
      return;
    }
    if (first === HASH) {
      if (code === HASH && prefix.length < 7) {
        this.#prefix += ch;
        return;
      }
      if (isSpace(code) && prefix.length <= 6) {
        this.#prefix = "";
        this.#mode = LINE_START;
        return;
      }
      return this.#flushPrefix(ch, code);
    }
    if (first === PLUS) {
      if (isSpace(code)) {
        this.#prefix = "";
        this.#mode = LINE_START;
        return;
      }
      return this.#flushPrefix(ch, code);
    }
    // `-`, `*`, `_` or `=`: a rule (or setext underline), a bullet, emphasis or plain text.
    if (code === first || isSpace(code)) {
      this.#prefix += ch;
      if (this.#prefix.length > PREFIX_LIMIT) this.#mode = DROP_LINE;
      return;
    }
    if (first !== UNDERSCORE && first !== EQUALS && isSpace(prefix.charCodeAt(1))) {
      // A bullet: drop the marker and look at the rest of the line start again.
      this.#prefix = "";
      this.#mode = LINE_START;
      for (let i = 1; i < prefix.length; i++) this.char(prefix[i] as string, prefix.charCodeAt(i));
      this.char(ch, code);
      return;
    }
    this.#flushPrefix(ch, code);
  }

  #flushPrefix(ch: string, code: number): void {
    const prefix = this.#prefix;
    this.#prefix = "";
    this.#mode = INLINE;
    for (let i = 0; i < prefix.length; i++) this.next.char(prefix[i] as string, prefix.charCodeAt(i));
    this.next.char(ch, code);
  }
}
