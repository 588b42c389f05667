import { describe, expect, it } from "vitest";
import { splitInput } from "./split-input.js";

describe("splitInput", () => {
  it("keeps text within the limit whole", () => {
    expect(splitInput("  Hello there.  ", 4096)).toEqual(["Hello there."]);
  });

  it("cuts at sentence ends first, then spaces, and loses no words", () => {
    const text = "One two three. Four five six. Seven eight nine.";
    const pieces = splitInput(text, 20);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(20);
    expect(pieces[0]).toBe("One two three.");
    expect(pieces.join(" ")).toBe(text);
  });

  it("hard-cuts a run without spaces, never inside a surrogate pair", () => {
    const text = "a".repeat(9) + "😀".repeat(5);
    const pieces = splitInput(text, 10);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) expect(piece).not.toMatch(/[\ud800-\udbff]$/);
  });
});
