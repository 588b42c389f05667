/**
 * A one-consumer async queue: a callback-driven producer (llama.cpp's
 * `onTextChunk`) pushes values, `for await` takes them in order, and `close`
 * ends the iteration after everything pushed so far.
 */
export class PartChannel<T> implements AsyncIterable<T> {
  #buffer: T[] = [];
  #closed = false;
  #wake: (() => void) | undefined;

  push(value: T): void {
    if (this.#closed) return;
    this.#buffer.push(value);
    this.#signal();
  }

  /** Ends the channel; values already pushed are still delivered. */
  close(): void {
    this.#closed = true;
    this.#signal();
  }

  #signal(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      while (this.#buffer.length > 0) yield this.#buffer.shift() as T;
      if (this.#closed) return;
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}
