import { describe, expect, it } from "vitest";
import { escapeText } from "./escape-text.js";
import type { EspeakEvent } from "./espeak-wasm.js";
import { wordTimingsFromEvents } from "./word-timings.js";

const event = (type: string, audio_position: number, text_position = 0, word_length = 0, id?: string | number): EspeakEvent => ({
  type,
  audio_position,
  text_position,
  word_length,
  id,
});

describe("wordTimingsFromEvents", () => {
  it("ends a word at the next word, or at the pause before a clause end", () => {
    const text = "Hello there, friend.";
    const events = [
      event("sentence", 0, 1, 0, 1),
      event("word", 0, 1, 5, 1),
      event("phoneme", 11, 0, 0, "h"),
      event("word", 305, 7, 5, 2),
      event("phoneme", 317, 0, 0, "ð"),
      event("phoneme", 706, 0, 0, ""),
      event("end", 856, 12),
      event("word", 856, 14, 6, 3),
      event("phoneme", 1320, 0, 0, ""),
      event("end", 1621, 20),
    ];
    expect(wordTimingsFromEvents(events, text, escapeText(text), 1630)).toEqual([
      { text: "Hello", startMs: 0, endMs: 305 },
      { text: "there", startMs: 305, endMs: 706 },
      { text: "friend", startMs: 856, endMs: 1320 },
    ]);
  });

  it("merges a word eSpeak reports twice and ends the last word at the end of the audio", () => {
    const text = "日本 ok";
    const events = [event("word", 0, 1, 2), event("word", 600, 1, 2), event("word", 1200, 4, 2)];
    expect(wordTimingsFromEvents(events, text, escapeText(text), 1500)).toEqual([
      { text: "日本", startMs: 0, endMs: 1200 },
      { text: "ok", startMs: 1200, endMs: 1500 },
    ]);
  });
});
