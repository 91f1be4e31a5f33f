/**
 * The start times of the calls made within the last `windowMs`. A call fits while fewer than `limit`
 * of them remain inside the window. The sandbox enforces its limits with it and the client paces itself
 * with it, so both sides count a window the same way.
 */
export class SlidingWindowLog {
  private times: number[] = [];
  private head = 0;

  constructor(
    public limit: number,
    public windowMs: number,
  ) {}

  /** Calls still inside the window at `now`. */
  count(now: number): number {
    this.evict(now);
    return this.times.length - this.head;
  }

  /** How long until one more call fits (0 when it fits now). */
  waitMs(now: number): number {
    const inWindow = this.count(now);
    if (inWindow < this.limit) return 0;
    // The call that has to age out before one more fits.
    const blocking = this.times[this.head + inWindow - this.limit] as number;
    return Math.max(1, blocking + this.windowMs - now);
  }

  record(now: number): void {
    this.times.push(now);
  }

  private evict(now: number): void {
    const cutoff = now - this.windowMs;
    while (this.head < this.times.length && (this.times[this.head] as number) <= cutoff) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}
