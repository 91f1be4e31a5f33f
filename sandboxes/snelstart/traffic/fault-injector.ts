import { seededRandom } from './seeded-random';

/** Failures to inject into API calls; every rate is a probability per call (0..1). */
export interface FaultSettings {
  /** Answer 500/502/503 before doing anything. */
  serverErrorRate: number;
  /** Destroy the socket without answering, before doing anything. */
  dropConnectionRate: number;
  /** Writes only: apply the write, then destroy the socket instead of answering. */
  lostResponseRate: number;
  /** Reads only: send the headers and half of the body, then destroy the socket. */
  truncatedResponseRate: number;
  /** Answer 429 although the administration is within its limits. */
  rateLimitRate: number;
  /** `Retry-After` of a forced 429, in seconds. */
  rateLimitRetryAfterSeconds: number;
  /** Delay added to every call, plus up to `latencyJitterMs` more. */
  latencyMs: number;
  latencyJitterMs: number;
  /** Makes the sequence of decisions repeatable; unseeded faults use Math.random. */
  seed?: number;
}

export const NO_FAULTS: FaultSettings = {
  serverErrorRate: 0,
  dropConnectionRate: 0,
  lostResponseRate: 0,
  truncatedResponseRate: 0,
  rateLimitRate: 0,
  rateLimitRetryAfterSeconds: 1,
  latencyMs: 0,
  latencyJitterMs: 0,
};

export type FaultKind =
  'none' | 'rate-limit' | 'server-error' | 'drop-connection' | 'lost-response' | 'truncated-response';

export interface FaultDecision {
  kind: FaultKind;
  latencyMs: number;
  /** For server errors: the status to answer. */
  status?: number;
}

const SERVER_ERROR_STATUSES = [500, 502, 503];

/**
 * Decides per call which fault (at most one) to inject. One draw splits [0,1) into consecutive bands
 * (forced 429, 5xx, dropped connection, lost response, truncated response), so a seed replays the same faults for the
 * same sequence of calls.
 */
export class FaultInjector {
  private current: FaultSettings = { ...NO_FAULTS };
  private random: () => number = Math.random;

  constructor(settings: Partial<FaultSettings> = {}) {
    this.update(settings);
  }

  get settings(): FaultSettings {
    return { ...this.current };
  }

  get active(): boolean {
    const s = this.current;
    return (
      s.serverErrorRate +
        s.dropConnectionRate +
        s.lostResponseRate +
        s.truncatedResponseRate +
        s.rateLimitRate +
        s.latencyMs +
        s.latencyJitterMs >
      0
    );
  }

  update(settings: Partial<FaultSettings>): void {
    for (const key of [
      'serverErrorRate',
      'dropConnectionRate',
      'lostResponseRate',
      'truncatedResponseRate',
      'rateLimitRate',
    ] as const) {
      const rate = settings[key];
      if (rate !== undefined && !(rate >= 0 && rate <= 1))
        throw new RangeError(`${key} must be between 0 and 1`);
    }
    this.current = { ...this.current, ...settings };
    if (settings.seed !== undefined) this.random = seededRandom(settings.seed);
  }

  decide(isWrite: boolean): FaultDecision {
    const s = this.current;
    const latencyMs =
      s.latencyMs + (s.latencyJitterMs > 0 ? Math.round(this.random() * s.latencyJitterMs) : 0);
    const draw = this.random();
    let band = s.rateLimitRate;
    if (draw < band) return { kind: 'rate-limit', latencyMs };
    band += s.serverErrorRate;
    if (draw < band) {
      const status = SERVER_ERROR_STATUSES[
        Math.floor(this.random() * SERVER_ERROR_STATUSES.length)
      ] as number;
      return { kind: 'server-error', latencyMs, status };
    }
    band += s.dropConnectionRate;
    if (draw < band) return { kind: 'drop-connection', latencyMs };
    band += s.lostResponseRate;
    if (draw < band) return { kind: isWrite ? 'lost-response' : 'none', latencyMs };
    band += s.truncatedResponseRate;
    if (draw < band) return { kind: isWrite ? 'none' : 'truncated-response', latencyMs };
    return { kind: 'none', latencyMs };
  }
}
