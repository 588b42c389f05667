import type { WordTiming } from "../tts/audio-chunk.js";
import type { NormalizedText } from "./normalized-text.js";

/** Where in the written text a spoken word came from. Offsets are UTF-16 indexes into the segment's written text, end exclusive. */
export interface WrittenWord {
  text: string;
  start: number;
  end: number;
}

/** A word timing with the written word it was spoken for ("$3.50" for "three", "dollars", "fifty" and "cents"). */
export interface SpokenWordTiming extends WordTiming {
  written?: WrittenWord;
}

interface SpokenWord {
  key: string;
  written: WrittenWord;
}

const WORD = /[\p{L}\p{N}'’]{1,256}/gu;
const keyOf = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
/** How far ahead of the expected word an engine's word is looked for (engines merge or split a few words). */
const LOOKAHEAD = 4;

/**
 * Maps the word timings a TTS reports for a segment's spoken form back to the written words.
 * Feed the segment's chunks in order; each timing is matched to the next spoken word with the
 * same letters (within a few words), or else to the next spoken word in turn.
 */
export class WordAligner {
  private readonly words: SpokenWord[] = [];
  private cursor = 0;

  constructor(private readonly normalized: NormalizedText) {
    const { written, spoken, spans } = normalized;
    let spanIndex = 0;
    for (const match of spoken.matchAll(WORD)) {
      const start = match.index;
      while (spanIndex < spans.length && spans[spanIndex]!.spokenEnd <= start) spanIndex++;
      const span = spans[spanIndex];
      let range: [number, number];
      if (span && span.spokenStart <= start) {
        range = [span.writtenStart, span.writtenEnd];
      } else {
        const previous = spanIndex > 0 ? spans[spanIndex - 1] : undefined;
        const shift = previous ? previous.spokenEnd - previous.writtenEnd : 0;
        range = [start - shift, start - shift + match[0].length];
      }
      this.words.push({ key: keyOf(match[0]), written: { text: written.slice(range[0], range[1]), start: range[0], end: range[1] } });
    }
  }

  /** The timings with `written` filled in where a written word could be found. */
  align(timings: readonly WordTiming[]): SpokenWordTiming[] {
    return timings.map((timing) => {
      const key = keyOf(timing.text);
      let found = -1;
      for (let i = this.cursor; i < Math.min(this.words.length, this.cursor + LOOKAHEAD + 1); i++) {
        if (key !== "" && this.words[i]!.key === key) {
          found = i;
          break;
        }
      }
      if (found < 0) found = this.cursor < this.words.length ? this.cursor : -1;
      if (found < 0) return { ...timing };
      this.cursor = found + 1;
      return { ...timing, written: { ...this.words[found]!.written } };
    });
  }
}
