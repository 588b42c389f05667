import { describe, expect, it } from "vitest";
import { endingClass } from "./join-class.js";

describe("endingClass", () => {
  it.each([
    ["Hello there.", "sentence"],
    ['He said "no."', "sentence"],
    ["(see above.) ", "sentence"],
    ["**Done!**", "sentence"],
    ["Really?\u00a0\n", "sentence"],
    ["「はい。」", "sentence"],
    ["Well, first,", "clause"],
    ["Wait —", "clause"],
    ["你好，", "clause"],
    ["a cut for length", "none"],
    ["ends with an emoji 🙂", "none"],
    ["", "none"],
    ['"', "none"],
  ])("%j ends as %s", (text, expected) => {
    expect(endingClass(text)).toBe(expected);
  });
});
