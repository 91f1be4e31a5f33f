import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger } from '../../lib/logger';
import { startKoppelingSystem, type KoppelingSystem } from '../../client/koppeling-system';
import {
  startDemoEnvironment,
  type DemoEnvironment,
  type DemoEnvironmentOptions,
} from '../../client/dev/demo-environment';
import { BookingStore } from '../../store/booking-store';
import { testEnv } from './test-stack';

export interface SyncHarness {
  demo: DemoEnvironment;
  system: KoppelingSystem;
  tenantId: string;
  /** The bearer token the harness's admin API requires (for the CLI and HTTP tests). */
  readonly adminToken: string;
  bookings: BookingStore;
  /** Starts a worker-less system again with a new worker (after `killWorker`). */
  restartWorker(): Promise<void>;
  /** Stops the worker the way a crash would look to Temporal: in-flight activities are abandoned. */
  killWorker(): Promise<void>;
  /** Runs the admin API and operator without a worker: started workflows wait until `restartWorker`. */
  withoutWorker(): Promise<void>;
  /** Starts the system again with other webhook secrets, its admin API at the same address. */
  restartWithWebhookSecrets(webhook: { secret: string; previousSecret?: string }): Promise<void>;
  activate(overrides?: Record<string, unknown>): Promise<void>;
  waitForIdle(timeoutMs?: number): Promise<void>;
  /** Runs one incremental cycle to its end. */
  cycle(timeoutMs?: number): Promise<void>;
  snelstartAdmin(): ReturnType<DemoEnvironment['snelstart']['administration']>;
  tribeTenant(): ReturnType<DemoEnvironment['tribe']['tenant']>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A whole Koppeling on the real Temporal dev server and PostgreSQL that `npm test` started, talking over real
 * HTTP to both sandboxes, with its own task queue and tenant so test files do not see each other.
 */
export async function startSyncHarness(options: DemoEnvironmentOptions = {}): Promise<SyncHarness> {
  const env = testEnv();
  const tenantId = options.tenantId ?? `t-${randomUUID().slice(0, 8)}`;
  const demo = await startDemoEnvironment({ ...options, tenantId });
  const taskQueue = `test-${randomUUID()}`;
  const encryptionKey = env.encryptionKey;
  const adminToken = randomBytes(16).toString('hex');
  let webhook: { secret: string; previousSecret?: string } = { secret: `whsec-${tenantId}-0123456789` };
  let adminPort = 0;
  const start = (worker: boolean) =>
    startKoppelingSystem({
      databaseUrl: env.databaseUrl,
      temporalAddress: env.temporalAddress,
      namespace: 'default',
      taskQueue,
      encryptionKey,
      endpoints: {
        snelstart: {
          apiUrl: demo.snelstart.apiUrl,
          tokenUrl: demo.snelstart.tokenUrl,
          subscriptionKey: demo.snelstart.subscriptionKey,
        },
        tribe: { apiUrl: demo.tribe.apiUrl, tokenUrl: demo.tribe.tokenUrl },
      },
      adminToken,
      logger: createLogger('silent'),
      // Stopping cancels running activities at once: killWorker interrupts work as a crash would.
      worker: worker ? { shutdownGraceMs: 0 } : false,
      adminApi: { host: '127.0.0.1', port: adminPort },
      webhook,
    });
  let system = await start(true);
  const harness: SyncHarness = {
    demo,
    get system() {
      return system;
    },
    tenantId,
    get adminToken() {
      return adminToken;
    },
    bookings: new BookingStore(system.pool),
    async restartWorker() {
      await system.stop();
      system = await start(true);
      harness.bookings = new BookingStore(system.pool);
    },
    async killWorker() {
      await system.stop();
    },
    async withoutWorker() {
      await system.stop();
      system = await start(false);
      harness.bookings = new BookingStore(system.pool);
    },
    async restartWithWebhookSecrets(secrets) {
      adminPort = Number(new URL(system.adminApiUrl!).port);
      await system.stop();
      webhook = secrets;
      system = await start(true);
      harness.bookings = new BookingStore(system.pool);
    },
    async activate(overrides = {}) {
      await system.operator.activate({ ...demo.activation, ...overrides });
    },
    async waitForIdle(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const status = await system.workflows.status(tenantId);
        if (status && status.phase === 'idle' && Object.values(status.progress).every((p) => p.finished))
          return;
        if (Date.now() > deadline)
          throw new Error(`tenant not idle within ${timeoutMs} ms: ${JSON.stringify(status)}`);
        await sleep(200);
      }
    },
    async cycle(timeoutMs = 120_000) {
      const before = (await system.workflows.status(tenantId))?.cycles ?? 0;
      await system.workflows.syncNow(tenantId);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const status = await system.workflows.status(tenantId);
        if (status && status.cycles > before && status.phase === 'idle') return;
        if (Date.now() > deadline) throw new Error(`cycle did not finish within ${timeoutMs} ms`);
        await sleep(150);
      }
    },
    snelstartAdmin: () => demo.snelstart.administration(demo.koppelsleutel),
    tribeTenant: () => demo.tribe.tenant(demo.tribeClientId),
    async close() {
      try {
        await system.workflows.deactivate(tenantId).catch(() => undefined);
        // Let the workflow record its deactivation and finish, so no run is left waiting for a worker.
        await Promise.race([
          system.workflows.client.workflow
            .getHandle(`tenant-${tenantId}`)
            .result()
            .catch(() => undefined),
          sleep(5_000),
        ]);
      } finally {
        await system.stop();
        await demo.close();
      }
    },
  };
  return harness;
}

/** Polls until `fn` returns a truthy value. */
export async function until<T>(
  fn: () => Promise<T> | T,
  timeoutMs = 60_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await sleep(150);
  }
}
