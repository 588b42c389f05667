/**
 * Aborts a request's controller when a wait on the network runs too long.
 * Each deadline has a kind (a name the adapter chooses, e.g. `"first-byte"`
 * or `"idle"`); several kinds may run at once. The first deadline to pass
 * aborts the controller and is kept in `fired`; none fires once the
 * controller was aborted for another reason (a user abort, `dispose()`).
 *
 * Arm deadlines only around network waits, never while the consumer holds a
 * chunk, so a slow consumer (backpressure) is not mistaken for a stalled server.
 */
export class DeadlineWatchdog<Kind extends string> {
  readonly #controller: AbortController;
  readonly #timers = new Map<Kind, ReturnType<typeof setTimeout>>();
  #fired: Kind | undefined;

  /** @param controller The controller of the request's fetch; aborting it closes the connection. */
  constructor(controller: AbortController) {
    this.#controller = controller;
  }

  /** The deadline that passed, if one did. */
  get fired(): Kind | undefined {
    return this.#fired;
  }

  /** Starts the `kind` deadline `ms` from now, replacing a running one of the same kind. */
  arm(kind: Kind, ms: number): void {
    this.disarm(kind);
    this.#timers.set(kind, setTimeout(() => this.#fire(kind), ms));
  }

  /** Stops the `kind` deadline, or every deadline when no kind is given. Idempotent. */
  disarm(kind?: Kind): void {
    if (kind === undefined) {
      for (const timer of this.#timers.values()) clearTimeout(timer);
      this.#timers.clear();
      return;
    }
    clearTimeout(this.#timers.get(kind));
    this.#timers.delete(kind);
  }

  /** Stops every deadline (the same as `disarm()`), for the end of an attempt. */
  clear(): void {
    this.disarm();
  }

  #fire(kind: Kind): void {
    this.#timers.delete(kind);
    if (this.#fired !== undefined || this.#controller.signal.aborted) return;
    this.#fired = kind;
    this.disarm();
    this.#controller.abort();
  }
}
