import { seededRandom } from './seeded-random';

/** Failure modes switchable at run time; rates are probabilities per API request (0..1, summing to ≤ 1). */
export interface TribeFaults {
  /** PRNG seed; the same seed and request sequence give the same faults. Default 1. */
  readonly seed?: number;
  /** Added to every API request before it is handled. */
  readonly latencyMs?: number;
  readonly serverErrorRate?: number;
  /** Status used for injected server errors. Default 503. */
  readonly serverErrorStatus?: number;
  /** The connection is destroyed before the request is handled. */
  readonly dropConnectionRate?: number;
  /** A write is applied, then the connection is destroyed instead of answered. Writes only. */
  readonly lostWriteRate?: number;
  /** 429 with a Retry-After header. */
  readonly rateLimitRate?: number;
  readonly retryAfterSeconds?: number;
  /** Stop injecting after this many faults (latency is not counted). */
  readonly maxFaults?: number;
  /** Only requests to these entity sets (`Webhook` for the webhook API) draw a fault; default all. */
  readonly entitySets?: readonly string[];
}

export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'rateLimit'; readonly retryAfterSeconds: number }
  | { readonly kind: 'serverError'; readonly status: number }
  | { readonly kind: 'loseWrite' };

export interface FaultCounts {
  dropped: number;
  rateLimited: number;
  serverErrors: number;
  lostWrites: number;
}

const NONE: FaultDecision = { kind: 'none' };

export class FaultInjector {
  private faults: TribeFaults = {};
  private random = seededRandom(1);
  private injected = 0;
  readonly counts: FaultCounts = { dropped: 0, rateLimited: 0, serverErrors: 0, lostWrites: 0 };

  get current(): TribeFaults {
    return this.faults;
  }

  get latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  /** Replaces the fault settings and restarts the PRNG and the fault budget. */
  set(faults: TribeFaults): void {
    const rates = [
      faults.serverErrorRate,
      faults.dropConnectionRate,
      faults.lostWriteRate,
      faults.rateLimitRate,
    ];
    for (const rate of rates) {
      if (rate !== undefined && !(rate >= 0 && rate <= 1))
        throw new Error('Fault rates must be between 0 and 1');
    }
    if (rates.reduce<number>((sum, rate) => sum + (rate ?? 0), 0) > 1)
      throw new Error('Fault rates add up to more than 1');
    if (
      faults.entitySets !== undefined &&
      !(Array.isArray(faults.entitySets) && faults.entitySets.every((set) => typeof set === 'string'))
    )
      throw new Error('entitySets must be a list of entity set names such as ["Webhook"]');
    this.faults = { ...faults };
    this.random = seededRandom(faults.seed ?? 1);
    this.injected = 0;
  }

  /** One draw per request decides its fate; each mode owns a slice of [0, 1). */
  decide(isWrite: boolean, entitySet?: string): FaultDecision {
    const { dropConnectionRate = 0, rateLimitRate = 0, serverErrorRate = 0, lostWriteRate = 0 } = this.faults;
    if (dropConnectionRate + rateLimitRate + serverErrorRate + lostWriteRate === 0) return NONE;
    const scope = this.faults.entitySets;
    if (scope && !(entitySet !== undefined && scope.includes(entitySet))) return NONE;
    const draw = this.random();
    if (this.faults.maxFaults !== undefined && this.injected >= this.faults.maxFaults) return NONE;
    let threshold = dropConnectionRate;
    let decision: FaultDecision = NONE;
    if (draw < threshold) decision = { kind: 'drop' };
    else if (draw < (threshold += rateLimitRate)) {
      decision = { kind: 'rateLimit', retryAfterSeconds: this.faults.retryAfterSeconds ?? 1 };
    } else if (draw < (threshold += serverErrorRate)) {
      decision = { kind: 'serverError', status: this.faults.serverErrorStatus ?? 503 };
    } else if (isWrite && draw < threshold + lostWriteRate) decision = { kind: 'loseWrite' };
    if (decision.kind !== 'none') this.injected++;
    this.count(decision);
    return decision;
  }

  private count(decision: FaultDecision): void {
    if (decision.kind === 'drop') this.counts.dropped++;
    else if (decision.kind === 'rateLimit') this.counts.rateLimited++;
    else if (decision.kind === 'serverError') this.counts.serverErrors++;
    else if (decision.kind === 'loseWrite') this.counts.lostWrites++;
  }
}
