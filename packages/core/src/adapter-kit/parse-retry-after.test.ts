import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./parse-retry-after.js";

describe("parseRetryAfter", () => {
  it("reads retry-after-ms first, then retry-after in seconds", () => {
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "250.4", "retry-after": "9" }))).toBe(250);
    expect(parseRetryAfter(new Headers({ "retry-after": " 1.5 " }))).toBe(1500);
  });

  it("reads an HTTP date as the time left, never negative", () => {
    const inTwoSeconds = new Date(Date.now() + 2_000).toUTCString();
    expect(parseRetryAfter(new Headers({ "retry-after": inTwoSeconds }))).toBeGreaterThan(0);
    expect(parseRetryAfter(new Headers({ "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" }))).toBe(0);
  });

  it("is undefined when absent or unreadable", () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter(new Headers())).toBeUndefined();
    expect(parseRetryAfter(new Headers({ "retry-after": "soon" }))).toBeUndefined();
  });
});
