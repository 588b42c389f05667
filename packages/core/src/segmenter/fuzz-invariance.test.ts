import { describe, expect, it } from "vitest";
import { randomChunks, seededRandom, segmentMarked, segmentWhole } from "./__fixtures__/run-segmenter.js";
import type { SegmenterOptions, SegmenterRates } from "./segmenter-options.js";

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
  { eagerFirstSegment: true },
];
/** Rates fed in before the text: the last option set also runs with the early first segment on. */
const EARLY_RATES: SegmenterRates = { llmCharsPerSecond: 120, ttsRealTimeFactor: 0.3 };

function randomText(random: () => number): string {
  const count = Math.floor(random() * 80);
  let text = "";
  for (let i = 0; i < count; i++) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
  return text;
}

describe("segmenter invariance on random markup soup", () => {
  const cases = [...OPTION_SETS.map((options) => [JSON.stringify(options), options, undefined] as const), ["early first segment", { eagerFirstSegment: true }, EARLY_RATES] as const];
  it.each(cases)("options %s", (_name, options, rates) => {
    const random = seededRandom(20_251_125);
    for (let n = 0; n < 300; n++) {
      const text = randomText(random);
      const whole = segmentWhole(text, options, rates);
      const marked = segmentMarked([text], options, rates);
      expect(segmentMarked(text.split(""), options, rates), JSON.stringify(text)).toEqual(marked);
      for (let run = 0; run < 4; run++) {
        const pieces = randomChunks(text, random);
        expect(segmentMarked(pieces, options, rates), JSON.stringify(pieces)).toEqual(marked);
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
