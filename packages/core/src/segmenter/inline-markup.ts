import { isAlphanumeric, isAsciiPunctuation, isDigit, isNewline, isSpace } from "./char-classes.js";
import type { TextSink } from "./text-sink.js";

const ASTERISK = 42;
const UNDERSCORE = 95;
const TILDE = 126;
const BACKTICK = 96;
const BACKSLASH = 92;
const BANG = 33;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
/** A link label longer than this is given up on and passed through as text. */
const LABEL_LIMIT = 300;

/**
 * Inline markdown within a line: bold, italic and strikethrough markers and
 * inline-code backticks are removed (their text kept); `[label](url)` and
 * `![alt](url)` become their label; `\*` escapes stay literal. Marker runs are
 * judged by what surrounds them (CommonMark's flanking idea), so `5 * 3`,
 * `snake_case` and a lone `~` stay verbatim. A newline passes on as a hard break.
 */
export class InlineMarkup implements TextSink {
  /** Last character passed on (a space at line start), for flanking tests. */
  #previous = 32;
  #runCode = 0;
  #runLength = 0;
  #runPrevious = 32;
  #inCode = false;
  #codeFence = 0;
  #escaped = false;
  #bang = false;
  /** The label of a possible link, already stripped of inline markup; null when not in one. */
  #label: string | null = null;
  #labelIsImage = false;
  #afterLabel = false;
  #urlDepth = 0;

  constructor(private readonly next: TextSink) {}

  char(ch: string, code: number): void {
    if (isNewline(code)) {
      this.hardBreak();
      return;
    }
    if (this.#urlDepth > 0) {
      if (code === OPEN_PAREN) this.#urlDepth++;
      else if (code === CLOSE_PAREN && --this.#urlDepth === 0) this.#finishLink();
      return;
    }
    if (this.#afterLabel) {
      this.#afterLabel = false;
      if (code === OPEN_PAREN) {
        this.#urlDepth = 1;
        return;
      }
      this.#releaseLabel(true);
    }
    if (this.#runLength > 0) {
      if (code === this.#runCode) {
        this.#runLength++;
        return;
      }
      this.#resolveRun(code);
    }
    if (this.#inCode) {
      if (code === BACKTICK) this.#startRun(code);
      else this.#out(ch, code);
      return;
    }
    if (this.#escaped) {
      this.#escaped = false;
      if (isAsciiPunctuation(code)) {
        this.#out(ch, code);
        return;
      }
      this.#out("\\", BACKSLASH);
    }
    if (this.#bang) {
      this.#bang = false;
      if (code === OPEN_BRACKET && this.#label === null) {
        this.#openLabel(true);
        return;
      }
      this.#out("!", BANG);
    }
    switch (code) {
      case BACKSLASH:
        this.#escaped = true;
        return;
      case ASTERISK:
      case UNDERSCORE:
      case TILDE:
      case BACKTICK:
        this.#startRun(code);
        return;
      case BANG:
        this.#bang = true;
        return;
      case OPEN_BRACKET:
        if (this.#label === null) {
          this.#openLabel(false);
          return;
        }
        break;
      case CLOSE_BRACKET:
        if (this.#label !== null) {
          this.#afterLabel = true;
          return;
        }
        break;
    }
    this.#out(ch, code);
  }

  /** Ends the line: releases anything held, forgets inline state, and passes the break on. */
  hardBreak(): void {
    this.#flushHeld();
    this.next.hardBreak();
  }

  end(): void {
    this.#flushHeld();
    this.next.end();
  }

  #flushHeld(): void {
    if (this.#urlDepth > 0) this.#finishLink();
    if (this.#runLength > 0) this.#resolveRun(10);
    if (this.#escaped) this.#out("\\", BACKSLASH);
    if (this.#bang) this.#out("!", BANG);
    if (this.#afterLabel) this.#releaseLabel(true);
    else if (this.#label !== null) this.#releaseLabel(false);
    this.#escaped = false;
    this.#bang = false;
    this.#afterLabel = false;
    this.#inCode = false;
    this.#previous = 32;
  }

  #startRun(code: number): void {
    this.#runCode = code;
    this.#runLength = 1;
    this.#runPrevious = this.#previous;
  }

  /** Decides whether a run of `*`, `_`, `~` or backticks is markup, now that the character after it is known. */
  #resolveRun(nextCode: number): void {
    const code = this.#runCode;
    const length = this.#runLength;
    const previous = this.#runPrevious;
    this.#runLength = 0;
    if (code === BACKTICK) {
      if (!this.#inCode) {
        this.#inCode = true;
        this.#codeFence = length;
        return;
      }
      if (length === this.#codeFence) {
        this.#inCode = false;
        return;
      }
    } else {
      const opens = !isSpace(nextCode) && !isNewline(nextCode);
      const closes = !isSpace(previous);
      let markup: boolean;
      if (code === ASTERISK) markup = (opens || closes) && !(isDigit(previous) && isDigit(nextCode));
      else if (code === UNDERSCORE) markup = (opens && !isAlphanumeric(previous)) || (closes && !isAlphanumeric(nextCode));
      else markup = length >= 2 && (opens || closes);
      if (markup) return;
    }
    const ch = String.fromCharCode(code);
    for (let i = 0; i < length; i++) this.#out(ch, code);
  }

  #openLabel(image: boolean): void {
    this.#label = "";
    this.#labelIsImage = image;
  }

  #finishLink(): void {
    this.#urlDepth = 0;
    const label = this.#label ?? "";
    this.#label = null;
    for (const c of label) this.#out(c, c.codePointAt(0) ?? 0);
  }

  /** Not a link after all: pass `[label]` (or `[label` if unclosed) on as text. */
  #releaseLabel(closed: boolean): void {
    const text = `${this.#labelIsImage ? "!" : ""}[${this.#label ?? ""}${closed ? "]" : ""}`;
    this.#label = null;
    for (const c of text) this.#out(c, c.codePointAt(0) ?? 0);
  }

  #out(ch: string, code: number): void {
    this.#previous = code;
    if (this.#label === null) {
      this.next.char(ch, code);
      return;
    }
    this.#label += ch;
    if (this.#label.length > LABEL_LIMIT) this.#releaseLabel(false);
  }
}
