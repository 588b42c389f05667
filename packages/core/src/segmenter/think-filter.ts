import type { TextSink } from "./text-sink.js";

const OPEN_TAG = "<think>";
const CLOSE_TAG = "</think>";
const LESS_THAN = 60;

/**
 * Drops `<think>…</think>` reasoning blocks with their content, also when the
 * tags arrive split across pieces. An unclosed block drops everything after
 * it. Both tags (and a stray `</think>`) are hard breaks: text after a block
 * starts fresh.
 */
export class ThinkFilter implements TextSink {
  #inside = false;
  /** A held prefix of a tag, e.g. `</th`. */
  #partial = "";

  constructor(private readonly next: TextSink) {}

  char(ch: string, code: number): void {
    if (this.#partial === "") {
      if (code === LESS_THAN) this.#partial = ch;
      else if (!this.#inside) this.next.char(ch, code);
      return;
    }
    const candidate = this.#partial + ch;
    if (candidate === OPEN_TAG || candidate === CLOSE_TAG) {
      this.#partial = "";
      const opening = candidate === OPEN_TAG;
      if (opening && this.#inside) return;
      this.#inside = opening;
      this.next.hardBreak();
      return;
    }
    if (OPEN_TAG.startsWith(candidate) || CLOSE_TAG.startsWith(candidate)) {
      this.#partial = candidate;
      return;
    }
    // Not a tag after all: release the held ASCII prefix (it holds no second `<`), then look at `ch` afresh.
    const held = this.#partial;
    this.#partial = "";
    if (!this.#inside) for (let i = 0; i < held.length; i++) this.next.char(held[i] as string, held.charCodeAt(i));
    this.char(ch, code);
  }

  hardBreak(): void {
    this.next.hardBreak();
  }

  end(): void {
    const held = this.#partial;
    this.#partial = "";
    if (!this.#inside) for (let i = 0; i < held.length; i++) this.next.char(held[i] as string, held.charCodeAt(i));
    this.#inside = false;
    this.next.end();
  }
}
