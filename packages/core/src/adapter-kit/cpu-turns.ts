interface Waiter {
  resolve: () => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** CPU time one turn of the event loop gives to waiting work before timers and I/O run again, in ms. */
export const TURN_BUDGET_MS = 10;

/**
 * Turns at the CPU for synchronous work in one process (an in-process
 * engine's calls, encoding audio): in each turn of the event loop, waiting
 * pieces of work go one after another until TURN_BUDGET_MS is spent (one
 * long piece, or many short ones), then timers and I/O run.
 *
 * Work done in promise callbacks never lets the event loop turn while more
 * of it is ready: with many streams at once, one engine call or one
 * encoded chunk after another held timers and sockets back for seconds
 * (measured: 2–3 s stalls with 35 eSpeak NG streams through one server),
 * so new requests went unread and first audio unsent. Taking a turn before
 * each piece of work bounds every stall to one piece, and `first` turns (a
 * request's first call, a stream's audio before its first bytes went out) go
 * before the others, so a new stream's first audio does not wait for every
 * other stream's next piece.
 */
export class CpuTurns {
  private readonly first: Waiter[] = [];
  private readonly later: Waiter[] = [];
  private scheduled = false;
  private turnStartedAt = 0;

  /** Resolves at the caller's turn (in order, `first` ones before the rest; never in the same microtask); at once when `signal` fires, so a stopped request never waits. */
  next(options: { first?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    const { signal } = options;
    if (signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const queue = options.first ? this.first : this.later;
      const waiter: Waiter = {
        resolve,
        signal,
        onAbort: () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          resolve();
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      queue.push(waiter);
      this.schedule();
    });
  }

  /** Callers waiting for a turn. */
  get waiting(): number {
    return this.first.length + this.later.length;
  }

  private schedule(): void {
    if (this.scheduled || this.waiting === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.turnStartedAt = performance.now();
      this.grant();
    });
  }

  /** Lets the next waiter go; once its synchronous work is done, the next one, until the turn's budget is spent. */
  private grant(): void {
    const waiter = this.first.shift() ?? this.later.shift();
    if (!waiter) return;
    waiter.signal?.removeEventListener("abort", waiter.onAbort);
    waiter.resolve();
    // Queued behind the waiter's continuation: runs once the work it was waiting to do has run.
    queueMicrotask(() => {
      if (this.waiting === 0) return;
      if (performance.now() - this.turnStartedAt < TURN_BUDGET_MS) this.grant();
      // Queued while the event loop runs its immediates, so the next turn comes after timers and I/O.
      else this.schedule();
    });
  }
}

/** The turns this process's synchronous work shares: eSpeak NG's engine calls, the voice server's audio encoding. */
export const processCpuTurns = new CpuTurns();
