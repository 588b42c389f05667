import { describe, expect, it } from "vitest";
import { segmentPieces } from "./__fixtures__/run-segmenter.js";

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const length = (s: string): number => [...s].length;

// Not timed (see bench/segmenter.mjs); these check that nothing waits for the end of a long input.
describe("bounded buffering on pathological input", () => {
  it("cuts words without punctuation at maxLength", () => {
    const out = segmentPieces(chunks("lorem ipsum dolor sit amet ".repeat(4000), 5));
    expect(out.length).toBeGreaterThan(1000);
    expect(out.every((s) => length(s) <= 100 && length(s) >= 20)).toBe(true);
  });

  it("cuts a never-closed quotation at maxLength", () => {
    const out = segmentPieces(chunks(`He said "${"It is fine. We go on. ".repeat(2000)}`, 3));
    expect(out.every((s) => length(s) <= 100)).toBe(true);
  });

  it("cuts CJK text without punctuation between characters", () => {
    const out = segmentPieces(chunks("我们今天去公园散步然后回家".repeat(3000), 4));
    expect(out.every((s) => length(s) === 100 || s === out[out.length - 1])).toBe(true);
  });

  it("force-cuts a single endless token at 8 × maxLength (the safety valve)", () => {
    const out = segmentPieces(chunks("x".repeat(100_000), 6));
    expect(out).toHaveLength(125);
    expect(out.every((s) => length(s) === 800)).toBe(true);
  });

  it("drops an endless code block and an endless think block without holding them", () => {
    expect(segmentPieces(chunks(`Intro.\n\`\`\`\n${"code line\n".repeat(10_000)}`, 4))).toEqual(["Intro."]);
    expect(segmentPieces(chunks(`Intro.<think>${"hmm ".repeat(10_000)}`, 4))).toEqual(["Intro."]);
  });

  it("passes an endless run of markup characters through bounded state", () => {
    expect(segmentPieces(chunks(`A ${"*".repeat(50_000)}b`, 6))).toEqual(["A b"]);
    expect(segmentPieces(chunks(`[${"y".repeat(1000)}`, 6)).every((s) => length(s) <= 800)).toBe(true);
  });
});
