import { describe, expect, it } from "vitest";
import { DeadlineWatchdog } from "./deadline-watchdog.js";
import { httpAttempt, type HttpAttempt } from "./http-attempt.js";
import { InFlightRequests } from "./in-flight-requests.js";

type Watchdog = DeadlineWatchdog<"first-byte">;
const watchdog = (controller: AbortController): Watchdog => new DeadlineWatchdog(controller);

async function drain<T>(values: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of values) out.push(value);
  return out;
}

describe("httpAttempt", () => {
  it("runs the body, then closes the request", async () => {
    const requests = new InFlightRequests();
    let seen: HttpAttempt<Watchdog> | undefined;
    const out = await drain(
      httpAttempt({ requests, signal: undefined, watchdog }, async function* (attempt) {
        seen = attempt;
        expect(attempt.aborted()).toBe(false);
        yield 1;
        yield 2;
      }, () => []),
    );
    expect(out).toEqual([1, 2]);
    expect(seen?.controller.signal.aborted).toBe(true);
  });

  it("hands a failure to onFailure, which yields what the attempt reports", async () => {
    const out = await drain(
      httpAttempt({ requests: new InFlightRequests(), signal: undefined, watchdog }, async function* () {
        yield "first";
        throw new Error("dropped");
      }, function* (error) {
        yield `failed: ${(error as Error).message}`;
      }),
    );
    expect(out).toEqual(["first", "failed: dropped"]);
  });

  it("tells a caller's abort from a passed deadline", async () => {
    const caller = new AbortController();
    const reasons: string[] = [];
    const hang = async function* (attempt: HttpAttempt<Watchdog>): AsyncGenerator<never> {
      await new Promise((_resolve, reject) => attempt.controller.signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true }));
    };
    const report = function* (_error: unknown, attempt: HttpAttempt<Watchdog>): Generator<string> {
      yield attempt.aborted() ? "abort" : `deadline ${attempt.watchdog.fired}`;
    };
    const aborted = drain(httpAttempt({ requests: new InFlightRequests(), signal: caller.signal, watchdog }, hang, report));
    setTimeout(() => caller.abort(), 10);
    reasons.push(...(await aborted));
    const timedOut = drain(httpAttempt({ requests: new InFlightRequests(), signal: undefined, watchdog }, (attempt) => {
      attempt.watchdog.arm("first-byte", 10);
      return hang(attempt);
    }, report));
    reasons.push(...(await timedOut));
    expect(reasons).toEqual(["abort", "deadline first-byte"]);
  });

  it("closes the request when the consumer stops early, and dispose() (abortAll) reaches an open one", async () => {
    const requests = new InFlightRequests();
    let controller: AbortController | undefined;
    for await (const value of httpAttempt({ requests, signal: undefined, watchdog }, async function* (attempt) {
      controller = attempt.controller;
      yield 1;
      yield 2;
    }, () => [])) {
      expect(value).toBe(1);
      expect(controller?.signal.aborted).toBe(false);
      break;
    }
    expect(controller?.signal.aborted).toBe(true);

    const open = httpAttempt({ requests, signal: undefined, watchdog }, async function* (attempt) {
      controller = attempt.controller;
      yield 1;
      await new Promise((resolve) => attempt.controller.signal.addEventListener("abort", resolve, { once: true }));
    }, () => []);
    await open.next();
    requests.abortAll();
    expect(controller?.signal.aborted).toBe(true);
    await open.return(undefined);
  });
});
