export interface TribeRetryOptions {
  /** Tries of a GET that fails with a 5xx or a network error (first try included). Default 4. */
  readonly getAttempts?: number;
  /** First back-off delay; doubles per retry, with jitter. Default 250 ms. */
  readonly baseDelayMs?: number;
  /** Longest Retry-After the client waits out itself; a longer one is thrown to the caller. Default 60 s. */
  readonly maxRetryAfterMs?: number;
  /** 429s waited out per call before giving up. Default 5. */
  readonly rateLimitRetries?: number;
}

export type RetryPolicy = Required<TribeRetryOptions>;

export function retryPolicy(options: TribeRetryOptions = {}): RetryPolicy {
  return {
    getAttempts: options.getAttempts ?? 4,
    baseDelayMs: options.baseDelayMs ?? 250,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    rateLimitRetries: options.rateLimitRetries ?? 5,
  };
}

/** Exponential back-off with ±50 % jitter, capped at 8 s. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const delay = Math.min(8000, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(delay * (0.5 + Math.random()));
}

/** Retry-After as seconds or an HTTP date; one second when absent or unreadable. */
export function parseRetryAfter(header: unknown, now: number = Date.now()): number {
  if (typeof header !== 'string' || header.trim() === '') return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}
