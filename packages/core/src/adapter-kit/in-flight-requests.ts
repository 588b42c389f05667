/** One tracked request: its own controller, and the way to stop tracking it. */
export interface InFlightRequest {
  /** Aborted when the caller's signal fires or the adapter is disposed; pass its `signal` to the fetch. */
  readonly controller: AbortController;
  /** Detaches from the caller's signal and stops tracking. Call it in a `finally`; it does not abort. Idempotent. */
  release(): void;
}

/**
 * The requests an adapter has open, each with an AbortController linked to
 * the caller's signal, so `dispose()` can close them all with `abortAll()`.
 */
export class InFlightRequests {
  readonly #controllers = new Set<AbortController>();

  /** Tracks a new request whose controller follows `signal` (which should not have fired yet). */
  open(signal: AbortSignal | undefined): InFlightRequest {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    this.#controllers.add(controller);
    return {
      controller,
      release: () => {
        signal?.removeEventListener("abort", onAbort);
        this.#controllers.delete(controller);
      },
    };
  }

  /** Aborts every open request and forgets them. */
  abortAll(): void {
    for (const controller of this.#controllers) controller.abort();
    this.#controllers.clear();
  }
}
