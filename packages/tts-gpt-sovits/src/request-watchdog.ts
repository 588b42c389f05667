/** Which wait ran too long: the first audio byte, or the next chunk after audio started. */
export type DeadlineKind = "first-byte" | "stall";

/**
 * Aborts a request's controller when a wait on the network runs too long.
 * Arm it only around network waits, never while the consumer holds a chunk,
 * so a slow consumer (backpressure) is never mistaken for a stalled server.
 */
export class RequestWatchdog {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #fired: DeadlineKind | undefined;
  readonly #controller: AbortController;

  constructor(controller: AbortController) {
    this.#controller = controller;
  }

  /** The deadline that fired, if one did. */
  get fired(): DeadlineKind | undefined {
    return this.#fired;
  }

  arm(kind: DeadlineKind, ms: number): void {
    this.disarm();
    this.#timer = setTimeout(() => {
      this.#fired = kind;
      this.#controller.abort();
    }, ms);
  }

  disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
