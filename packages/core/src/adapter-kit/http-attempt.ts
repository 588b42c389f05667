import type { InFlightRequests } from "./in-flight-requests.js";

/** The deadlines of one attempt: a `DeadlineWatchdog` or a `StreamWatchdog`. */
export interface AttemptWatchdog {
  /** The deadline that passed, if one did. */
  readonly fired: string | undefined;
  /** Stops every timer. */
  clear(): void;
}

/** One HTTP request of an adapter while it runs. */
export interface HttpAttempt<W extends AttemptWatchdog> {
  /** Aborted by the caller's signal, the adapter's `dispose()`, a passed deadline, or the end of the attempt; hand it to fetch or the SDK. */
  readonly controller: AbortController;
  /** The attempt's deadlines, built on `controller`. */
  readonly watchdog: W;
  /** True when the request was stopped by the caller's signal or `dispose()`, not by a deadline. Read it while the attempt runs or fails: once it has ended, its controller is aborted too. */
  aborted(): boolean;
}

export interface HttpAttemptOptions<W extends AttemptWatchdog> {
  /** The adapter's open requests (so `dispose()` can stop this one). */
  requests: InFlightRequests;
  /** The caller's signal. */
  signal: AbortSignal | undefined;
  /** Builds the attempt's deadlines on its controller. */
  watchdog(controller: AbortController): W;
}

/**
 * The skeleton every HTTP adapter's request shares: a tracked controller
 * linked to the caller's signal, deadlines on it, `body` run under them, a
 * failure handed to `onFailure` (which yields what the attempt reports, e.g.
 * an `error` part, or throws the adapter's error), and, however it ends (a
 * finish, a failure, a consumer that stops early), the timers cleared, the
 * request untracked and the connection closed.
 */
export async function* httpAttempt<T, W extends AttemptWatchdog>(
  options: HttpAttemptOptions<W>,
  body: (attempt: HttpAttempt<W>) => AsyncIterable<T>,
  onFailure: (error: unknown, attempt: HttpAttempt<W>) => Iterable<T>,
): AsyncGenerator<T> {
  const { controller, release } = options.requests.open(options.signal);
  const watchdog = options.watchdog(controller);
  const attempt: HttpAttempt<W> = {
    controller,
    watchdog,
    aborted: () => options.signal?.aborted === true || (controller.signal.aborted && watchdog.fired === undefined),
  };
  try {
    yield* body(attempt);
  } catch (error) {
    yield* onFailure(error, attempt);
  } finally {
    watchdog.clear();
    release();
    controller.abort();
  }
}
