import { describe, expect, it } from "vitest";
import { RateWindow } from "./rate-window.js";

describe("RateWindow", () => {
  it("allows max events in the window, refuses the next, and forgets events older than the window", () => {
    let now = 0;
    const window = new RateWindow(3, 1000, () => now);
    expect([window.record(), window.record(), window.record()]).toEqual([true, true, true]);
    now = 999;
    expect(window.record()).toBe(false);
    now = 2000;
    expect(window.record()).toBe(true);
  });
});
