import type { VoxpipeError } from "../errors/voxpipe-error.js";
import { throwIfAborted } from "../util/abortable-sleep.js";
import type { ByteStreamDeadline } from "./byte-stream-deadline.js";
import type { DeadlineWatchdog } from "./deadline-watchdog.js";

export interface ReadWithStallDeadlineOptions {
  /** Armed with `"stall"` while each next read is pending, disarmed while the caller holds a chunk. */
  watchdog: DeadlineWatchdog<ByteStreamDeadline>;
  /** Longest wait for the next chunk, in ms. */
  stallMs: number;
  /** The caller's signal: an abort between chunks ends the read with an AbortError. */
  signal: AbortSignal | undefined;
  /** Turns a read failure (a dropped connection, a fired deadline) into the adapter's typed error. */
  fail: (error: unknown) => VoxpipeError;
}

/**
 * Reads a streamed HTTP body chunk by chunk under a stall deadline. The
 * deadline runs only while waiting on the server, never while the caller
 * holds a chunk, so backpressure is not mistaken for a stall. The caller
 * arms the first-byte deadline before the request and cancels the reader
 * when done.
 */
export async function* readWithStallDeadline(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  options: ReadWithStallDeadlineOptions,
): AsyncGenerator<Uint8Array> {
  for (;;) {
    let result: Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>["read"]>>;
    try {
      result = await reader.read();
    } catch (error) {
      throw options.fail(error);
    }
    if (result.done) return;
    options.watchdog.disarm();
    yield result.value;
    throwIfAborted(options.signal, "tts");
    options.watchdog.arm("stall", options.stallMs);
  }
}
