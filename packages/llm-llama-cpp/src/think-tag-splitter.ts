/** A piece of streamed text, sorted into reply text or reasoning. */
export interface SortedText {
  type: "text-delta" | "reasoning-delta";
  text: string;
}

const openTag = "<think>";
const closeTag = "</think>";

/** Length of the longest suffix of `text` that is a prefix of `tag` (a tag that may continue in the next chunk). */
function partialTagLength(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (tag.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}

/**
 * Sorts streamed text into reply text and reasoning, by `<think>…</think>`
 * tags that arrive as plain text (a model or chat format the wrapper does not
 * treat as a thought segment). Tags may be split across chunks; the tags
 * themselves are dropped. Text that could be the start of a tag is held back
 * until the next chunk or {@link ThinkTagSplitter.flush}.
 */
export class ThinkTagSplitter {
  #inside = false;
  #pending = "";

  /** Feeds one chunk; returns the pieces that are certain now. */
  push(chunk: string): SortedText[] {
    const out: SortedText[] = [];
    let text = this.#pending + chunk;
    this.#pending = "";
    for (;;) {
      const tag = this.#inside ? closeTag : openTag;
      const at = text.indexOf(tag);
      if (at >= 0) {
        this.#emit(out, text.slice(0, at));
        text = text.slice(at + tag.length);
        this.#inside = !this.#inside;
        continue;
      }
      const held = partialTagLength(text, tag);
      this.#emit(out, text.slice(0, text.length - held));
      this.#pending = text.slice(text.length - held);
      return out;
    }
  }

  /** Ends the stream: returns anything held back (an unfinished tag is kept as text of the current kind). */
  flush(): SortedText[] {
    const out: SortedText[] = [];
    this.#emit(out, this.#pending);
    this.#pending = "";
    return out;
  }

  #emit(out: SortedText[], text: string): void {
    if (text) out.push({ type: this.#inside ? "reasoning-delta" : "text-delta", text });
  }
}
