import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The external systems the engine calls. */
export type ExternalSystem = 'snelstart' | 'tribe';

/** Which way a record travelled; `two-way` for a cycle's totals over both directions. */
export type SyncDirection = 'snelstart-to-tribe' | 'tribe-to-snelstart' | 'two-way';

/** What happened to one record in one sync pass. */
export type SyncOutcome = 'created' | 'updated' | 'matched' | 'skipped' | 'failed' | 'conflict';

export interface RecordSyncedLabels {
  tenant: string;
  entity: string;
  direction: SyncDirection;
  outcome: SyncOutcome;
}

export interface ApiCallLabels {
  system: ExternalSystem;
  method: string;
  /** The HTTP status code, or `network-error` when no response arrived. */
  status: number | 'network-error';
}

/**
 * The Prometheus metrics of one process. Each instance owns its registry, so tests and several
 * processes in one test run never share counters.
 */
export class KoppelingMetrics {
  readonly registry: Registry;
  private readonly recordsSynced: Counter<'tenant' | 'entity' | 'direction' | 'outcome'>;
  private readonly recordFailures: Counter<'tenant' | 'entity'>;
  private readonly apiCalls: Counter<'system' | 'method' | 'status'>;
  private readonly apiCallDuration: Histogram<'system'>;
  private readonly rateLimited: Counter<'system'>;
  private readonly syncLag: Gauge<'tenant'>;
  private readonly lastSyncedAt = new Map<string, number>();

  constructor(options: { defaultMetrics?: boolean } = {}) {
    this.registry = new Registry();
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];

    this.recordsSynced = new Counter({
      name: 'koppeling_records_synced_total',
      help: 'Records processed by the sync, by tenant, entity, direction and outcome.',
      labelNames: ['tenant', 'entity', 'direction', 'outcome'],
      registers,
    });
    this.recordFailures = new Counter({
      name: 'koppeling_record_failures_total',
      help: 'Records that failed and were stored for an operator to inspect and retry.',
      labelNames: ['tenant', 'entity'],
      registers,
    });
    this.apiCalls = new Counter({
      name: 'koppeling_api_calls_total',
      help: 'Calls made to SnelStart and Tribe, by HTTP method and response status.',
      labelNames: ['system', 'method', 'status'],
      registers,
    });
    this.apiCallDuration = new Histogram({
      name: 'koppeling_api_call_duration_seconds',
      help: 'Duration of calls to SnelStart and Tribe.',
      labelNames: ['system'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'koppeling_rate_limited_total',
      help: 'Responses with HTTP 429 that were waited out.',
      labelNames: ['system'],
      registers,
    });
    const lastSyncedAt = this.lastSyncedAt;
    this.syncLag = new Gauge({
      name: 'koppeling_sync_lag_seconds',
      help: 'Seconds since the tenant last completed a sync cycle on this worker, as of the scrape.',
      labelNames: ['tenant'],
      registers,
      collect() {
        const now = Date.now();
        for (const [tenant, at] of lastSyncedAt) this.set({ tenant }, Math.max(0, (now - at) / 1000));
      },
    });
  }

  recordSynced(labels: RecordSyncedLabels, count = 1): void {
    this.recordsSynced.inc({ ...labels }, count);
  }

  recordFailed(labels: { tenant: string; entity: string }, count = 1): void {
    this.recordFailures.inc({ ...labels }, count);
  }

  /** Counts one finished call and observes its duration. */
  apiCallFinished(labels: ApiCallLabels, durationSeconds: number): void {
    this.apiCalls.inc({ system: labels.system, method: labels.method.toUpperCase(), status: labels.status });
    this.apiCallDuration.observe({ system: labels.system }, durationSeconds);
  }

  rateLimitHit(system: ExternalSystem): void {
    this.rateLimited.inc({ system });
  }

  /** The tenant finished a cycle (initial or incremental) at `at`; its lag grows from there until the next. */
  syncCompleted(tenant: string, at = Date.now()): void {
    this.lastSyncedAt.set(tenant, at);
  }

  /** Drops a tenant's lag series, e.g. after deactivation, so dashboards stop showing it. */
  forgetTenant(tenant: string): void {
    this.lastSyncedAt.delete(tenant);
    this.syncLag.remove({ tenant });
  }
}

export function createMetrics(options?: { defaultMetrics?: boolean }): KoppelingMetrics {
  return new KoppelingMetrics(options);
}
