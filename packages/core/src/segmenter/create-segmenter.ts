// STAND-IN: a minimal sentence splitter with the final API, to be replaced by the full segmenter (issue 3).
import type { Segment } from "./segment.js";
import type { Segmenter, SegmenterOptions } from "./segmenter-options.js";

export function createSegmenter(options: SegmenterOptions = {}): Segmenter {
  const minLength = options.minLength ?? 20;
  const maxLength = options.maxLength ?? 100;
  let buffer = "";
  let pending = "";
  let index = 0;
  const out: Segment[] = [];
  const emit = (text: string): void => {
    const trimmed = text.replace(/\s+/g, " ").trim();
    if (trimmed) out.push({ index: index++, text: trimmed });
  };
  const flushSentence = (sentence: string, force: boolean): void => {
    pending = pending ? `${pending} ${sentence.trim()}` : sentence.trim();
    if (force || [...pending].length >= minLength) {
      emit(pending);
      pending = "";
    }
  };
  const scan = (final: boolean): void => {
    for (;;) {
      const match = /[.!?…]+["')\]]*\s+|\n/.exec(buffer);
      if (match) {
        const end = match.index + match[0].length;
        flushSentence(buffer.slice(0, end), match[0].includes("\n"));
        buffer = buffer.slice(end);
        continue;
      }
      if ([...buffer].length > maxLength) {
        const cut = buffer.lastIndexOf(" ", maxLength);
        const at = cut > 0 ? cut : maxLength;
        flushSentence(buffer.slice(0, at), true);
        buffer = buffer.slice(at);
        continue;
      }
      break;
    }
    if (final) {
      if (buffer.trim()) flushSentence(buffer, true);
      else if (pending) emit(pending);
      buffer = "";
      pending = "";
    }
  };
  return {
    push(text) {
      buffer += text;
      scan(false);
      return out.splice(0);
    },
    end() {
      scan(true);
      return out.splice(0);
    },
    updateRates() {},
  };
}

export async function* segment(text: AsyncIterable<string>, options?: SegmenterOptions): AsyncIterable<Segment> {
  const segmenter = createSegmenter(options);
  for await (const piece of text) yield* segmenter.push(piece);
  yield* segmenter.end();
}
