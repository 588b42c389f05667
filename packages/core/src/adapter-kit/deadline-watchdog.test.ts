import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeadlineWatchdog } from "./deadline-watchdog.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("DeadlineWatchdog", () => {
  it("aborts the controller when an armed deadline passes, and names it", () => {
    const controller = new AbortController();
    const watchdog = new DeadlineWatchdog<"first-byte" | "stall">(controller);
    watchdog.arm("first-byte", 100);
    vi.advanceTimersByTime(99);
    expect(controller.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(controller.signal.aborted).toBe(true);
    expect(watchdog.fired).toBe("first-byte");
  });

  it("runs several kinds at once; disarm(kind) stops one, disarm() all", () => {
    const controller = new AbortController();
    const watchdog = new DeadlineWatchdog<"a" | "b">(controller);
    watchdog.arm("a", 50);
    watchdog.arm("b", 100);
    watchdog.disarm("a");
    vi.advanceTimersByTime(60);
    expect(watchdog.fired).toBeUndefined();
    vi.advanceTimersByTime(40);
    expect(watchdog.fired).toBe("b");

    const other = new DeadlineWatchdog<"a" | "b">(new AbortController());
    other.arm("a", 10);
    other.arm("b", 10);
    other.disarm();
    vi.advanceTimersByTime(20);
    expect(other.fired).toBeUndefined();
  });

  it("re-arming a kind restarts its deadline", () => {
    const watchdog = new DeadlineWatchdog<"stall">(new AbortController());
    watchdog.arm("stall", 100);
    vi.advanceTimersByTime(80);
    watchdog.arm("stall", 100);
    vi.advanceTimersByTime(80);
    expect(watchdog.fired).toBeUndefined();
    vi.advanceTimersByTime(20);
    expect(watchdog.fired).toBe("stall");
  });

  it("does not fire once the controller was aborted for another reason", () => {
    const controller = new AbortController();
    const watchdog = new DeadlineWatchdog<"stall">(controller);
    watchdog.arm("stall", 10);
    controller.abort();
    vi.advanceTimersByTime(20);
    expect(watchdog.fired).toBeUndefined();
  });
});
