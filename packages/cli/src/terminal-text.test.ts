import { describe, expect, it } from "vitest";
import { terminalSafe, terminalSafeJson } from "./terminal-text.js";

describe("terminalSafe", () => {
  it("escapes C0 (but tab and newline), DEL, C1 and bidi overrides; leaves other text alone", () => {
    expect(terminalSafe("a\u001b[2Jb\rc\u0007d\u007fe\u009b1mf\u202eg\u2066h\ti\nj é ✓")).toBe("a\\x1b[2Jb\\x0dc\\x07d\\x7fe\\x9b1mf\\u202eg\\u2066h\ti\nj é ✓");
  });

  it("terminalSafeJson escapes what JSON.stringify leaves raw and stays parseable", () => {
    const value = { message: "x\u009by\u202ez\u001b" };
    const json = terminalSafeJson(value);
    expect(json).toBe('{"message":"x\\u009by\\u202ez\\u001b"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});
