import { describe, expect, it } from "vitest";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import type { ByteStreamDeadline } from "./byte-stream-deadline.js";
import { DeadlineWatchdog } from "./deadline-watchdog.js";
import { readWithStallDeadline } from "./read-with-stall-deadline.js";

/** A body that sends `chunks`, then stalls until the request's controller aborts it (as fetch does). */
function body(chunks: number, controller: AbortController): ReadableStreamDefaultReader<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(stream) {
      if (sent < chunks) return void stream.enqueue(new Uint8Array([sent++]));
      return new Promise<void>((_, reject) => controller.signal.addEventListener("abort", () => reject(new Error("aborted by the watchdog"))));
    },
  }).getReader();
}

const fail = (error: unknown) => new VoxpipeError({ code: "tts-timeout", stage: "tts", message: String(error) });

describe("readWithStallDeadline", () => {
  it("a caller holding a chunk longer than the deadline is not a stall", async () => {
    const controller = new AbortController();
    const watchdog = new DeadlineWatchdog<ByteStreamDeadline>(controller);
    const reader = body(2, controller);
    const seen: number[] = [];
    const reading = (async () => {
      for await (const bytes of readWithStallDeadline(reader, { watchdog, stallMs: 30, signal: undefined, fail })) {
        seen.push(bytes[0]!);
        await new Promise((resolve) => setTimeout(resolve, 80));
      }
    })();
    await expect(reading).rejects.toThrow(/aborted by the watchdog/);
    expect(seen).toEqual([0, 1]);
    expect(watchdog.fired).toBe("stall");
  });

  it("a server that stops sending ends the read with the adapter's error", async () => {
    const controller = new AbortController();
    const watchdog = new DeadlineWatchdog<ByteStreamDeadline>(controller);
    const reading = (async () => {
      for await (const _bytes of readWithStallDeadline(body(1, controller), { watchdog, stallMs: 40, signal: undefined, fail })) {
        // consume
      }
    })();
    await expect(reading).rejects.toMatchObject({ code: "tts-timeout" });
    expect(watchdog.fired).toBe("stall");
  });
});
