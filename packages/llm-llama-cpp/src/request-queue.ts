import { AbortError } from "@voxpipe/core";

/**
 * First-in, first-out turns on the one context sequence: a request waits for
 * the one before it to finish. A waiting request whose signal fires leaves
 * the queue at once (with an `AbortError`).
 */
export class RequestQueue {
  #tail: Promise<void> = Promise.resolve();
  #waiting = 0;

  /** Requests queued or running. */
  get size(): number {
    return this.#waiting;
  }

  /** Waits for this request's turn; call the returned function when done. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => done);
    this.#waiting++;
    const finish = () => {
      this.#waiting--;
      release();
    };
    if (!signal) {
      await previous;
      return finish;
    }
    try {
      await new Promise<void>((resolve, reject) => {
        if (signal.aborted) return reject(new AbortError("llm"));
        const onAbort = () => reject(new AbortError("llm"));
        signal.addEventListener("abort", onAbort, { once: true });
        previous.then(() => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        }, reject);
      });
    } catch (error) {
      finish(); // our turn passes straight on once the ones before us are done
      throw error;
    }
    return finish;
  }
}
