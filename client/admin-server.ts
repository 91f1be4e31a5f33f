import { loadEnv, ConfigError } from '../config/env';
import { createLogger } from '../lib/logger';
import { startKoppelingSystem } from './koppeling-system';

/**
 * The admin API process: the operators' HTTP API (and the CLI behind it) and Tribe's webhook receiver.
 * It runs no workflows; workers do (`workers/main.ts`). Stops cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL, { component: 'admin-api' });
  const system = await startKoppelingSystem({
    databaseUrl: env.DATABASE_URL,
    temporalAddress: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    encryptionKey: env.KOPPELING_ENCRYPTION_KEY,
    endpoints: {
      snelstart: {
        apiUrl: env.SNELSTART_API_URL,
        tokenUrl: env.SNELSTART_TOKEN_URL,
        subscriptionKey: env.SNELSTART_SUBSCRIPTION_KEY,
      },
      tribe: { apiUrl: env.TRIBE_API_URL, tokenUrl: env.TRIBE_TOKEN_URL },
    },
    adminToken: env.ADMIN_API_TOKEN,
    logger: log,
    worker: false,
    adminApi: { host: env.ADMIN_API_HOST, port: env.ADMIN_API_PORT },
    webhook: env.TRIBE_WEBHOOK_SECRET
      ? { secret: env.TRIBE_WEBHOOK_SECRET, publicBaseUrl: env.PUBLIC_BASE_URL }
      : undefined,
  });
  log.info({ url: system.adminApiUrl, webhooks: Boolean(env.TRIBE_WEBHOOK_SECRET) }, 'admin API started');
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
