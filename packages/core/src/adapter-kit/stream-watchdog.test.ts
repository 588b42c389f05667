import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StreamWatchdog } from "./stream-watchdog.js";

const limits = { connectTimeoutMs: 100, firstTokenTimeoutMs: 300, idleTimeoutMs: 50 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("StreamWatchdog", () => {
  it("fires connect when the server never answers", () => {
    const controller = new AbortController();
    const watchdog = new StreamWatchdog(controller, limits);
    watchdog.start();
    vi.advanceTimersByTime(100);
    expect(watchdog.fired).toBe("connect");
    expect(controller.signal.aborted).toBe(true);
  });

  it("fires first-token when the server answered but sends no token (chunks without text do not count)", () => {
    const watchdog = new StreamWatchdog(new AbortController(), limits);
    watchdog.start();
    watchdog.connected();
    vi.advanceTimersByTime(200);
    watchdog.received(false);
    watchdog.waiting();
    vi.advanceTimersByTime(100);
    expect(watchdog.fired).toBe("first-token");
  });

  it("runs the idle timer only while waiting, once tokens flow", () => {
    const watchdog = new StreamWatchdog(new AbortController(), limits);
    watchdog.start();
    watchdog.connected();
    watchdog.received(true);
    vi.advanceTimersByTime(1_000); // the consumer is busy: not a stall
    expect(watchdog.fired).toBeUndefined();
    watchdog.waiting();
    vi.advanceTimersByTime(50);
    expect(watchdog.fired).toBe("idle");
    expect(watchdog.limitOf("idle")).toBe(50);
    expect(watchdog.limitOf("connect")).toBe(100);
    expect(watchdog.limitOf("first-token")).toBe(300);
  });

  it("clear() stops every timer", () => {
    const watchdog = new StreamWatchdog(new AbortController(), limits);
    watchdog.start();
    watchdog.clear();
    vi.advanceTimersByTime(1_000);
    expect(watchdog.fired).toBeUndefined();
  });
});
