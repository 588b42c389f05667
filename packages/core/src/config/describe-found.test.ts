import { describe, expect, it } from "vitest";
import { describeFound } from "./describe-found.js";

describe("describeFound: what an error message says it received", () => {
  it.each([
    [3, [], "3"],
    [null, [], "null"],
    [[1, 2], [], "a list of 2 items"],
    [{ a: 1 }, [], "a mapping of keys"],
    ["fast", ["pipeline", "mode"], '"fast"'],
    ["x".repeat(80), ["text"], `"${"x".repeat(60)}…"`],
  ])("%j at %j → %s", (value, path, text) => {
    expect(describeFound(value, path)).toBe(text);
  });

  it("never quotes a string under a secret-looking key", () => {
    for (const key of ["apiKey", "token", "password", "Authorization", "headers"]) {
      expect(describeFound("sk-live-123456", ["llm", "options", key])).toBe("a string (not shown: it may be secret)");
    }
    expect(describeFound("sk-live-123456", ["llm", "options", "headers", "x-custom"])).toBe("a string (not shown: it may be secret)");
  });

  it("masks credentials inside a URL", () => {
    expect(describeFound("http://user:pass@host:1/v1?api-key=abc&x=1&token=t", ["llm", "options", "baseURL"])).toBe('"http://***@host:1/v1?api-key=***&x=1&token=***"');
  });
});
