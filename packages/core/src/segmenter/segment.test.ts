import { describe, expect, it } from "vitest";
import { staticRules } from "./__fixtures__/run-segmenter.js";
import { segment } from "./create-segmenter.js";
import type { Segment } from "./segment.js";
import { collect } from "../testing/collect.js";

async function* tokens(pieces: readonly string[]): AsyncIterable<string> {
  for (const piece of pieces) yield piece;
}

describe("segment (async)", () => {
  it("yields indexed segments from a token stream", async () => {
    const pieces = ["<th", "ink>plan</th", "ink>Hello there, this is", " the first sentence. ", "Second **one** here", "!\n- item"];
    expect(await collect(segment(tokens(pieces), staticRules))).toEqual([
      { index: 0, text: "Hello there, this is the first sentence." },
      { index: 1, text: "Second one here!" },
      { index: 2, text: "item", startsBlock: true },
    ]);
  });

  it("yields a segment before the stream ends", async () => {
    let finished = false;
    async function* slow(): AsyncIterable<string> {
      yield "Hello there, this is the first sentence. ";
      yield "Next";
      await new Promise((resolve) => setTimeout(resolve, 5));
      finished = true;
      yield " part.";
    }
    for await (const first of segment(slow(), staticRules)) {
      expect(first.text).toBe("Hello there, this is the first sentence.");
      expect(finished).toBe(false);
      break;
    }
  });

  it("passes options through", async () => {
    const out = await collect(segment(tokens(["Hi. Yo."]), { ...staticRules, minLength: 1 }));
    expect(out.map((s) => s.text)).toEqual(["Hi.", "Yo."]);
  });
});
