import type { LlmStreamPart } from "../llm/llm-stream-part.js";

const OPEN_TAG = "<think>";
const CLOSE_TAG = "</think>";
const WHITESPACE = /^\s$/u;

/** What a splitter gives back: reply text and reasoning, in stream order. */
export type ThinkSplitPart = Extract<LlmStreamPart, { type: "text-delta" | "reasoning-delta" }>;

/** How a {@link ThinkTagSplitter} reads the start of a reply. */
export interface ThinkTagSplitterOptions {
  /**
   * The stream starts inside a think block, because the chat template put
   * `<think>` into the prompt (DeepSeek-R1 distills, Qwen3 "Thinking-2507"
   * and others): everything up to the first `</think>` is reasoning, and an
   * opening `<think>` at the start is accepted too. Without a `</think>` the
   * whole reply is reasoning, so turn this on only for such a template.
   * Default false: reasoning only when the reply opens with `<think>`.
   */
  startsInside?: boolean;
}

type Mode =
  /** Before the first non-whitespace character: whitespace and a prefix of `<think>` are held. */
  | "leading"
  /** Just after `<think>`: whitespace is dropped. */
  | "reasoning-leading"
  /** Inside the block: reasoning, holding a possible prefix of `</think>`. */
  | "reasoning"
  /** Just after `</think>`: whitespace is dropped. */
  | "answer-leading"
  /** The answer: everything is text, nothing is held. */
  | "text";

/**
 * Splits a reply whose reasoning arrives inline in the content as
 * `<think>…</think>` into `reasoning-delta` and `text-delta` parts, whatever
 * the chunking. Only a block at the very start counts (after optional
 * whitespace); a `<think>` later in the answer is text. The tags are spelled
 * exactly as the segmenter's think filter reads them (lower case, no
 * attributes or spaces). Whitespace around the block is dropped, so the first
 * text part is the answer itself; an unclosed block is reasoning to the end.
 * A `</think>` without an opening tag is text, unless the template is known
 * to open the block in the prompt (`startsInside`): telling the two apart
 * from the stream alone would mean holding back the start of every reply.
 *
 * Nothing is delayed but what could still be a tag: leading whitespace, at
 * most six characters of `<think>`, and inside the block at most seven of
 * `</think>`. Once the answer has started, pieces pass through as they are.
 * Tags are ASCII, so a held piece never splits a character. One splitter
 * serves one reply; call `end()` when the content is complete.
 */
export class ThinkTagSplitter {
  readonly #startsInside: boolean;
  #mode: Mode = "leading";
  /** Whitespace held before the reply's first non-whitespace character. */
  #heldSpace = "";
  /** A held prefix of the tag being matched (`<thi`, `</th`). */
  #heldTag = "";
  #out: ThinkSplitPart[] = [];

  constructor(options: ThinkTagSplitterOptions = {}) {
    this.#startsInside = options.startsInside ?? false;
  }

  /** The parts a piece of content makes, with what it completes of earlier pieces; often none, or one. */
  push(content: string): ThinkSplitPart[] {
    let i = 0;
    while (i < content.length && this.#mode !== "text") this.#step(content[i++] as string);
    // Once the answer has started, the rest of the piece is text as it is.
    this.#emit("text-delta", content.slice(i));
    return this.#take();
  }

  /** The content is complete: whatever is still held (a tag prefix, leading whitespace). */
  end(): ThinkSplitPart[] {
    if (this.#mode === "leading") {
      if (this.#startsInside) {
        const held = this.#heldTag;
        this.#heldSpace = this.#heldTag = "";
        this.#mode = "reasoning";
        for (const ch of held) this.#step(ch);
      } else {
        this.#emit("text-delta", this.#heldSpace + this.#heldTag);
        this.#heldSpace = this.#heldTag = "";
      }
    }
    if (this.#mode === "reasoning") this.#emit("reasoning-delta", this.#heldTag);
    this.#heldTag = "";
    this.#mode = "text";
    return this.#take();
  }

  #step(ch: string): void {
    switch (this.#mode) {
      case "leading":
        return this.#leading(ch);
      case "reasoning-leading":
      case "answer-leading":
        if (WHITESPACE.test(ch)) return;
        this.#mode = this.#mode === "reasoning-leading" ? "reasoning" : "text";
        return this.#step(ch);
      case "reasoning":
        return this.#reasoning(ch);
      case "text":
        return this.#emit("text-delta", ch);
    }
  }

  #leading(ch: string): void {
    if (this.#heldTag === "" && WHITESPACE.test(ch)) {
      this.#heldSpace += ch;
      return;
    }
    const candidate = this.#heldTag + ch;
    if (candidate === OPEN_TAG) {
      this.#heldSpace = this.#heldTag = "";
      this.#mode = "reasoning-leading";
      return;
    }
    if (OPEN_TAG.startsWith(candidate)) {
      this.#heldTag = candidate;
      return;
    }
    // Not an opening tag: the reply has started, as the answer or (inside a block) as reasoning.
    const space = this.#heldSpace;
    this.#heldSpace = this.#heldTag = "";
    if (this.#startsInside) {
      this.#mode = "reasoning";
      for (const held of candidate) this.#step(held);
    } else {
      this.#mode = "text";
      this.#emit("text-delta", space + candidate);
    }
  }

  #reasoning(ch: string): void {
    const candidate = this.#heldTag + ch;
    if (candidate === CLOSE_TAG) {
      this.#heldTag = "";
      this.#mode = "answer-leading";
      return;
    }
    if (CLOSE_TAG.startsWith(candidate)) {
      this.#heldTag = candidate;
      return;
    }
    // The held prefix has no second `<`, so it is reasoning; `ch` may start a new tag.
    const held = this.#heldTag;
    this.#heldTag = "";
    this.#emit("reasoning-delta", held);
    if (held === "") this.#emit("reasoning-delta", ch);
    else this.#reasoning(ch);
  }

  #emit(type: ThinkSplitPart["type"], text: string): void {
    if (text === "") return;
    const last = this.#out.at(-1);
    if (last?.type === type) last.text += text;
    else this.#out.push({ type, text });
  }

  #take(): ThinkSplitPart[] {
    const out = this.#out;
    this.#out = [];
    return out;
  }
}
