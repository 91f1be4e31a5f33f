import { SlidingWindowLog } from './sliding-window-log';

/** A tenant's call budget; `null` switches that limit off. */
export interface RateLimits {
  perMinute: number | null;
  perHour: number | null;
  concurrent: number | null;
}

export interface RateLimiterConfig extends RateLimits {
  /** Window lengths; tests shorten them so a "minute" passes in seconds. */
  minuteMs?: number;
  hourMs?: number;
  /**
   * Added to each window so calls that reach the server later than they left (network jitter) still
   * land in the server's window. Defaults to 2% of the window, at most 250 ms.
   */
  safetyMarginMs?: number;
  /**
   * Called every `waitTickMs` while a call waits for its turn, and once more when a wait ends, in the waiting
   * caller's async context: lets a caller show it is alive, or give up by throwing (the call then leaves the
   * queue, or hands its slot back, and `acquire` rejects with that error). Calls that need not wait skip it.
   */
  onWait?: () => void;
  /** How often `onWait` is called during a wait; defaults to 10 s. */
  waitTickMs?: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const WAIT_TICK_MS = 10_000;

interface Waiter {
  grant: (release: () => void) => void;
}

/**
 * Paces calls to one administration so it stays under the server's sliding windows without bursts:
 * starts are spaced evenly at the per-minute rate (so N calls take N ÷ rate), a sliding log per window
 * guarantees the hard limits, and a FIFO semaphore caps concurrent calls.
 */
export class RateLimiter {
  private minuteLog?: SlidingWindowLog;
  private hourLog?: SlidingWindowLog;
  private concurrent: number | null = null;
  private spacingMs = 0;
  private nextStartAt = 0;
  private pausedUntil = 0;
  private active = 0;
  private readonly queue: Waiter[] = [];
  private timer?: NodeJS.Timeout;
  private timerAt = 0;
  private onWait?: () => void;
  private waitTickMs = WAIT_TICK_MS;

  constructor(
    config: RateLimiterConfig,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.configure(config);
  }

  configure(config: RateLimiterConfig): void {
    const minuteMs = config.minuteMs ?? MINUTE_MS;
    const hourMs = config.hourMs ?? HOUR_MS;
    this.minuteLog = windowLog(this.minuteLog, config.perMinute, minuteMs, config.safetyMarginMs);
    this.hourLog = windowLog(this.hourLog, config.perHour, hourMs, config.safetyMarginMs);
    this.concurrent = config.concurrent;
    this.spacingMs = this.minuteLog ? this.minuteLog.windowMs / this.minuteLog.limit : 0;
    this.onWait = config.onWait;
    this.waitTickMs = config.waitTickMs ?? WAIT_TICK_MS;
    this.pump();
  }

  /** Calls currently running and waiting for a slot. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.queue.length };
  }

  /** Resolves when a call may start; call the returned function when it has finished. */
  /**
   * About how long a call started now would wait for its turn: behind a Retry-After, for the minute's or hour's
   * budget, and behind the calls already queued at the even spacing of starts. Waits for the concurrent limit
   * are not counted: they last as long as a running call.
   */
  get expectedWaitMs(): number {
    const now = this.now();
    return Math.max(
      0,
      this.pausedUntil - now,
      this.minuteLog?.waitMs(now) ?? 0,
      this.hourLog?.waitMs(now) ?? 0,
      this.nextStartAt - now + this.queue.length * this.spacingMs,
    );
  }

  async acquire(): Promise<() => void> {
    let granted: (() => void) | undefined;
    const waiter: Waiter = { grant: (release) => (granted = release) };
    this.queue.push(waiter);
    this.pump();
    if (granted) return granted;
    const onWait = this.onWait;
    if (!onWait) return new Promise((resolve) => (waiter.grant = resolve));

    let ticker: NodeJS.Timeout | undefined;
    const release = await new Promise<() => void>((resolve, reject) => {
      waiter.grant = resolve;
      ticker = setInterval(() => {
        try {
          onWait();
        } catch (err) {
          const index = this.queue.indexOf(waiter);
          if (index < 0) return;
          this.queue.splice(index, 1);
          reject(err);
        }
      }, this.waitTickMs);
    }).finally(() => clearInterval(ticker));
    try {
      onWait();
    } catch (err) {
      release();
      throw err;
    }
    return release;
  }

  async schedule<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Holds every new start back for `ms` (the server said Retry-After). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      if (this.concurrent !== null && this.active >= this.concurrent) return;
      const now = this.now();
      const wait = Math.max(
        this.pausedUntil - now,
        this.nextStartAt - now,
        this.minuteLog?.waitMs(now) ?? 0,
        this.hourLog?.waitMs(now) ?? 0,
      );
      if (wait > 0) {
        this.wakeAfter(wait);
        return;
      }
      const waiter = this.queue.shift() as Waiter;
      this.active++;
      this.minuteLog?.record(now);
      this.hourLog?.record(now);
      // A start a few ms late (timer granularity) must not push every later start back with it.
      const slack = Math.min(this.spacingMs / 4, 25);
      this.nextStartAt = Math.max(this.nextStartAt, now - slack) + this.spacingMs;
      let released = false;
      waiter.grant(() => {
        if (released) return;
        released = true;
        this.active--;
        this.pump();
      });
    }
  }

  private wakeAfter(ms: number): void {
    const at = this.now() + ms;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, Math.ceil(ms));
  }
}

/** The log for one window; calls already counted stay counted when only the limit changes. */
function windowLog(
  existing: SlidingWindowLog | undefined,
  limit: number | null,
  windowMs: number,
  marginMs?: number,
): SlidingWindowLog | undefined {
  if (limit === null) return undefined;
  const paddedWindowMs = windowMs + (marginMs ?? Math.min(250, windowMs * 0.02));
  if (existing && existing.windowMs === paddedWindowMs) {
    existing.limit = limit;
    return existing;
  }
  return new SlidingWindowLog(limit, paddedWindowMs);
}
