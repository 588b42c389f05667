/**
 * A single-consumer async queue with a high-water mark: `push` resolves once
 * there is room, so a producer that awaits it is paced by the consumer
 * (backpressure). `close` ends the queue; `cancel` also wakes blocked producers.
 */
export class BoundedQueue<T> {
  private readonly items: T[] = [];
  private closed = false;
  private waitingConsumer: (() => void) | undefined;
  private readonly waitingProducers: (() => void)[] = [];

  constructor(private readonly highWaterMark: number, private readonly weigh: (item: T) => number = () => 1) {}

  private weight = 0;

  get size(): number {
    return this.weight;
  }

  /** Adds an item; resolves when the queue is below its high-water mark (or closed). */
  async push(item: T): Promise<void> {
    if (this.closed) return;
    this.items.push(item);
    this.weight += this.weigh(item);
    this.waitingConsumer?.();
    while (!this.closed && this.weight > this.highWaterMark) {
      await new Promise<void>((resolve) => this.waitingProducers.push(resolve));
    }
  }

  /** The next item, or undefined once the queue is closed and drained. */
  async shift(): Promise<T | undefined> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        this.weight -= this.weigh(item);
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
    this.weight = 0;
    this.close();
  }

  private wakeProducers(): void {
    for (const wake of this.waitingProducers.splice(0)) wake();
  }
}
