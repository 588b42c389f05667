/** The three timeouts of one HTTP attempt. */
export type TimeoutKind = "connect" | "first-token" | "idle";

/** The limits the watchdog enforces, in milliseconds. */
export interface WatchdogLimits {
  /** Longest wait for the server to answer at all. */
  connectTimeoutMs: number;
  /** Longest wait from the start of the attempt to the first text or reasoning token. */
  firstTokenTimeoutMs: number;
  /** Longest wait for the next chunk once tokens are flowing. */
  idleTimeoutMs: number;
}

/**
 * Enforces the timeouts of one attempt by aborting its controller, which
 * closes the HTTP request at once. `fired` says which timeout passed. The idle
 * timer only runs while the adapter waits on the server, never while the
 * consumer is busy with a part (backpressure is not a stall).
 */
export class StreamWatchdog {
  fired: TimeoutKind | undefined;
  readonly #controller: AbortController;
  readonly #limits: WatchdogLimits;
  #connectTimer: NodeJS.Timeout | undefined;
  #firstTokenTimer: NodeJS.Timeout | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  #tokenSeen = false;

  constructor(controller: AbortController, limits: WatchdogLimits) {
    this.#controller = controller;
    this.#limits = limits;
  }

  /** Starts the first-token deadline (and the connect deadline). */
  start(): void {
    this.#firstTokenTimer = setTimeout(() => this.#fire("first-token"), this.#limits.firstTokenTimeoutMs);
    this.#connectTimer = setTimeout(() => this.#fire("connect"), this.#limits.connectTimeoutMs);
  }

  /** The server answered (status and headers, or a probe reply): the connect deadline no longer applies. */
  connected(): void {
    clearTimeout(this.#connectTimer);
  }

  /** A chunk arrived: stop the idle timer until the adapter waits again; a token also ends the first-token deadline. */
  received(hasToken: boolean): void {
    clearTimeout(this.#idleTimer);
    if (hasToken && !this.#tokenSeen) {
      this.#tokenSeen = true;
      clearTimeout(this.#firstTokenTimer);
    }
  }

  /** The adapter waits on the server again: run the idle timer (once tokens flow). */
  waiting(): void {
    if (this.#tokenSeen) this.#idleTimer = setTimeout(() => this.#fire("idle"), this.#limits.idleTimeoutMs);
  }

  /** The limit, in milliseconds, of a timeout kind. */
  limitOf(kind: TimeoutKind): number {
    return kind === "connect" ? this.#limits.connectTimeoutMs : kind === "first-token" ? this.#limits.firstTokenTimeoutMs : this.#limits.idleTimeoutMs;
  }

  /** Clears every timer. Idempotent. */
  clear(): void {
    clearTimeout(this.#connectTimer);
    clearTimeout(this.#firstTokenTimer);
    clearTimeout(this.#idleTimer);
  }

  #fire(kind: TimeoutKind): void {
    if (this.fired || this.#controller.signal.aborted) return;
    this.fired = kind;
    this.clear();
    this.#controller.abort();
  }
}
