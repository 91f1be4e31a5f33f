import { RateLimiter, type RateLimiterConfig } from './rate-limiter';

const limiters = new Map<string, RateLimiter>();

/**
 * The one limiter for `key` (e.g. a tenant id) in this process, so every client instance that talks to
 * the same administration shares its budget. Passing new limits reconfigures the shared limiter.
 */
export function sharedRateLimiter(key: string, config: RateLimiterConfig): RateLimiter {
  const existing = limiters.get(key);
  if (existing) {
    existing.configure(config);
    return existing;
  }
  const limiter = new RateLimiter(config);
  limiters.set(key, limiter);
  return limiter;
}

/** The limiter already shared under `key`, if any client made one. */
export function existingRateLimiter(key: string): RateLimiter | undefined {
  return limiters.get(key);
}

/** Forgets the limiter for `key` (a deactivated tenant). */
export function dropSharedRateLimiter(key: string): void {
  limiters.delete(key);
}
