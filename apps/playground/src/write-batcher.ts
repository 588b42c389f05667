import type { Duplex } from "node:stream";

/** When held writes go out. */
export type FlushAt =
  /** Once the current callback's microtasks have run: Node's `cork()` idiom, no added wait. */
  | "tick"
  /** After the rest of this event-loop turn's timers and I/O callbacks (`setImmediate`). */
  | "immediate";

/**
 * Coalesces the WebSocket frames a session writes in one go into one write
 * on its TCP socket (`ws` writes every frame, header and payload, with its own
 * syscall otherwise: ~20 µs on loopback), and decides which writes may wait.
 *
 * - Audio frames: `hold("tick")`. They leave right after the callback that
 *   produced them, together with anything held before them.
 * - JSON events and replies: `hold("immediate")`. They wait until every timer
 *   and message due in this turn has been handled. When 100 sessions' backends
 *   fire at the same instant, or 100 `run`s arrive together, each session's
 *   work (cutting a segment, starting a synthesis, starting a run) then no
 *   longer waits behind the other sessions' `text-delta` or `run-start` writes.
 *
 * Order on the socket never changes: held bytes stay in the socket's buffer.
 */
export class WriteBatcher {
  /** The moment held writes go out, or undefined when nothing is held. */
  private heldUntil: FlushAt | undefined;
  /** Bumped on every release, so a superseded scheduled release does nothing. */
  private generation = 0;

  /** `socket`: the connection under the WebSocket (the `upgrade` event's socket). */
  constructor(private readonly socket: Pick<Duplex, "cork" | "uncork">) {}

  /**
   * Holds this socket's writes until `flushAt`. While already held, the sooner
   * moment wins: "tick" brings a pending "immediate" forward.
   */
  hold(flushAt: FlushAt): void {
    if (this.heldUntil === "tick" || this.heldUntil === flushAt) return;
    if (this.heldUntil === undefined) this.socket.cork();
    this.heldUntil = flushAt;
    const generation = this.generation;
    const release = (): void => {
      if (generation !== this.generation) return;
      this.generation++;
      this.heldUntil = undefined;
      this.socket.uncork();
    };
    if (flushAt === "tick") process.nextTick(release);
    else setImmediate(release);
  }
}
