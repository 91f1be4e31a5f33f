import { createServer } from 'node:http';
import { ConfigError, endpointsFromEnv, loadEnv, webhookTargetFromEnv } from '../config/env';
import { createMetrics } from '../lib/metrics';
import { createLogger } from '../lib/logger';
import { CredentialCipher } from '../store/credential-cipher';
import { HealthStore } from '../store/health-store';
import { createPool } from '../store/pool';
import { TenantStore } from '../store/tenant-store';
import { TenantWorkflows } from '../client/temporal-client';
import { mapWithConcurrency } from '../lib/concurrency';
import { createWorker } from './create-worker';

/** The worker process: runs every workflow and activity of the task queue until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL, { component: 'worker' });
  const webhook = webhookTargetFromEnv(env);
  const pool = createPool(env.DATABASE_URL, 30);
  const metrics = createMetrics();
  // Prometheus scrapes the worker here: API calls and latency per system, 429s, records synced, failures.
  const metricsServer = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (body) => response.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  metricsServer.on('error', (err) =>
    log.warn({ err: err.message, port: env.METRICS_PORT }, 'metrics endpoint not available'),
  );
  metricsServer.listen(env.METRICS_PORT, '0.0.0.0');
  // The hourly safety net starts booking workflows for sent invoices the webhooks missed.
  const workflows = await TenantWorkflows.connect(
    env.TEMPORAL_ADDRESS,
    env.TEMPORAL_NAMESPACE,
    env.TEMPORAL_TASK_QUEUE,
  );
  const { worker, connection } = await createWorker({
    temporalAddress: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    maxConcurrentActivities: env.WORKER_MAX_CONCURRENT_ACTIVITIES,
    deps: {
      pool,
      tenants: new TenantStore(pool, new CredentialCipher(env.KOPPELING_ENCRYPTION_KEY)),
      health: new HealthStore(pool),
      endpoints: endpointsFromEnv(env),
      now: () => new Date(),
      metrics,
      // Role webhooks are registered from here once a tenant's relations are synced.
      webhookTarget: () => webhook,
      startDocumentBookings: async (tenantId, kind, tribeIds) => {
        await mapWithConcurrency(tribeIds, 16, (tribeId) =>
          workflows.startDocumentBooking(tenantId, kind, tribeId),
        );
      },
    },
  });
  log.info({ taskQueue: env.TEMPORAL_TASK_QUEUE, temporal: env.TEMPORAL_ADDRESS }, 'worker started');
  // The SDK shuts the worker down gracefully on SIGINT/SIGTERM; run() resolves when it has.
  await worker.run();
  await connection.close();
  await workflows.client.connection.close();
  await pool.end();
  metricsServer.close();
  log.info('worker stopped');
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
