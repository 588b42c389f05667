import type { NormalizeCategory } from "./normalize-category.js";
import type { NormalizedText, RewrittenSpan } from "./normalized-text.js";

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Builds the spoken form piece by piece: written text copied as it is, and rewritten
 * stretches. A rewrite never glues onto a neighbouring word: "5kg" is one stretch, but
 * "AT&T" becomes "AT and T".
 */
export class SpokenTextBuilder {
  private readonly parts: string[] = [];
  private readonly spans: RewrittenSpan[] = [];
  private length = 0;
  private lastChar = "";
  /** The last piece was a rewrite ending in a word character: a word copied next needs a space. */
  private spaceBeforeWord = false;

  constructor(private readonly written: string) {}

  copy(start: number, end: number): void {
    if (end <= start) return;
    const text = this.written.slice(start, end);
    if (this.spaceBeforeWord && WORD_CHAR.test(text[0]!)) this.append(" ");
    this.spaceBeforeWord = false;
    this.append(text);
  }

  rewrite(start: number, end: number, spoken: string, by: NormalizeCategory | "lexicon"): void {
    if (spoken !== "" && WORD_CHAR.test(spoken[0]!) && WORD_CHAR.test(this.lastChar)) this.append(" ");
    const spokenStart = this.length;
    this.append(spoken);
    this.spans.push({ by, writtenStart: start, writtenEnd: end, spokenStart, spokenEnd: this.length });
    this.spaceBeforeWord = spoken !== "" && WORD_CHAR.test(this.lastChar);
  }

  result(): NormalizedText {
    const spoken = this.spans.length === 0 ? this.written : this.parts.join("");
    return { written: this.written, spoken, spans: this.spans };
  }

  private append(text: string): void {
    if (text === "") return;
    this.parts.push(text);
    this.length += text.length;
    this.lastChar = text[text.length - 1]!;
  }
}
