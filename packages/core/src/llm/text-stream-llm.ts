import { VoxpipeError } from "../errors/voxpipe-error.js";
import type { LlmProvider } from "./llm-provider.js";
import type { LlmStreamPart } from "./llm-stream-part.js";

/** Text to speak as it arrives: any (async) iterable of strings, e.g. an SDK's text stream. */
export type TextSource = AsyncIterable<string> | Iterable<string>;

/**
 * An LlmProvider whose "reply" is `source`, so an existing text stream can go
 * through the segmenter, normalizer and TTS like a model's reply. The request
 * is ignored. The source is read once; stopping the run calls its iterator's
 * `return()` (so an SDK stream is cancelled), and a source that throws ends
 * the reply with an `error` part naming it.
 */
export function textStreamLlm(source: TextSource, name = "text-stream"): LlmProvider {
  let used = false;
  return {
    id: name,
    model: "text",
    stream() {
      if (used) throw new Error(`${name}: a text stream can be spoken once; pass a new one to each run.`);
      used = true;
      return textParts(source, name);
    },
  };
}

function textParts(source: TextSource, name: string): AsyncIterable<LlmStreamPart> {
  const iterator: AsyncIterator<unknown> | Iterator<unknown> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<string>)[Symbol.iterator]();
  let ended = false;
  return {
    [Symbol.asyncIterator]() {
      return {
        async next(): Promise<IteratorResult<LlmStreamPart>> {
          if (ended) return { done: true, value: undefined };
          let result: IteratorResult<unknown>;
          try {
            result = await iterator.next();
          } catch (error) {
            ended = true;
            const message = `${name}: the text stream failed: ${error instanceof Error ? error.message : String(error)}`;
            return { done: false, value: { type: "error", error: new VoxpipeError({ code: "text-stream-failed", stage: "llm", message, cause: error }) } };
          }
          if (result.done) {
            ended = true;
            return { done: false, value: { type: "finish", reason: "stop" } };
          }
          if (typeof result.value !== "string") {
            ended = true;
            void iterator.return?.();
            const message = `${name}: expected the text stream to yield strings, received ${result.value === null ? "null" : typeof result.value}. Map the stream to its text first (e.g. an SDK's textStream).`;
            return { done: false, value: { type: "error", error: new VoxpipeError({ code: "text-stream-failed", stage: "llm", message }) } };
          }
          return { done: false, value: { type: "text-delta", text: result.value } };
        },
        async return(): Promise<IteratorResult<LlmStreamPart>> {
          if (!ended) {
            ended = true;
            await iterator.return?.();
          }
          return { done: true, value: undefined };
        },
      };
    },
  };
}
