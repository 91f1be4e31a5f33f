export interface RequestCounters {
  /** API calls that reached this administration (authenticated), whatever their outcome. */
  calls: number;
  /** Calls per method and route, e.g. `GET /relaties` or `PUT /relaties/{id}`. */
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  /** 429 answers: limits exceeded plus forced ones. */
  rateLimited: number;
  faults: {
    serverErrors: number;
    droppedConnections: number;
    lostResponses: number;
    truncatedResponses: number;
    forcedRateLimits: number;
  };
  tokensIssued: number;
  peakConcurrent: number;
}

/** Per-administration request counters, read by benchmarks and tests. */
export class RequestStats {
  private counters = emptyCounters();

  call(route: string): void {
    this.counters.calls++;
    this.counters.byRoute[route] = (this.counters.byRoute[route] ?? 0) + 1;
  }

  answered(status: number): void {
    this.counters.byStatus[status] = (this.counters.byStatus[status] ?? 0) + 1;
    if (status === 429) this.counters.rateLimited++;
  }

  fault(kind: keyof RequestCounters['faults']): void {
    this.counters.faults[kind]++;
  }

  tokenIssued(): void {
    this.counters.tokensIssued++;
  }

  snapshot(peakConcurrent: number): RequestCounters {
    const c = this.counters;
    return {
      ...c,
      byRoute: { ...c.byRoute },
      byStatus: { ...c.byStatus },
      faults: { ...c.faults },
      peakConcurrent,
    };
  }

  reset(): void {
    this.counters = emptyCounters();
  }
}

function emptyCounters(): RequestCounters {
  return {
    calls: 0,
    byRoute: {},
    byStatus: {},
    rateLimited: 0,
    faults: {
      serverErrors: 0,
      droppedConnections: 0,
      lostResponses: 0,
      truncatedResponses: 0,
      forcedRateLimits: 0,
    },
    tokensIssued: 0,
    peakConcurrent: 0,
  };
}
