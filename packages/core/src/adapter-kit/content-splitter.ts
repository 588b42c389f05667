import { ThinkTagSplitter, type ThinkSplitPart } from "./think-tag-splitter.js";

/**
 * An adapter's `splitThinkTags` option: `true` splits off a `<think>` block
 * that opens the reply, `"starts-inside"` takes the reply to start inside one
 * (the chat template put `<think>` into the prompt), `false` leaves the
 * content alone.
 */
export type SplitThinkTags = boolean | "starts-inside";

/**
 * An LLM adapter's content deltas as `text-delta` and `reasoning-delta`
 * parts, under its `splitThinkTags` option (see {@link ThinkTagSplitter}).
 * When the server streams reasoning in a field of its own, it has split the
 * reasoning already, so `"starts-inside"` no longer applies: call
 * `reasoningField()` when such reasoning arrives. One per reply.
 */
export class ContentSplitter {
  readonly #mode: SplitThinkTags;
  #reasoningField = false;
  #splitter: ThinkTagSplitter | undefined;

  constructor(mode: SplitThinkTags) {
    this.#mode = mode;
  }

  /** The server sent reasoning in its own field (`reasoning_content`, `message.thinking`). */
  reasoningField(): void {
    this.#reasoningField = true;
  }

  /** The parts a content delta makes, in order. */
  push(content: string): ThinkSplitPart[] {
    if (content === "") return [];
    if (this.#mode === false) return [{ type: "text-delta", text: content }];
    this.#splitter ??= new ThinkTagSplitter({ startsInside: this.#mode === "starts-inside" && !this.#reasoningField });
    return this.#splitter.push(content);
  }

  /** The reply ended normally: what the splitter still held. */
  end(): ThinkSplitPart[] {
    return this.#splitter?.end() ?? [];
  }
}
