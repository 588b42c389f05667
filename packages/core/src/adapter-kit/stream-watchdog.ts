import { DeadlineWatchdog } from "./deadline-watchdog.js";

/** The three timeouts of one token-streaming HTTP attempt. */
export type StreamTimeoutKind = "connect" | "first-token" | "idle";

/** The limits a {@link StreamWatchdog} enforces, in milliseconds (the adapters' option names). */
export interface StreamWatchdogLimits {
  /** Longest wait for the server to answer at all. */
  connectTimeoutMs: number;
  /** Longest wait from the start of the attempt to the first text or reasoning token. */
  firstTokenTimeoutMs: number;
  /** Longest wait for the next chunk once tokens are flowing. */
  idleTimeoutMs: number;
}

/**
 * The deadlines of a streamed LLM reply, on a {@link DeadlineWatchdog}:
 * `connect` and `first-token` run from `start()`, `idle` between chunks once
 * a token was seen. The idle timer only runs while the adapter waits on the
 * server, never while the consumer is busy with a part (backpressure is not
 * a stall). `fired` says which timeout passed.
 */
export class StreamWatchdog {
  readonly #deadlines: DeadlineWatchdog<StreamTimeoutKind>;
  readonly #limits: StreamWatchdogLimits;
  #tokenSeen = false;

  /**
   * @param controller The attempt's controller; a passed timeout aborts it, which closes the HTTP request at once.
   * @param limits The three limits (an adapter's resolved options fit as they are).
   */
  constructor(controller: AbortController, limits: StreamWatchdogLimits) {
    this.#deadlines = new DeadlineWatchdog(controller);
    this.#limits = limits;
  }

  /** The timeout that passed, if one did. */
  get fired(): StreamTimeoutKind | undefined {
    return this.#deadlines.fired;
  }

  /** Starts the first-token deadline (and the connect deadline). */
  start(): void {
    this.#deadlines.arm("first-token", this.#limits.firstTokenTimeoutMs);
    this.#deadlines.arm("connect", this.#limits.connectTimeoutMs);
  }

  /** The server answered (status and headers, or a probe reply): the connect deadline no longer applies. */
  connected(): void {
    this.#deadlines.disarm("connect");
  }

  /** A chunk arrived: stop the idle timer until the adapter waits again; a token also ends the first-token deadline. */
  received(hasToken: boolean): void {
    this.#deadlines.disarm("idle");
    if (hasToken && !this.#tokenSeen) {
      this.#tokenSeen = true;
      this.#deadlines.disarm("first-token");
    }
  }

  /** The adapter waits on the server again: run the idle timer (once tokens flow). */
  waiting(): void {
    if (this.#tokenSeen) this.#deadlines.arm("idle", this.#limits.idleTimeoutMs);
  }

  /** The limit, in milliseconds, of a timeout kind. */
  limitOf(kind: StreamTimeoutKind): number {
    return kind === "connect" ? this.#limits.connectTimeoutMs : kind === "first-token" ? this.#limits.firstTokenTimeoutMs : this.#limits.idleTimeoutMs;
  }

  /** Clears every timer. Idempotent. */
  clear(): void {
    this.#deadlines.disarm();
  }
}
