import { describe, expect, it } from "vitest";
import { randomChunks, seededRandom, segmentPieces, segmentWhole } from "./__fixtures__/run-segmenter.js";
import type { SegmenterOptions } from "./segmenter-options.js";

/** Fragments chosen to hit every stage's lookahead: tags, fences, markers, abbreviations, CJK, brackets. */
const FRAGMENTS = [
  "a", "word", "The", "and", "then", " ", " ", "  ", ".", "!", "?", "...", "…", "\n", "\n\n", "*", "**", "_", "~~", "`",
  "```", "[", "](u)", "]", "(", ")", "<think>", "</think>", "<", "- ", "# ", "> ", "---", '"', "'", "“", "”", "。", "，",
  "你好", "！", "1", "2.)", "3)", "e.g.", "Mr.", "etc.", "a.m.", "U.S.", "J.", " — ", ",", ":", ";", "http://x.y/z",
  "\\", "![", "$7.50", "3.14", "😀", "𠀀", "\t", "1. ", "+ ",
];

const OPTION_SETS: SegmenterOptions[] = [
  {},
  { minLength: 1 },
  { minLength: 5, maxLength: 20 },
  { minLength: 0, maxLength: 8 },
  { eagerFirstSegment: true, firstMinLength: 4 },
];

function randomText(random: () => number): string {
  const count = Math.floor(random() * 80);
  let text = "";
  for (let i = 0; i < count; i++) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
  return text;
}

describe("segmenter invariance on random markup soup", () => {
  it.each(OPTION_SETS.map((options) => [JSON.stringify(options), options] as const))("options %s", (_name, options) => {
    const random = seededRandom(20_251_125);
    for (let n = 0; n < 300; n++) {
      const text = randomText(random);
      const whole = segmentWhole(text, options);
      expect(segmentPieces(text.split(""), options), JSON.stringify(text)).toEqual(whole);
      for (let run = 0; run < 4; run++) {
        const pieces = randomChunks(text, random);
        expect(segmentPieces(pieces, options), JSON.stringify(pieces)).toEqual(whole);
      }
      const maxLength = options.maxLength ?? 100;
      for (const segment of whole) {
        expect(segment.trim()).toBe(segment);
        expect(segment).not.toBe("");
        expect([...segment].length).toBeLessThanOrEqual(maxLength * 8);
      }
    }
  });
});
