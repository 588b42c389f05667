/**
 * Counts events in a sliding window: `record()` says whether the count in the
 * last `windowMs` is still within `max`. Holds at most `max + 1` timestamps.
 */
export class RateWindow {
  private readonly times: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records one event; false once more than `max` fell within the window. */
  record(): boolean {
    const now = this.now();
    while (this.times.length > 0 && now - this.times[0]! >= this.windowMs) this.times.shift();
    this.times.push(now);
    if (this.times.length > this.max + 1) this.times.shift();
    return this.times.length <= this.max;
  }
}
