import { describe, expect, it } from "vitest";
import { InFlightRequests } from "./in-flight-requests.js";

describe("InFlightRequests", () => {
  it("aborts a request's controller when the caller's signal fires", () => {
    const caller = new AbortController();
    const { controller } = new InFlightRequests().open(caller.signal);
    caller.abort();
    expect(controller.signal.aborted).toBe(true);
  });

  it("abortAll() aborts the open requests, not the released ones", () => {
    const requests = new InFlightRequests();
    const open = requests.open(undefined);
    const released = requests.open(undefined);
    released.release();
    requests.abortAll();
    expect(open.controller.signal.aborted).toBe(true);
    expect(released.controller.signal.aborted).toBe(false);
  });

  it("release() detaches from the caller's signal", () => {
    const caller = new AbortController();
    const { controller, release } = new InFlightRequests().open(caller.signal);
    release();
    caller.abort();
    expect(controller.signal.aborted).toBe(false);
  });
});
