import { describe, expect, it } from "vitest";
import { isAbortError } from "@voxpipe/core";
import { PartChannel } from "./part-channel.js";
import { RequestQueue } from "./request-queue.js";

describe("RequestQueue", () => {
  it("gives turns first in, first out", async () => {
    const queue = new RequestQueue();
    const order: string[] = [];
    const first = await queue.acquire();
    const second = queue.acquire().then((release) => { order.push("second"); return release; });
    const third = queue.acquire().then((release) => { order.push("third"); return release; });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    expect(queue.size).toBe(3);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(["second", "third"]);
    expect(queue.size).toBe(0);
  });

  it("lets an aborted waiter leave at once without blocking the ones behind it", async () => {
    const queue = new RequestQueue();
    const first = await queue.acquire();
    const controller = new AbortController();
    const aborted = queue.acquire(controller.signal);
    const third = queue.acquire();
    controller.abort();
    await expect(aborted).rejects.toSatisfy(isAbortError);
    first();
    const release = await third;
    release();
    expect(queue.size).toBe(0);
  });
});

describe("PartChannel", () => {
  it("delivers pushed values in order, then ends on close", async () => {
    const channel = new PartChannel<number>();
    const seen: number[] = [];
    const reading = (async () => { for await (const value of channel) seen.push(value); })();
    channel.push(1);
    await Promise.resolve();
    channel.push(2);
    channel.push(3);
    channel.close();
    channel.push(4);
    await reading;
    expect(seen).toEqual([1, 2, 3]);
  });
});
