import { describe, expect, it } from "vitest";
import { escapeText } from "./escape-text.js";

describe("escapeText", () => {
  it("escapes markup characters so eSpeak's SSML parser reads them as text", () => {
    expect(escapeText("a < b & c > d").text).toBe("a &lt; b &amp; c &gt; d");
  });

  it("maps eSpeak's 1-based code point positions back to the original string", () => {
    const original = "x & 😀 y";
    const escaped = escapeText(original);
    const codePoints = [...escaped.text];
    const positionOf = (char: string): number => codePoints.indexOf(char) + 1;
    expect(original[escaped.originalIndex(positionOf("y"))]).toBe("y");
    expect(escaped.originalIndex(positionOf(";"))).toBe(original.indexOf("&"));
    expect(escaped.originalIndex(positionOf("😀"))).toBe(original.indexOf("😀"));
    expect(escaped.originalIndex(codePoints.length + 1)).toBe(original.length);
  });
});
