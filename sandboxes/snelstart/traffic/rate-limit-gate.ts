import type { RateLimits } from '../../../api-clients/http/rate-limiter';
import { SlidingWindowLog } from '../../../api-clients/http/sliding-window-log';

export interface AdministrationLimits extends RateLimits {
  /** Window lengths; tests shorten them so a "minute" passes in seconds. */
  minuteMs?: number;
  hourMs?: number;
}

/** The "Ontwikkeling & Test" product: 100 calls/minute, 1,000/hour, 5 at a time per administration. */
export const TEST_PRODUCT_LIMITS: AdministrationLimits = { perMinute: 100, perHour: 1000, concurrent: 5 };

export type Admission =
  | { admitted: true; release: () => void }
  | { admitted: false; retryAfterSeconds: number; limit: 'minute' | 'hour' | 'concurrent' };

/**
 * Enforces one administration's limits like Azure API Management's rate-limit-by-key policy: sliding
 * windows over admitted calls (rejected calls do not count) plus a cap on calls in flight.
 */
export class RateLimitGate {
  private config: AdministrationLimits;
  private minute?: SlidingWindowLog;
  private hour?: SlidingWindowLog;
  private inFlight = 0;
  private peak = 0;

  constructor(limits: AdministrationLimits = TEST_PRODUCT_LIMITS) {
    this.config = { ...limits };
    this.rebuild();
  }

  get limits(): AdministrationLimits {
    return { ...this.config };
  }

  /** The most calls that were in flight at once since the last reset. */
  get peakConcurrent(): number {
    return this.peak;
  }

  resetPeak(): void {
    this.peak = this.inFlight;
  }

  configure(limits: Partial<AdministrationLimits>): void {
    this.config = { ...this.config, ...limits };
    this.rebuild();
  }

  tryAdmit(now: number): Admission {
    const { concurrent } = this.config;
    if (concurrent !== null && this.inFlight >= concurrent) {
      return { admitted: false, retryAfterSeconds: 1, limit: 'concurrent' };
    }
    for (const [limit, log] of [
      ['minute', this.minute],
      ['hour', this.hour],
    ] as const) {
      const wait = log?.waitMs(now) ?? 0;
      if (wait > 0) return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)), limit };
    }
    this.minute?.record(now);
    this.hour?.record(now);
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.inFlight--;
      },
    };
  }

  private rebuild(): void {
    const { perMinute, perHour, minuteMs = 60_000, hourMs = 3_600_000 } = this.config;
    this.minute = rebuildLog(this.minute, perMinute, minuteMs);
    this.hour = rebuildLog(this.hour, perHour, hourMs);
  }
}

/** Keeps the calls already counted when only the number changes, so a run-time change is not a reset. */
function rebuildLog(existing: SlidingWindowLog | undefined, limit: number | null, windowMs: number) {
  if (limit === null) return undefined;
  if (existing && existing.windowMs === windowMs) {
    existing.limit = limit;
    return existing;
  }
  return new SlidingWindowLog(limit, windowMs);
}
