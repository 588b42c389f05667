import type { EspeakEvent } from "./espeak-wasm.js";
import type { WordTiming } from "@voxpipe/core";
import type { EscapedText } from "./escape-text.js";

/**
 * Turns eSpeak NG's events for one call into word timings (ms from the start of
 * that call's audio). A word starts at its `word` event and ends where the next
 * word, a pause (a `phoneme` event with no phoneme), a clause or a sentence starts.
 */
export function wordTimingsFromEvents(
  events: readonly EspeakEvent[],
  original: string,
  escaped: EscapedText,
  totalMs: number,
): WordTiming[] {
  const words: WordTiming[] = [];
  let open: WordTiming | undefined;
  let lastPosition = -1;
  const close = (ms: number): void => {
    if (!open) return;
    open.endMs = Math.max(open.startMs, ms);
    words.push(open);
    open = undefined;
  };
  for (const event of events) {
    if (event.type === "word") {
      if (event.text_position === lastPosition) {
        // eSpeak reports some words (e.g. runs of CJK characters) more than once: extend the word.
        if (!open) open = words.pop();
        continue;
      }
      close(event.audio_position);
      const start = escaped.originalIndex(event.text_position);
      const end = escaped.originalIndex(event.text_position + Math.max(event.word_length, 1));
      const text = original.slice(start, end).trim();
      if (!text) continue;
      open = { text, startMs: event.audio_position, endMs: event.audio_position };
      lastPosition = event.text_position;
    } else if ((event.type === "phoneme" && event.id === "") || event.type === "end" || event.type === "sentence") {
      close(event.audio_position);
    }
  }
  close(totalMs);
  return words;
}
