import { ApiError } from "./api-error.js";

/** Counts each client's open streams and refuses one over the limit with a 429 and Retry-After. */
export class StreamLimiter {
  private readonly open = new Map<string, number>();

  constructor(
    private readonly maxPerClient: number,
    private readonly retryAfterSeconds: number,
  ) {}

  /** Takes a slot for `client`; returns the function that gives it back (safe to call twice). */
  acquire(client: string): () => void {
    const count = this.open.get(client) ?? 0;
    if (count >= this.maxPerClient) {
      throw new ApiError(429, "rate_limit_error", "too_many_streams", `this API key already has ${count} streams open (server.limits.maxStreamsPerKey is ${this.maxPerClient}); retry when one ends`, null, {
        "retry-after": String(this.retryAfterSeconds),
      });
    }
    this.open.set(client, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(client) ?? 1) - 1;
      if (left <= 0) this.open.delete(client);
      else this.open.set(client, left);
    };
  }

  /** Streams open across all clients. */
  get total(): number {
    let sum = 0;
    for (const count of this.open.values()) sum += count;
    return sum;
  }
}
