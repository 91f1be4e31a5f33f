import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Worker } from '@temporalio/worker';
import type { Endpoints } from '../activities/dependencies';
import { TenantContexts } from '../activities/sync/tenant-context';
import type { WebhookTarget } from '../domain/webhook-subscriptions';
import type { Logger } from '../lib/logger';
import { createMetrics, type KoppelingMetrics } from '../lib/metrics';
import { mapWithConcurrency } from '../lib/concurrency';
import { CredentialCipher } from '../store/credential-cipher';
import { HealthStore } from '../store/health-store';
import { SyncStateStore } from '../store/sync-state-store';
import { createPool, type Pool } from '../store/pool';
import { TenantStore } from '../store/tenant-store';
import { createWorker } from '../workers/create-worker';
import { buildAdminApi } from './admin-api/build-admin-api';
import { KoppelingOperator } from './operator/koppeling-operator';
import { TenantWorkflows } from './temporal-client';

export interface KoppelingSystemOptions {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  encryptionKey: string;
  endpoints: Endpoints;
  adminToken: string;
  logger: Logger;
  /** Start a worker in this process (dev, tests); production runs workers separately. */
  /**
   * `shutdownGraceMs`: how long a stopping worker lets running activities finish before cancelling them
   * (default 10 s); tests use 0 so that stopping the worker interrupts work the way a crash does.
   */
  worker?: boolean | { maxConcurrentActivities?: number; shutdownGraceMs?: number };
  /** Serve the admin API on this host/port (0 = any free port); omit to skip it. */
  adminApi?: { host: string; port: number };
  /**
   * Tribe signs its webhooks with this secret; they point at `publicBaseUrl` (default: this process's admin
   * API). A worker without an admin API needs `publicBaseUrl` to register a tenant's role webhooks.
   */
  webhook?: { secret: string; previousSecret?: string; publicBaseUrl?: string };
}

export interface KoppelingSystem {
  pool: Pool;
  tenants: TenantStore;
  health: HealthStore;
  workflows: TenantWorkflows;
  operator: KoppelingOperator;
  metrics: KoppelingMetrics;
  contexts?: TenantContexts;
  adminApiUrl: string | null;
  worker: Worker | null;
  stop(): Promise<void>;
}

/** Wires PostgreSQL, Temporal, the worker and the admin API together; one place for every entry point. */
export async function startKoppelingSystem(options: KoppelingSystemOptions): Promise<KoppelingSystem> {
  const pool = createPool(options.databaseUrl, 30);
  const tenants = new TenantStore(pool, new CredentialCipher(options.encryptionKey));
  const health = new HealthStore(pool);
  const workflows = await TenantWorkflows.connect(
    options.temporalAddress,
    options.namespace,
    options.taskQueue,
  );
  const metrics = createMetrics();
  const syncState = new SyncStateStore(pool);
  // Once a tenant's initial sync is done it stays done: the database is not asked again for it.
  const initialSyncFinished = new Set<string>();
  const initialSyncDone = async (tenantId: string): Promise<boolean> => {
    if (initialSyncFinished.has(tenantId)) return true;
    const done = (await syncState.progress(tenantId, 'relations')).completed;
    if (done) initialSyncFinished.add(tenantId);
    return done;
  };
  const startDocumentBookings = async (
    tenantId: string,
    kind: 'invoice' | 'sales_order',
    tribeIds: string[],
  ) => {
    await mapWithConcurrency(tribeIds, 16, (tribeId) =>
      workflows.startDocumentBooking(tenantId, kind, tribeId),
    );
  };

  // A paused tenant's events still start their workflows, which decline while it is paused (the hourly safety
  // net books those documents once it is resumed); a tenant that is gone or deactivated has nothing to act on.
  const webhookTenantProblem = async (tenantId: string): Promise<string | null> => {
    const tenant = await tenants.findTenant(tenantId);
    if (!tenant) return `tenant ${tenantId} is not known`;
    if (tenant.status === 'deactivated') return `tenant ${tenantId} is deactivated`;
    return null;
  };

  let adminApiUrl: string | null = null;
  const webhook = options.webhook;
  const webhookTarget = (): WebhookTarget | null => {
    const baseUrl = webhook?.publicBaseUrl ?? adminApiUrl;
    return webhook && baseUrl
      ? { baseUrl, secret: webhook.secret, previousSecret: webhook.previousSecret }
      : null;
  };
  const operator = new KoppelingOperator({
    tenants,
    health,
    workflows,
    endpoints: options.endpoints,
    webhookTarget,
    initialSyncDone,
  });

  let worker: Worker | null = null;
  let workerRun: Promise<void> | null = null;
  let closeWorkerConnection: (() => Promise<void>) | null = null;
  let contexts: TenantContexts | undefined;
  if (options.worker) {
    const deps = {
      pool,
      tenants,
      health,
      endpoints: options.endpoints,
      now: () => new Date(),
      startDocumentBookings,
      webhookTarget,
    };
    contexts = new TenantContexts(deps);
    const created = await createWorker({
      temporalAddress: options.temporalAddress,
      namespace: options.namespace,
      taskQueue: options.taskQueue,
      maxConcurrentActivities:
        typeof options.worker === 'object' ? options.worker.maxConcurrentActivities : undefined,
      shutdownGraceMs: typeof options.worker === 'object' ? options.worker.shutdownGraceMs : undefined,
      deps,
      contexts,
    });
    worker = created.worker;
    workerRun = worker.run();
    closeWorkerConnection = () => created.connection.close();
  }

  let app: FastifyInstance | null = null;
  let stopped: Promise<void> | null = null;
  if (options.adminApi) {
    app = buildAdminApi({
      service: operator,
      token: options.adminToken,
      logger: options.logger,
      metricsRegistry: metrics.registry,
      webhook: options.webhook
        ? {
            secret: options.webhook.secret,
            previousSecret: options.webhook.previousSecret,
            onInvoiceEvent: async (tenantId, event) => {
              const kind = event.payload.entityType === 'Activity.SalesOrder' ? 'sales_order' : 'invoice';
              if (event.payload.type === 'EntityDeletionMutation') return;
              const inactive = await webhookTenantProblem(tenantId);
              if (inactive) return { ignored: inactive };
              await workflows.startDocumentBooking(tenantId, kind, event.payload.entityId);
            },
            onRoleEvent: async (tenantId, event) => {
              // A new role matters; while the initial sync runs, the roles are its own writes coming back.
              if (event.payload.type !== 'EntityCreationMutation') return;
              const inactive = await webhookTenantProblem(tenantId);
              if (inactive) return { ignored: inactive };
              if (!(await initialSyncDone(tenantId))) return;
              await workflows.startOrganisationRoleReview(
                tenantId,
                event.payload.entityType,
                event.payload.entityId,
              );
            },
          }
        : undefined,
    });
    await app.listen({ host: options.adminApi.host, port: options.adminApi.port });
    const address = app.server.address() as AddressInfo;
    adminApiUrl = `http://${options.adminApi.host}:${address.port}`;
  }

  return {
    pool,
    tenants,
    health,
    workflows,
    operator,
    metrics,
    contexts,
    adminApiUrl,
    worker,
    stop() {
      stopped ??= stopAll();
      return stopped;
    },
  };

  async function stopAll(): Promise<void> {
    {
      if (app) await app.close();
      if (worker && worker.getState() === 'RUNNING') worker.shutdown();
      if (workerRun) await workerRun;
      if (closeWorkerConnection) await closeWorkerConnection();
      await workflows.client.connection.close();
      await pool.end();
    }
  }
}
