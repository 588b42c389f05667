import { describe, expect, it } from "vitest";
import { createNormalizer } from "./create-normalizer.js";
import { WordAligner } from "./word-alignment.js";

const timings = (...words: string[]) => words.map((text, i) => ({ text, startMs: i * 100, endMs: i * 100 + 90 }));
const writtenOf = (text: string, engineWords: string[], options = {}) =>
  new WordAligner(createNormalizer(options).normalize(text)).align(timings(...engineWords)).map((w) => w.written?.text);

describe("WordAligner", () => {
  it("maps every spoken word of a rewrite to the written form, and copied words to themselves", () => {
    expect(writtenOf("Pay $3.50 now", ["Pay", "three", "dollars", "fifty", "cents", "now"])).toEqual(["Pay", "$3.50", "$3.50", "$3.50", "$3.50", "now"]);
  });

  it("gives offsets into the written text", () => {
    const text = "Meet Dr. Lee at 10:30 on 2024-03-15.";
    const aligned = new WordAligner(createNormalizer().normalize(text)).align(timings("Meet", "doctor", "Lee", "at", "ten", "thirty", "on", "March", "fifteenth", "twenty", "twenty", "four"));
    for (const word of aligned) expect(text.slice(word.written!.start, word.written!.end)).toBe(word.written!.text);
    expect(aligned.map((w) => w.written!.text)).toEqual(["Meet", "Dr.", "Lee", "at", "10:30", "10:30", "on", "2024-03-15", "2024-03-15", "2024-03-15", "2024-03-15", "2024-03-15"]);
  });

  it("keeps its place when the engine skips or merges words, matching on letters a few words ahead", () => {
    // The engine reports "fiftycents" as one word and drops "dollars": "now" is still found.
    expect(writtenOf("Pay $3.50 now", ["Pay", "three", "fiftycents", "now"])).toEqual(["Pay", "$3.50", "$3.50", "now"]);
  });

  it("maps words of phonemes, which engines report by their first letters, to the lexicon word", () => {
    const written = writtenOf("I like SQL a lot", ["I", "like", "s", "a", "lot"], { lexicon: { SQL: { phonemes: "s'i:kw@l" } }, phonemes: "espeak" });
    expect(written).toEqual(["I", "like", "SQL", "a", "lot"]);
  });

  it("carries on across the chunks of one segment, and leaves words beyond the text unmapped", () => {
    const aligner = new WordAligner(createNormalizer().normalize("It is 5 kg."));
    expect(aligner.align(timings("It", "is")).map((w) => w.written?.text)).toEqual(["It", "is"]);
    expect(aligner.align(timings("five", "kilograms", "extra")).map((w) => w.written?.text)).toEqual(["5 kg", "5 kg", undefined]);
  });
});
