import type { Pool } from 'pg';
import type { WebhookTarget } from '../domain/webhook-subscriptions';
import type { KoppelingMetrics } from '../lib/metrics';
import type { HealthStore } from '../store/health-store';
import type { TenantStore } from '../store/tenant-store';

/** Where the external systems live for this deployment; the per-tenant secrets come from the store. */
export interface Endpoints {
  snelstart: { apiUrl: string; tokenUrl: string; subscriptionKey: string };
  tribe: { apiUrl: string; tokenUrl: string };
}

export interface ActivityDependencies {
  pool: Pool;
  tenants: TenantStore;
  health: HealthStore;
  endpoints: Endpoints;
  now: () => Date;
  /** Prometheus metrics of this process (API calls, records synced, failures, lag). */
  metrics?: KoppelingMetrics;
  /** Starts (or joins) the booking workflow of each Tribe invoice or sales order; ids only, no secrets. */
  startDocumentBookings?: (
    tenantId: string,
    kind: 'invoice' | 'sales_order',
    tribeIds: string[],
  ) => Promise<void>;
  /** Where this deployment receives Tribe's webhooks (null while unknown or when it has none). */
  webhookTarget?: () => WebhookTarget | null;
}
