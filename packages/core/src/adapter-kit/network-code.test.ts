import { describe, expect, it } from "vitest";
import { networkCode } from "./network-code.js";

describe("networkCode", () => {
  it("finds the system code in the cause chain, skipping ABORT_ERR", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(networkCode(new TypeError("fetch failed", { cause: refused }))).toBe("ECONNREFUSED");
    expect(networkCode(Object.assign(new Error("aborted"), { code: "ABORT_ERR" }))).toBeUndefined();
    expect(networkCode(new Error("plain"))).toBeUndefined();
    expect(networkCode(undefined)).toBeUndefined();
  });
});
