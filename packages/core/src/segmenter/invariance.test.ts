import { describe, expect, it } from "vitest";
import { corpus } from "./__fixtures__/index.js";
import { randomChunks, seededRandom, segmentMarked } from "./__fixtures__/run-segmenter.js";

/** Random chunkings per case; with ~420 cases this is well over ten thousand runs. */
const CHUNKINGS = 30;

// Rule 7: the output is identical whatever the chunking of the input (block starts included).
describe("segmenter invariance over the whole corpus", () => {
  it.each(corpus.map((c, i) => [`${c.group} #${i}`, c] as const))("%s: whole = one char at a time = random 1–6 pieces", (_name, c) => {
    const whole = segmentMarked([c.input], c.options);
    expect(segmentMarked([...c.input], c.options)).toEqual(whole);
    expect(segmentMarked(c.input.split(""), c.options)).toEqual(whole);
    const random = seededRandom(0x5eed + c.input.length);
    for (let run = 0; run < CHUNKINGS; run++) {
      const pieces = randomChunks(c.input, random);
      expect(segmentMarked(pieces, c.options), JSON.stringify(pieces)).toEqual(whole);
    }
  });

  it("empty pushes change nothing", () => {
    const c = corpus.find((x) => x.group === "replies");
    if (c === undefined) throw new Error("no replies in corpus");
    const pieces = [...c.input].flatMap((ch) => ["", ch, ""]);
    expect(segmentMarked(pieces, c.options)).toEqual(segmentMarked([c.input], c.options));
  });
});
