import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import axios from 'axios';
import { TribeClient } from '../../api-clients/tribe';
import { startDemoEnvironment, type DemoEnvironment } from '../../client/dev/demo-environment';
import { documentBookingWorkflowId } from '../../client/temporal-client';
import { tenantWebhookUrl } from '../../domain/webhook-subscriptions';
import { BookingStore } from '../../store/booking-store';
import { createPool, type Pool } from '../../store/pool';
import { testEnv } from '../helpers/test-stack';
import { until } from '../helpers/sync-harness';
import { draftInvoices } from '../helpers/tribe-drafts';

const root = path.join(__dirname, '..', '..');
const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Process {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Lays out what the Dockerfile's image holds (package.json, migrations, node_modules, the compiled dist/) in a
 * folder of its own, so the entry points run from the build, away from the TypeScript sources.
 */
async function buildImageLayout(dir: string): Promise<string> {
  const app = path.join(dir, 'app');
  await mkdir(app);
  await run(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(app, 'dist')],
    { cwd: root, timeout: 120_000 },
  );
  for (const part of ['package.json', 'migrations', 'node_modules'])
    await symlink(path.join(root, part), path.join(app, part));
  return app;
}

/** Runs one of the deployment's entry points from the build, as docker-compose runs it. */
function start(app: string, entryPoint: string, env: Record<string, string>): Process {
  const child = spawn(process.execPath, [entryPoint], {
    cwd: app,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * The migration job, the worker and the admin API as docker-compose runs them (`node dist/…`), configured only
 * by environment variables, on the real Temporal and PostgreSQL, driven with the CLI.
 */
describe('the worker and admin API processes of a deployment', () => {
  jest.setTimeout(180_000);
  let demo: DemoEnvironment;
  let pool: Pool;
  let worker: Process;
  let admin: Process;
  let adminUrl: string;
  const webhookSecret = randomBytes(16).toString('hex');
  let dir: string;
  let app: string;
  let processEnv: Record<string, string>;
  const tenantId = `p-${randomUUID().slice(0, 8)}`;
  const adminToken = randomBytes(16).toString('hex');
  const api = () => axios.create({ baseURL: adminUrl, headers: { Authorization: `Bearer ${adminToken}` } });
  /** A wait that failed says what the worker process printed. */
  const withWorkerOutput = (err: Error): never => {
    throw new Error(`${err.message}\nworker output:\n${worker.output()}`);
  };
  const koppeling = (args: string[]) =>
    run(path.join(root, 'bin', 'koppeling'), args, {
      env: { ...process.env, KOPPELING_API_URL: adminUrl, KOPPELING_ADMIN_TOKEN: adminToken },
      timeout: 60_000,
    });

  beforeAll(async () => {
    const stack = testEnv();
    demo = await startDemoEnvironment({
      tenantId,
      relations: 40,
      products: 5,
      sentInvoices: 0,
      draftInvoices: 1,
      seed: 5,
    });
    pool = createPool(stack.databaseUrl, 2);
    dir = await mkdtemp(path.join(tmpdir(), 'koppeling-processes-'));
    app = await buildImageLayout(dir);
    const adminPort = await freePort();
    adminUrl = `http://127.0.0.1:${adminPort}`;
    processEnv = {
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_TASK_QUEUE: `processes-${randomUUID()}`,
      KOPPELING_ENCRYPTION_KEY: stack.encryptionKey,
      ADMIN_API_TOKEN: adminToken,
      ADMIN_API_PORT: String(adminPort),
      METRICS_PORT: String(await freePort()),
      SNELSTART_API_URL: demo.snelstart.apiUrl,
      SNELSTART_TOKEN_URL: demo.snelstart.tokenUrl,
      SNELSTART_SUBSCRIPTION_KEY: demo.snelstart.subscriptionKey,
      TRIBE_API_URL: demo.tribe.apiUrl,
      TRIBE_TOKEN_URL: demo.tribe.tokenUrl,
      TRIBE_WEBHOOK_SECRET: webhookSecret,
      PUBLIC_BASE_URL: adminUrl,
      LOG_LEVEL: 'warn',
    };
    worker = start(app, 'dist/workers/main.js', processEnv);
    admin = start(app, 'dist/client/admin-server.js', processEnv);
    await until(
      async () => (await axios.get(`${adminUrl}/health`).catch(() => null))?.status === 200,
      60_000,
      'the admin API',
    );
  });

  afterAll(async () => {
    for (const process of [worker, admin])
      if (process?.child.exitCode === null) process.child.kill('SIGKILL');
    await pool?.end();
    await demo?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('migrates an empty database from the build, and running the migration again changes nothing', async () => {
    const database = `koppeling_image_${randomBytes(4).toString('hex')}`;
    await pool.query(`CREATE DATABASE ${database}`);
    try {
      const url = new URL(testEnv().databaseUrl);
      url.pathname = `/${database}`;
      const migrate = () =>
        run(process.execPath, ['dist/store/migrate.js'], {
          cwd: app,
          env: { PATH: process.env.PATH ?? '', DATABASE_URL: url.toString() },
          timeout: 60_000,
        });
      await migrate();
      await migrate();
      const fresh = createPool(url.toString(), 1);
      try {
        const { rows } = await fresh.query<{ name: string }>('SELECT name FROM pgmigrations ORDER BY id');
        expect(rows.map((row) => `${row.name}.sql`)).toEqual(
          (await readdir(path.join(root, 'migrations'))).filter((file) => file.endsWith('.sql')).sort(),
        );
      } finally {
        await fresh.end();
      }
    } finally {
      await pool.query(`DROP DATABASE IF EXISTS ${database}`);
    }
  });

  it('activates with the CLI, syncs, registers the webhooks at the public address and acts on one', async () => {
    const file = path.join(dir, 'activation.json');
    await writeFile(file, JSON.stringify(demo.activation));
    const activated = await koppeling(['tenant', 'activate', '--file', file, '--json']);
    expect(JSON.parse(activated.stdout)).toMatchObject({ tenantId, warnings: [] });

    await until(
      async () => (await api().get(`/tenants/${tenantId}/status`)).data.workflow?.phase === 'idle',
      120_000,
      'the initial sync',
    ).catch(withWorkerOutput);
    const tribe = new TribeClient({
      apiUrl: demo.tribe.apiUrl,
      tokenUrl: demo.tribe.tokenUrl,
      clientId: demo.tribeClientId,
      clientSecret: demo.tribeClientSecret,
    });
    const webhooks = await tribe.webhooks.list();
    expect(webhooks.map((webhook) => webhook.entityType).sort()).toEqual([
      'Activity.Invoice',
      'Activity.SalesOrder',
      'Relationship.Organization.CommercialRelationship.Customer',
      'Relationship.Organization.Supplier',
    ]);
    expect(new Set(webhooks.map((webhook) => webhook.webhookUrl))).toEqual(
      new Set([tenantWebhookUrl(adminUrl, tenantId, webhookSecret)]),
    );

    // A linked customer made a supplier in Tribe: the admin API hears it, the worker creates the Leverancier.
    const { rows } = await pool.query(
      `SELECT tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'relation' AND role = 'Klant'
       AND tribe_id NOT IN (SELECT tribe_id FROM record_links WHERE tenant_id = $1 AND role = 'Leverancier') LIMIT 1`,
      [tenantId],
    );
    const organisationId = rows[0].tribe_id as string;
    const crm = demo.tribe.tenant(demo.tribeClientId);
    crm.put('Relationship_Organization_Supplier', {
      Organization: { ID: organisationId },
      Relation: { ID: crm.ownOrganizationId },
    });
    await until(
      async () =>
        (
          await pool.query(
            `SELECT 1 FROM record_links WHERE tenant_id = $1 AND tribe_id = $2 AND role = 'Leverancier'`,
            [tenantId, organisationId],
          )
        ).rowCount === 1,
      30_000,
      'the Leverancier',
    );
  });

  it('books an invoice once, with one document, when the worker process is killed during its first attempt', async () => {
    const crm = demo.tribe.tenant(demo.tribeClientId);
    const books = demo.snelstart.administration(demo.koppelsleutel);
    const draft = draftInvoices(crm)[0];
    expect(draft).toBeDefined();
    const tribeId = String(draft!.ID);
    const connection = await Connection.connect({ address: testEnv().temporalAddress });
    const booking = new Client({ connection }).workflow.getHandle(
      documentBookingWorkflowId(tenantId, 'invoice', tribeId),
    );
    const history = async () => (await booking.fetchHistory()).events ?? [];
    try {
      // Every SnelStart call takes a second: the first attempt, which runs inside the workflow task, is still
      // going when SnelStart has the booking and not yet the document.
      demo.snelstart.setFaults({ latencyMs: 1_000 });
      const number = String(crm.sendInvoice(tribeId).activity.Number);
      const isBooking = (b: Record<string, unknown>) => b.factuurnummer === number;
      await until(
        async () => books.records('verkoopboekingen').some(isBooking),
        30_000,
        'the booking in SnelStart',
      ).catch(withWorkerOutput);
      worker.child.kill('SIGKILL');
      await worker.exited;
      // Killed inside the workflow task: no activity was scheduled and the attempt's result was never recorded.
      const cut = await history();
      expect(cut.some((event) => event.activityTaskScheduledEventAttributes)).toBe(false);
      expect(cut.some((event) => event.markerRecordedEventAttributes)).toBe(false);
      expect(cut.some((event) => event.workflowExecutionCompletedEventAttributes)).toBe(false);

      demo.snelstart.setFaults({ latencyMs: 0 });
      worker = start(app, 'dist/workers/main.js', processEnv);
      const bookings = new BookingStore(pool);
      await until(
        async () => (await bookings.get(tenantId, 'invoice', tribeId))?.status === 'documented',
        90_000,
        'the booking completed by the new worker',
      ).catch(withWorkerOutput);
      const booked = books.records('verkoopboekingen').filter(isBooking);
      expect(booked).toHaveLength(1);
      expect(
        books
          .records('documenten')
          .filter((d: Record<string, unknown>) => d.parentIdentifier === booked[0]!.id),
      ).toHaveLength(1);
      // The dead worker's workflow task timed out; the new worker ran the booking again, and it found the booking.
      const events = await history();
      expect(events.some((event) => event.workflowTaskTimedOutEventAttributes)).toBe(true);
      expect(events.some((event) => event.workflowExecutionCompletedEventAttributes)).toBe(true);
    } finally {
      demo.snelstart.setFaults({ latencyMs: 0 });
      await connection.close();
    }
  });

  it('both stop cleanly on SIGTERM', async () => {
    await koppeling(['tenant', 'deactivate', tenantId]);
    worker.child.kill('SIGTERM');
    admin.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await admin.exited).toBe(0);
  });
});
