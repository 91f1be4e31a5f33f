import { ConfigError, endpointsFromEnv, loadEnv, webhookTargetFromEnv } from '../config/env';
import { createLogger } from '../lib/logger';
import { startKoppelingSystem } from './koppeling-system';

/**
 * The admin API process: the operators' HTTP API (and the CLI behind it) and Tribe's webhook receiver.
 * It runs no workflows; workers do (`workers/main.ts`). Stops cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL, { component: 'admin-api' });
  const webhook = webhookTargetFromEnv(env);
  const system = await startKoppelingSystem({
    databaseUrl: env.DATABASE_URL,
    temporalAddress: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    encryptionKey: env.KOPPELING_ENCRYPTION_KEY,
    endpoints: endpointsFromEnv(env),
    adminToken: env.ADMIN_API_TOKEN,
    logger: log,
    worker: false,
    adminApi: { host: env.ADMIN_API_HOST, port: env.ADMIN_API_PORT },
    webhook: webhook
      ? { secret: webhook.secret, previousSecret: webhook.previousSecret, publicBaseUrl: webhook.baseUrl }
      : undefined,
  });
  log.info({ url: system.adminApiUrl, webhooks: webhook !== null }, 'admin API started');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await system.stop();
  log.info('admin API stopped');
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
