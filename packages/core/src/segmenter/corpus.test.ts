import { describe, expect, it } from "vitest";
import { corpus } from "./__fixtures__/index.js";
import { segmentWhole } from "./__fixtures__/run-segmenter.js";

describe("segmenter corpus (whole input)", () => {
  it("holds hundreds of cases", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
  });

  it.each(corpus.map((c, i) => [`${c.group} #${i}: ${JSON.stringify(c.input).slice(0, 70)}`, c] as const))("%s", (_name, c) => {
    expect(segmentWhole(c.input, c.options)).toEqual(c.expected);
  });
});
