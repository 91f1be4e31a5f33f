import { randomUUID } from 'node:crypto';
import type { Worker } from '@temporalio/worker';
import type { ActivityDependencies, Endpoints } from '../../activities/dependencies';
import { TenantWorkflows } from '../../client/temporal-client';
import { CredentialCipher } from '../../store/credential-cipher';
import { HealthStore } from '../../store/health-store';
import { createPool, type Pool } from '../../store/pool';
import { TenantStore } from '../../store/tenant-store';
import { createWorker } from '../../workers/create-worker';

/** Reads what `npm test` exported after starting the real PostgreSQL and Temporal dev server. */
export function testEnv() {
  const databaseUrl = process.env.DATABASE_URL;
  const temporalAddress = process.env.TEMPORAL_ADDRESS;
  const encryptionKey = process.env.KOPPELING_ENCRYPTION_KEY;
  if (!databaseUrl || !temporalAddress || !encryptionKey) {
    throw new Error('Integration tests need the real stack: run them through `npm test`.');
  }
  return { databaseUrl, temporalAddress, encryptionKey };
}

export interface TestStack {
  pool: Pool;
  tenants: TenantStore;
  health: HealthStore;
  workflows: TenantWorkflows;
  taskQueue: string;
  startWorker(endpoints: Endpoints, overrides?: Partial<ActivityDependencies>): Promise<RunningWorker>;
  close(): Promise<void>;
}

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

export async function createTestStack(): Promise<TestStack> {
  const env = testEnv();
  const pool = createPool(env.databaseUrl, 10);
  const cipher = new CredentialCipher(env.encryptionKey);
  const tenants = new TenantStore(pool, cipher);
  const health = new HealthStore(pool);
  const taskQueue = `test-${randomUUID()}`;
  const workflows = await TenantWorkflows.connect(env.temporalAddress, 'default', taskQueue);
  const workers: RunningWorker[] = [];

  return {
    pool,
    tenants,
    health,
    workflows,
    taskQueue,
    async startWorker(endpoints, overrides = {}) {
      const deps: ActivityDependencies = {
        pool,
        tenants,
        health,
        endpoints,
        now: () => new Date(),
        ...overrides,
      };
      const { worker, connection } = await createWorker({
        temporalAddress: env.temporalAddress,
        namespace: 'default',
        taskQueue,
        deps,
      });
      const running = worker.run();
      const handle: RunningWorker = {
        worker,
        async stop() {
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running;
          await connection.close();
        },
      };
      workers.push(handle);
      return handle;
    },
    async close() {
      await Promise.all(workers.map((w) => w.stop()));
      await workflows.client.connection.close();
      await pool.end();
    },
  };
}

export const uniqueTenantId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
