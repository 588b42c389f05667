import type { Duplex } from "node:stream";

/** When held writes go out. */
export type FlushAt =
  /** Once the current callback's microtasks have run: Node's `cork()` idiom, no added wait. */
  | "tick"
  /** After the rest of this event-loop turn's I/O callbacks (`setImmediate`). */
  | "immediate";

/**
 * Coalesces the WebSocket frames a session writes in one go into one write
 * on its TCP socket (`ws` writes every frame, header and payload, with its own
 * syscall otherwise).
 *
 * `hold("tick")` before sending pipeline events: the events one backend
 * callback produces (e.g. `text-delta` and `segment`, or audio and
 * `segment-end`) leave together, right after that callback.
 *
 * `hold("immediate")` while handling a message from the page: the reply
 * (`run-start`, `protocol-error`) waits until every message that arrived in
 * the same turn has been handled. In a burst of 100 `run`s, every run starts
 * its backends first; at ~20 µs a syscall, answering each one inline put
 * ~2 ms of writes in front of the last run's start.
 */
export class WriteBatcher {
  private held = false;
  private readonly release = (): void => {
    this.held = false;
    this.socket.uncork();
  };

  /** `socket`: the connection under the WebSocket (the `upgrade` event's socket). */
  constructor(private readonly socket: Pick<Duplex, "cork" | "uncork">) {}

  /** Holds this socket's writes until `flushAt`. While already held, the first request's moment stands. */
  hold(flushAt: FlushAt): void {
    if (this.held) return;
    this.held = true;
    this.socket.cork();
    if (flushAt === "tick") process.nextTick(this.release);
    else setImmediate(this.release);
  }
}
