import { AdaptivePolicy } from "./adaptive-policy.js";
import { BlockMarkup } from "./block-markup.js";
import { isCjkClauseMark, isClauseMark } from "./char-classes.js";
import { CodePointReader } from "./code-point-reader.js";
import { FirstSegmentPolicy } from "./first-segment-policy.js";
import { InlineMarkup } from "./inline-markup.js";
import { resolveSegmenterOptions } from "./resolve-options.js";
import type { Segment } from "./segment.js";
import { SegmentMerger } from "./segment-merger.js";
import type { Segmenter, SegmenterOptions } from "./segmenter-options.js";
import { SentenceBuilder } from "./sentence-builder.js";
import { ThinkFilter } from "./think-filter.js";

/** The clause marks a segment may not open with, dropped with the space after them. */
const LEADING_CLAUSE_MARKS = /^[,;:，、；：]+\s*/u;

/**
 * Creates an incremental, synchronous segmenter: `push` pieces of an LLM's
 * reply as they arrive and speak the segments it returns; call `end` once the
 * reply is complete. The text flows through four stages, each looking at a
 * character once: think-block filter → block markdown (code fences, rules,
 * headings, quotes, bullets, hard breaks) → inline markdown (emphasis, code
 * spans, links) → sentence builder (boundaries, maxLength cuts), then the
 * merger (minLength, eager first segment, early first segment, adaptive
 * sizing). The output does not depend on how the input is chunked (with the
 * same rates fed in at the same points of the text).
 *
 * @throws VoxpipeError (`invalid-segmenter-options`) for impossible options.
 */
export function createSegmenter(options: SegmenterOptions = {}): Segmenter {
  const settings = resolveSegmenterOptions(options);
  const adaptive = new AdaptivePolicy(settings.adaptive, settings.minLength, settings.maxLength);
  const first = new FirstSegmentPolicy(settings.eagerFirstSegment);
  let out: Segment[] = [];
  let index = 0;
  // A completion model continuing "Once upon a time" starts with ", there was…": a clause mark that
  // opens a segment is never spoken, so it is dropped (a block start it carried passes to the next segment).
  let blockStart = false;
  const emit = (text: string, startsBlock: boolean): void => {
    const spoken = opensWithClauseMark(text) ? text.replace(LEADING_CLAUSE_MARKS, "") : text;
    blockStart ||= startsBlock;
    if (!spoken) return;
    out.push(blockStart && index > 0 ? { index: index++, text: spoken, startsBlock: true } : { index: index++, text: spoken });
    blockStart = false;
  };
  const merger = new SegmentMerger(emit, {
    maxLength: settings.maxLength,
    eagerFirstSegment: settings.eagerFirstSegment,
    firstMinLength: settings.firstMinLength,
    targetLength: () => adaptive.targetLength(),
    early: () => first.early(),
  });
  const builder = new SentenceBuilder(merger, settings);
  const reader = new CodePointReader(new ThinkFilter(new BlockMarkup(new InlineMarkup(builder))));
  const drain = (): Segment[] => {
    if (out.length === 0) return [];
    const ready = out;
    out = [];
    return ready;
  };
  return {
    push(text) {
      reader.push(text);
      return drain();
    },
    end() {
      reader.end();
      return drain();
    },
    updateRates(rates) {
      adaptive.update(rates);
      first.update(rates);
    },
  };
}

/** Segments an async stream of text pieces (e.g. LLM tokens), yielding each segment as soon as it is complete. */
export async function* segment(text: AsyncIterable<string>, options?: SegmenterOptions): AsyncIterable<Segment> {
  const segmenter = createSegmenter(options);
  for await (const piece of text) yield* segmenter.push(piece);
  yield* segmenter.end();
}

/** A cheap check before the pattern (this runs for every segment): the text's first unit is a clause mark. */
function opensWithClauseMark(text: string): boolean {
  const code = text.charCodeAt(0);
  return isClauseMark(code) || isCjkClauseMark(code);
}
