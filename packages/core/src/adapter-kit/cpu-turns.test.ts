import { describe, expect, it } from "vitest";
import { CpuTurns, TURN_BUDGET_MS } from "./cpu-turns.js";

const busy = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe("CpuTurns", () => {
  it("in order, and a turn of the event loop ends once its budget is spent: a timer due meanwhile fires between pieces of work, not after all of them", async () => {
    const turns = new CpuTurns();
    const order: number[] = [];
    let timerFiredAfter = -1;
    setTimeout(() => (timerFiredAfter = order.length), 1);
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        await turns.next();
        order.push(i);
        busy(2); // one engine call
      }),
    );
    expect(order).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(timerFiredAfter).toBeGreaterThanOrEqual(0);
    expect(timerFiredAfter).toBeLessThan(TURN_BUDGET_MS); // 2 ms pieces: about 5 to a turn
  });

  it("many short pieces of work share a turn of the event loop", async () => {
    const turns = new CpuTurns();
    let loopTurns = 0;
    let counting = true;
    const tick = (): void => {
      loopTurns++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    await Promise.all(Array.from({ length: 1000 }, () => turns.next()));
    counting = false;
    expect(loopTurns).toBeLessThan(50);
  });

  it("first turns go before the others waiting; an aborted waiter is let go at once", async () => {
    const turns = new CpuTurns();
    const order: string[] = [];
    const controller = new AbortController();
    const waits = [
      turns.next().then(() => order.push("later 1")),
      turns.next({ signal: controller.signal }).then(() => order.push("aborted")),
      turns.next().then(() => order.push("later 2")),
      turns.next({ first: true }).then(() => order.push("first")),
    ];
    controller.abort();
    await Promise.all(waits);
    expect(order).toEqual(["aborted", "first", "later 1", "later 2"]);
    expect(turns.waiting).toBe(0);
  });
});
