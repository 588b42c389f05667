import { describe, expect, it } from "vitest";
import { describePhoneme, phonemesToIds } from "./phoneme-ids.js";

const idMap = { _: [0], "^": [1], $: [2], " ": [3], "!": [4], ",": [8], ".": [10], "?": [13], a: [14], b: [15], "ˈ": [120], "̃": [141], ab: [200, 201] };

describe("phonemesToIds (Piper's rule: ^ _ (p _)* $)", () => {
  it("puts BOS and a pad first, a pad after every phoneme, and EOS last", () => {
    expect(phonemesToIds(["a", "b"], idMap)).toEqual([1, 0, 14, 0, 15, 0, 2]);
  });

  it("gives ^ _ $ for no phonemes", () => {
    expect(phonemesToIds([], idMap)).toEqual([1, 0, 2]);
  });

  it("keeps punctuation and word spaces as ids", () => {
    expect(phonemesToIds(["ˈ", "a", ",", " ", "b", "?"], idMap)).toEqual([1, 0, 120, 0, 14, 0, 8, 0, 3, 0, 15, 0, 13, 0, 2]);
  });

  it("writes every id of a phoneme mapped to several, then one pad", () => {
    expect(phonemesToIds(["ab"], idMap)).toEqual([1, 0, 200, 201, 0, 2]);
  });

  it("skips phonemes missing from the map and reports each occurrence", () => {
    const missing: string[] = [];
    expect(phonemesToIds(["a", "ʒ", "b", "ʒ"], idMap, (p) => missing.push(p))).toEqual([1, 0, 14, 0, 15, 0, 2]);
    expect(missing).toEqual(["ʒ", "ʒ"]);
  });

  it("describes phonemes with their code points", () => {
    expect(describePhoneme("ɚ")).toBe('"ɚ" (U+025A)');
    expect(describePhoneme("\u0303")).toBe('"̃" (U+0303)');
  });
});
