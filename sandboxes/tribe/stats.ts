export interface TenantCallStats {
  /** API requests (OData and webhook management) that passed authentication. */
  requests: number;
  byMethod: Record<string, number>;
  byEntitySet: Record<string, number>;
  tokensIssued: number;
  webhookDeliveries: { succeeded: number; failed: number };
}

export interface TribeSandboxStats {
  tenants: Record<string, TenantCallStats>;
  faults: { dropped: number; rateLimited: number; serverErrors: number; lostWrites: number };
}

/** Call counters per tenant (clientId), for benchmarks and tests. */
export class StatsCollector {
  private tenants = new Map<string, TenantCallStats>();

  request(clientId: string, method: string, entitySet: string | undefined): void {
    const stats = this.of(clientId);
    stats.requests++;
    stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1;
    if (entitySet) stats.byEntitySet[entitySet] = (stats.byEntitySet[entitySet] ?? 0) + 1;
  }

  tokenIssued(clientId: string): void {
    this.of(clientId).tokensIssued++;
  }

  webhookDelivery(clientId: string, succeeded: boolean): void {
    const deliveries = this.of(clientId).webhookDeliveries;
    if (succeeded) deliveries.succeeded++;
    else deliveries.failed++;
  }

  snapshot(): Record<string, TenantCallStats> {
    return structuredClone(Object.fromEntries(this.tenants));
  }

  reset(): void {
    this.tenants = new Map();
  }

  private of(clientId: string): TenantCallStats {
    let stats = this.tenants.get(clientId);
    if (!stats) {
      stats = {
        requests: 0,
        byMethod: {},
        byEntitySet: {},
        tokensIssued: 0,
        webhookDeliveries: { succeeded: 0, failed: 0 },
      };
      this.tenants.set(clientId, stats);
    }
    return stats;
  }
}
