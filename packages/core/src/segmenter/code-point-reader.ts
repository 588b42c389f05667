import type { TextSink } from "./text-sink.js";

/**
 * Splits pushed strings into code points for the first stage, keeping a high
 * surrogate that arrives at the end of one piece until its partner arrives,
 * so chunking never splits a character.
 */
export class CodePointReader {
  #highSurrogate = "";

  constructor(private readonly next: TextSink) {}

  /** Feeds one pushed piece. */
  push(text: string): void {
    const next = this.next;
    let i = 0;
    const length = text.length;
    if (this.#highSurrogate !== "" && length > 0) {
      const high = this.#highSurrogate;
      this.#highSurrogate = "";
      const low = text.charCodeAt(0);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const ch = high + text[0];
        next.char(ch, ch.codePointAt(0) ?? 0);
        i = 1;
      } else {
        next.char(high, high.charCodeAt(0));
      }
    }
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0xd800 || code > 0xdbff) {
        next.char(text[i] as string, code);
        continue;
      }
      if (i + 1 === length) {
        this.#highSurrogate = text[i] as string;
        break;
      }
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        next.char(text.slice(i, i + 2), ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        i++;
      } else {
        next.char(text[i] as string, code);
      }
    }
  }

  /** Releases a dangling high surrogate at the end of input. */
  end(): void {
    if (this.#highSurrogate !== "") {
      const high = this.#highSurrogate;
      this.#highSurrogate = "";
      this.next.char(high, high.charCodeAt(0));
    }
    this.next.end();
  }
}
