import { describe, expect, it } from "vitest";
import { staticRules } from "./__fixtures__/run-segmenter.js";
import { createSegmenter } from "./create-segmenter.js";
import type { SegmenterOptions } from "./segmenter-options.js";

/** Pushes `text` and returns what came out right away, without calling `end`. */
function pushOnly(text: string, options: SegmenterOptions = {}): string[] {
  return createSegmenter({ ...staticRules, ...options })
    .push(text)
    .map((s) => s.text);
}

// Rule 6: a segment goes out once it is long enough and the next sentence has begun — no later.
describe("earliest emission", () => {
  it("emits the first sentence as soon as the next one begins", () => {
    expect(pushOnly("Hello there, this is the first sentence. N")).toEqual(["Hello there, this is the first sentence."]);
  });

  it("holds the sentence while the next character could still continue it", () => {
    expect(pushOnly("Hello there, this is the first sentence.")).toEqual([]);
    expect(pushOnly("Hello there, this is the first sentence. ")).toEqual([]);
    expect(pushOnly("Hello there, this is the first sentence. n")).toEqual([]);
  });

  it("emits char by char at the same moment", () => {
    const segmenter = createSegmenter(staticRules);
    const text = "Hello there, this is the first sentence. Next";
    const emittedAt: number[] = [];
    [...text].forEach((ch, i) => {
      if (segmenter.push(ch).length > 0) emittedAt.push(i);
    });
    expect(emittedAt).toEqual([text.indexOf("N")]);
  });

  it("waits for the whole next word only after an abbreviation that may end the sentence", () => {
    expect(pushOnly("We will meet you at 9 a.m. Th")).toEqual([]);
    expect(pushOnly("We will meet you at 9 a.m. The")).toEqual([]);
    expect(pushOnly("We will meet you at 9 a.m. The ")).toEqual(["We will meet you at 9 a.m."]);
  });

  it("decides a title at once", () => {
    expect(pushOnly("I spoke with the manager today. Mr")).toEqual(["I spoke with the manager today."]);
  });

  it("emits at a hard break without waiting", () => {
    expect(pushOnly("Short line\n")).toEqual(["Short line"]);
    expect(pushOnly("# Title\nBody")).toEqual(["Title"]);
  });

  it("emits a CJK sentence at the next character", () => {
    expect(pushOnly("我们今天去公园散步，然后回家吃饭睡觉。明", { minLength: 10 })).toEqual(["我们今天去公园散步，然后回家吃饭睡觉。"]);
  });

  it("cuts an over-long sentence once the cut is certain, before the sentence ends", () => {
    const words = "word ".repeat(30);
    const out = pushOnly(words);
    expect(out.length).toBeGreaterThan(0);
    expect([...(out[0] ?? "")].length).toBeLessThanOrEqual(100);
  });

  it("emits an eager first segment at the clause boundary", () => {
    expect(pushOnly("Hello there, t", { eagerFirstSegment: true })).toEqual(["Hello there,"]);
    expect(pushOnly("Hello there, ", { eagerFirstSegment: true })).toEqual(["Hello there,"]);
  });

  it("keeps a short first sentence until it can merge", () => {
    expect(pushOnly("Sure. L")).toEqual([]);
  });

  it("returns everything that is left on end", () => {
    const segmenter = createSegmenter(staticRules);
    expect(segmenter.push("Almost done here")).toEqual([]);
    expect(segmenter.end()).toEqual([{ index: 0, text: "Almost done here" }]);
  });
});
