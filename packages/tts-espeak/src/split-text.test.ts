import { describe, expect, it } from "vitest";
import { splitForSynthesis } from "./split-text.js";

describe("splitForSynthesis", () => {
  it("keeps a short segment as one piece with no pause after it", () => {
    expect(splitForSynthesis("  Hello there. How are you?  ")).toEqual([{ text: "Hello there. How are you?", pauseAfter: "none" }]);
  });

  it("groups whole sentences up to the limit, with a sentence pause between pieces", () => {
    const pieces = splitForSynthesis("One two. Three four! Five six? Seven.", 20);
    expect(pieces).toEqual([
      { text: "One two. Three four!", pauseAfter: "sentence" },
      { text: "Five six? Seven.", pauseAfter: "none" },
    ]);
  });

  it("cuts an over-long sentence at clause punctuation, then at spaces", () => {
    const pieces = splitForSynthesis("alpha beta gamma, delta epsilon zeta eta theta iota kappa lambda mu", 24);
    expect(pieces[0]).toEqual({ text: "alpha beta gamma,", pauseAfter: "clause" });
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(24);
    expect(pieces.map((piece) => piece.text).join(" ")).toBe("alpha beta gamma, delta epsilon zeta eta theta iota kappa lambda mu");
    expect(pieces.at(-1)?.pauseAfter).toBe("none");
  });

  it("cuts a word longer than the limit hard and loses no characters", () => {
    const word = "x".repeat(50);
    const pieces = splitForSynthesis(word, 20);
    expect(pieces.map((piece) => piece.text).join("")).toBe(word);
  });

  it("treats a blank line as a sentence break and returns nothing for blank text", () => {
    expect(splitForSynthesis("Title\n\nBody text", 8).map((piece) => piece.text)).toEqual(["Title", "Body", "text"]);
    expect(splitForSynthesis(" \n\t ")).toEqual([]);
  });
});
