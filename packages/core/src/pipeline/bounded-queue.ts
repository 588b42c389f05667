/**
 * A single-consumer async queue with a high-water mark: `push` resolves once
 * there is room, so a producer that awaits it is paced by the consumer
 * (backpressure). `close` ends the queue; `cancel` also drops what is queued
 * and wakes everyone waiting.
 */
export class BoundedQueue<T> {
  private readonly items: T[] = [];
  private closed = false;
  private waitingConsumer: (() => void) | undefined;
  private readonly waitingProducers: (() => void)[] = [];

  constructor(private readonly highWaterMark: number) {}

  /** Adds an item; resolves when the queue is below its high-water mark (or closed). */
  async push(item: T): Promise<void> {
    if (this.closed) return;
    this.items.push(item);
    this.waitingConsumer?.();
    while (!this.closed && this.items.length > this.highWaterMark) {
      await new Promise<void>((resolve) => this.waitingProducers.push(resolve));
    }
  }

  /** The next item, or undefined once the queue is closed and drained. */
  async shift(): Promise<T | undefined> {
    for (;;) {
      if (this.items.length > 0) {
        const item = this.items.shift() as T;
        this.wakeProducers();
        return item;
      }
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => {
        this.waitingConsumer = resolve;
      });
      this.waitingConsumer = undefined;
    }
  }

  /** No more items will be pushed; the consumer drains what is there. */
  close(): void {
    this.closed = true;
    this.waitingConsumer?.();
    this.wakeProducers();
  }

  /** Closes and drops everything queued. */
  cancel(): void {
    this.items.length = 0;
    this.close();
  }

  private wakeProducers(): void {
    if (this.waitingProducers.length === 0) return;
    for (const wake of this.waitingProducers.splice(0)) wake();
  }
}
