import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { mapWithConcurrency } from '../lib/concurrency';
import { demoActivation, startDemoEnvironment, type DemoEnvironment } from '../client/dev/demo-environment';
import { sentInvoiceIds } from '../client/dev/quiet-point';
import { startKoppelingSystem, type KoppelingSystem } from '../client/koppeling-system';
import { createLogger } from '../lib/logger';
import { BookingStore } from '../store/booking-store';
import { rateLimitFloorSeconds } from './rate-limit-floor';

/** One scenario's figures, in the shape of the design brief's benchmark contract. */
interface ScenarioResult {
  name: string;
  records: number;
  api_calls: { snelstart: number; tribe: number };
  min_api_calls: { snelstart: number; tribe: number };
  wall_s: number;
  floor_s: number | null;
  peak_rss_mb: number;
  max_history_events: number;
  failed_records: number;
  duplicates: number;
  latency_ms?: { p50: number; p95: number };
  lag_s?: { p99: number };
}

const SCENARIOS = [
  'initial-sync',
  'initial-sync-throttled',
  'quiet-cycle',
  'changed-cycle',
  'invoices',
  'multi-tenant',
] as const;
type ScenarioName = (typeof SCENARIOS)[number];
const TEST_PRODUCT = { perMinute: 100, perHour: 1000, concurrent: 5 };
const UNTHROTTLED = { perMinute: 10_000, perHour: 100_000, concurrent: 50 };

const argsSchema = z.object({
  /** One scenario or several, comma-separated. */
  scenario: z
    .string()
    .transform((value) => value.split(',').map((name) => name.trim()))
    .pipe(z.array(z.enum(SCENARIOS)))
    .optional(),
  size: z.coerce.number().int().min(1).max(100_000).optional(),
});

const silentLogger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => process.stderr.write(`${message}\n`),
  log: () => undefined,
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Bench {
  env: { databaseUrl: string; temporalAddress: string; encryptionKey: string };
  bundlePath: string;
}

/** A Koppeling whose worker runs in its own process, so its memory is measured alone. */
async function startRun(bench: Bench, demo: DemoEnvironment) {
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  const endpoints = {
    snelstart: {
      apiUrl: demo.snelstart.apiUrl,
      tokenUrl: demo.snelstart.tokenUrl,
      subscriptionKey: demo.snelstart.subscriptionKey,
    },
    tribe: { apiUrl: demo.tribe.apiUrl, tokenUrl: demo.tribe.tokenUrl },
  };
  const adminToken = randomBytes(16).toString('hex');
  const webhookSecret = randomBytes(16).toString('hex');
  const system = await startKoppelingSystem({
    databaseUrl: bench.env.databaseUrl,
    temporalAddress: bench.env.temporalAddress,
    namespace: 'default',
    taskQueue,
    encryptionKey: bench.env.encryptionKey,
    endpoints,
    adminToken,
    logger: createLogger('silent'),
    adminApi: { host: '127.0.0.1', port: 0 },
    webhook: { secret: webhookSecret },
  });
  // The compiled worker with a prepared workflow bundle: what a deployment runs.
  const worker = spawn(process.execPath, [path.join(__dirname, '..', 'dist', 'workers', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: bench.env.databaseUrl,
      TEMPORAL_ADDRESS: bench.env.temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      KOPPELING_ENCRYPTION_KEY: bench.env.encryptionKey,
      ADMIN_API_TOKEN: adminToken,
      SNELSTART_API_URL: endpoints.snelstart.apiUrl,
      SNELSTART_TOKEN_URL: endpoints.snelstart.tokenUrl,
      SNELSTART_SUBSCRIPTION_KEY: endpoints.snelstart.subscriptionKey,
      TRIBE_API_URL: endpoints.tribe.apiUrl,
      TRIBE_TOKEN_URL: endpoints.tribe.tokenUrl,
      // The worker registers each tenant's role webhooks at the admin API once its initial sync is done.
      TRIBE_WEBHOOK_SECRET: webhookSecret,
      PUBLIC_BASE_URL: system.adminApiUrl!,
      LOG_LEVEL: 'warn',
      METRICS_PORT: '0',
      KOPPELING_WORKFLOW_BUNDLE: bench.bundlePath,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // A failed benchmark must not leave its worker polling the next run's Temporal server.
  const killWorker = () => worker.kill('SIGKILL');
  process.once('exit', killWorker);
  worker.once('exit', () => process.off('exit', killWorker));
  return {
    system,
    worker,
    peakRssMb: () => peakRss(worker),
    async stop() {
      const rss = peakRss(worker);
      worker.kill('SIGINT');
      await new Promise((resolve) => worker.once('exit', resolve));
      await system.stop();
      return rss;
    },
  };
}

function peakRss(child: ChildProcess): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return round(kb / 1024, 0);
  } catch {
    return 0;
  }
}

/** Long runs (a throttled initial sync takes over an hour) say where they are every minute on stderr. */
async function waitIdle(system: KoppelingSystem, tenantId: string, timeoutMs = 30 * 60_000): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let nextReport = started + 60_000;
  for (;;) {
    const status = await system.workflows.status(tenantId).catch(() => null);
    if (status && status.phase === 'idle' && Object.values(status.progress).every((p) => p.finished)) return;
    if (Date.now() > deadline) throw new Error(`${tenantId} not idle in time: ${JSON.stringify(status)}`);
    if (status && Date.now() >= nextReport) {
      nextReport += 60_000;
      const progress = Object.entries(status.progress)
        .map(([entity, p]) => `${entity} ${p.done}/${p.total ?? '?'}`)
        .join(', ');
      process.stderr.write(
        `[bench] ${Math.round((Date.now() - started) / 1000)} s: ${status.phase}, ${progress}\n`,
      );
    }
    await sleep(250);
  }
}

async function cycle(system: KoppelingSystem, tenantId: string): Promise<void> {
  const before = (await system.workflows.status(tenantId))?.cycles ?? 0;
  await system.workflows.syncNow(tenantId);
  for (;;) {
    const status = await system.workflows.status(tenantId).catch(() => null);
    if (status && status.cycles > before && status.phase === 'idle') return;
    await sleep(100);
  }
}

/**
 * Every tenant's hourly cycle falls due at once (the worst case for lag); returns, per tenant, the seconds
 * from then until its cycle was done. Statuses are polled a few at a time, as a dashboard would, so the
 * measuring does not load the worker more than the work does; the lag's resolution is one polling round.
 */
async function allCyclesAtOnce(system: KoppelingSystem, ids: string[]): Promise<number[]> {
  const status = (tenantId: string) => system.workflows.status(tenantId).catch(() => null);
  const before = new Map<string, number>();
  await mapWithConcurrency(ids, 25, async (tenantId) => {
    before.set(tenantId, (await status(tenantId))?.cycles ?? 0);
  });
  const due = Date.now();
  await mapWithConcurrency(ids, 25, (tenantId) => system.workflows.syncNow(tenantId));
  const pending = new Set(ids);
  const lags: number[] = [];
  while (pending.size > 0) {
    if (Date.now() - due > 3_600_000)
      throw new Error(`${pending.size} tenants did not finish their cycle in an hour`);
    await mapWithConcurrency([...pending], 25, async (tenantId) => {
      const current = await status(tenantId);
      if (current && current.cycles > before.get(tenantId)! && current.phase === 'idle') {
        pending.delete(tenantId);
        lags.push((Date.now() - due) / 1000);
      }
    });
    if (pending.size > 0) await sleep(250);
  }
  return lags;
}

async function maxHistory(system: KoppelingSystem, tenantId: string): Promise<number> {
  let max = 0;
  for await (const execution of system.workflows.client.workflow.list({
    query: `KoppelingTenantId = "${tenantId}"`,
  })) {
    const described = await system.workflows.client.workflow
      .getHandle(execution.workflowId, execution.runId)
      .describe();
    max = Math.max(max, described.historyLength ?? 0);
  }
  return max;
}

/** One tenant's pair of sandbox accounts; the demo's own by default. */
interface Accounts {
  koppelsleutel: string;
  clientId: string;
}

const demoAccounts = (demo: DemoEnvironment): Accounts => ({
  koppelsleutel: demo.koppelsleutel,
  clientId: demo.tribeClientId,
});

function apiCalls(demo: DemoEnvironment, accounts = demoAccounts(demo)) {
  return {
    snelstart: demo.snelstart.stats(accounts.koppelsleutel).calls,
    tribe: demo.tribe.stats().tenants[accounts.clientId]?.requests ?? 0,
  };
}

function tribeWrites(demo: DemoEnvironment, accounts = demoAccounts(demo)): number {
  const byMethod = demo.tribe.stats().tenants[accounts.clientId]?.byMethod ?? {};
  return (byMethod.POST ?? 0) + (byMethod.PUT ?? 0) + (byMethod.PATCH ?? 0);
}

function snelstartWrites(demo: DemoEnvironment, accounts = demoAccounts(demo)): number {
  const routes = demo.snelstart.stats(accounts.koppelsleutel).byRoute;
  return Object.entries(routes)
    .filter(([route]) => route.startsWith('POST') || route.startsWith('PUT'))
    .reduce((sum, [, n]) => sum + n, 0);
}

/** Tribe records sharing one ImportId, plus SnelStart bookings sharing one factuurnummer. */
function duplicates(demo: DemoEnvironment, accounts = demoAccounts(demo)): number {
  const tribe = demo.tribe.tenant(accounts.clientId);
  const importIds = tribe
    .list('Relation_Organization')
    .concat(tribe.list('Product'))
    .map((row) => row.ImportId)
    .filter((id): id is string => typeof id === 'string');
  const numbers = demo.snelstart
    .administration(accounts.koppelsleutel)
    .records('verkoopboekingen')
    .map((row) => String(row.factuurnummer));
  return importIds.length - new Set(importIds).size + (numbers.length - new Set(numbers).size);
}

async function openFailures(system: KoppelingSystem, tenantId: string) {
  return (await system.health.summary(tenantId)).openFailures;
}

async function initialSync(
  bench: Bench,
  size: number,
  throttled: boolean,
): Promise<{ result: ScenarioResult; keep?: Kept }> {
  const products = Math.round(size / 5);
  const demo = await startDemoEnvironment({
    tenantId: `bench-${randomUUID().slice(0, 6)}`,
    relations: size,
    products,
    sentInvoices: 0,
    draftInvoices: 0,
    ambiguousPairs: 0,
    snelstartLimits: throttled ? TEST_PRODUCT : null,
  });
  const run = await startRun(bench, demo);
  const tenantId = String(demo.activation.tenantId);
  const activation = demoActivation(tenantId, demo.koppelsleutel, demo.tribeClientId, demo.tribeClientSecret);
  const started = Date.now();
  await run.system.operator.activate({ ...activation, rateLimits: throttled ? TEST_PRODUCT : UNTHROTTLED });
  // Under the test product's 1,000 calls an hour, 100,000 relaties need more than an hour.
  await waitIdle(run.system, tenantId, throttled ? 8 * 3_600_000 : undefined);
  const wall = (Date.now() - started) / 1000;
  const calls = apiCalls(demo);
  const relaties = demo.snelstart.administration(demo.koppelsleutel).records('relaties').length;
  const minimum = {
    // Pages read: relaties come 500 per page, artikelen 25 (SnelStart's caps), each with the closing short page.
    snelstart: Math.floor(relaties / 500) + 1 + Math.floor(products / 25) + 1 + snelstartWrites(demo),
    tribe: tribeWrites(demo),
  };
  const result: ScenarioResult = {
    name: throttled ? 'initial-sync-throttled' : 'initial-sync',
    records: relaties + products,
    api_calls: calls,
    min_api_calls: minimum,
    wall_s: round(wall),
    floor_s: throttled ? round(rateLimitFloorSeconds(calls.snelstart, TEST_PRODUCT)) : null,
    peak_rss_mb: run.peakRssMb(),
    max_history_events: await maxHistory(run.system, tenantId),
    failed_records: await openFailures(run.system, tenantId),
    duplicates: duplicates(demo),
  };
  return { result, keep: { demo, run, tenantId } };
}

interface Kept {
  demo: DemoEnvironment;
  run: Awaited<ReturnType<typeof startRun>>;
  tenantId: string;
}

async function cycleScenario(kept: Kept, changedShare: number): Promise<ScenarioResult> {
  const { demo, run, tenantId } = kept;
  // Two cycles absorb the initial sync's own writes; the measured one starts from a quiet state. The first
  // hourly cycle after a burst re-reads the overlap once and settles the cursors; every cycle measured is one
  // after it, as in a tenant's steady state.
  await cycle(run.system, tenantId);
  await cycle(run.system, tenantId);
  await anHourLater(run.system, tenantId);
  await cycle(run.system, tenantId);
  let changed = 0;
  if (changedShare > 0) {
    const { rows } = await run.system.pool.query(
      `SELECT snelstart_id, tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'relation' ORDER BY snelstart_id`,
      [tenantId],
    );
    const count = Math.max(1, Math.round(rows.length * changedShare));
    const admin = demo.snelstart.administration(demo.koppelsleutel);
    const tribe = demo.tribe.tenant(demo.tribeClientId);
    for (let i = 0; i < count; i += 1) {
      admin.editAsUser('relaties', rows[i]!.snelstart_id, {
        telefoon: `06 ${String(10_000_000 + i).slice(0, 8)}`,
      });
      tribe.put('Relation_Organization', {
        ID: rows[rows.length - 1 - i]!.tribe_id,
        Website: `https://changed-${i}.example.nl`,
      });
    }
    changed = count * 2;
  }
  await anHourLater(run.system, tenantId);
  const before = apiCalls(demo);
  const writesBefore = { s: snelstartWrites(demo), t: tribeWrites(demo) };
  const history = (await run.system.workflows.client.workflow.getHandle(`tenant-${tenantId}`).describe())
    .historyLength;
  const started = Date.now();
  await cycle(run.system, tenantId);
  const wall = (Date.now() - started) / 1000;
  const after = apiCalls(demo);
  const historyAfter = (await run.system.workflows.client.workflow.getHandle(`tenant-${tenantId}`).describe())
    .historyLength;
  return {
    name: changedShare > 0 ? 'changed-cycle' : 'quiet-cycle',
    records: changed,
    api_calls: { snelstart: after.snelstart - before.snelstart, tribe: after.tribe - before.tribe },
    min_api_calls: {
      snelstart: 2 + (snelstartWrites(demo) - writesBefore.s),
      tribe: 2 + (tribeWrites(demo) - writesBefore.t),
    },
    wall_s: round(wall, 2),
    floor_s: null,
    peak_rss_mb: run.peakRssMb(),
    max_history_events: historyAfter >= history ? historyAfter - history : historyAfter,
    failed_records: await openFailures(run.system, tenantId),
    duplicates: duplicates(demo),
  };
}

/**
 * An hourly cycle runs an hour after the previous one: by then every cursor has stood still longer than its
 * overlap. The cursors are aged by an hour instead of waiting for it.
 */
async function anHourLater(system: KoppelingSystem, tenantId: string): Promise<void> {
  const { rows } = await system.pool.query('SELECT stream, position FROM sync_cursors WHERE tenant_id = $1', [
    tenantId,
  ]);
  for (const row of rows) {
    const position = String(row.position);
    if (!position.startsWith('{')) continue;
    const cursor = JSON.parse(position) as { position: string; firstSeenAt: number };
    cursor.firstSeenAt -= 3_600_000;
    await system.pool.query('UPDATE sync_cursors SET position = $3 WHERE tenant_id = $1 AND stream = $2', [
      tenantId,
      row.stream,
      JSON.stringify(cursor),
    ]);
  }
}

async function invoicesScenario(bench: Bench, size: number): Promise<ScenarioResult> {
  const demo = await startDemoEnvironment({
    tenantId: `bench-inv-${randomUUID().slice(0, 6)}`,
    relations: 300,
    products: 60,
    ambiguousPairs: 0,
    sentInvoices: size,
    draftInvoices: 40,
    pdfBytes: 20_000,
  });
  const run = await startRun(bench, demo);
  const tenantId = String(demo.activation.tenantId);
  const bookings = new BookingStore(run.system.pool);
  const sent = sentInvoiceIds(demo).length;
  await run.system.operator.activate({ ...demo.activation, rateLimits: UNTHROTTLED });
  await waitIdle(run.system, tenantId);
  const before = apiCalls(demo);
  const started = Date.now();
  await cycle(run.system, tenantId);
  for (;;) {
    const counts = await bookings.counts(tenantId);
    if (counts.documented + counts.failed >= sent) break;
    await sleep(250);
  }
  const wall = (Date.now() - started) / 1000;
  const after = apiCalls(demo);

  // Webhook → booked with document, one invoice at a time.
  const tribe = demo.tribe.tenant(demo.tribeClientId);
  const draftPhase = tribe.findByCode('Datastore_Phase_ActivityInvoice', 'Draft')?.ID;
  const drafts = tribe
    .list('Activity_Invoice')
    .filter((invoice) => (invoice.Phase as { ID?: string })?.ID === draftPhase);
  const latencies: number[] = [];
  for (const draft of drafts.slice(0, 30)) {
    const t0 = Date.now();
    tribe.sendInvoice(String(draft.ID));
    for (;;) {
      const booking = await bookings.get(tenantId, 'invoice', String(draft.ID));
      if (booking?.status === 'documented' || booking?.status === 'failed') break;
      await sleep(20);
    }
    latencies.push(Date.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((latencies.length - 1) * p))] ?? 0;
  const result: ScenarioResult = {
    name: 'invoices',
    records: sent,
    api_calls: { snelstart: after.snelstart - before.snelstart, tribe: after.tribe - before.tribe },
    // Per invoice: look up the factuurnummer, book, list documents, upload; Tribe: read it and its PDF.
    min_api_calls: { snelstart: sent * 2, tribe: sent * 2 },
    wall_s: round(wall),
    floor_s: null,
    peak_rss_mb: run.peakRssMb(),
    max_history_events: await maxHistory(run.system, tenantId),
    failed_records: (await bookings.counts(tenantId)).failed,
    duplicates: duplicates(demo),
    latency_ms: { p50: pct(0.5), p95: pct(0.95) },
  };
  await run.stop();
  await demo.close();
  return result;
}

async function multiTenantScenario(bench: Bench, tenants: number): Promise<ScenarioResult> {
  const demo = await startDemoEnvironment({
    tenantId: `bench-mt0-${randomUUID().slice(0, 4)}`,
    relations: 200,
    products: 20,
    sentInvoices: 0,
    ambiguousPairs: 0,
  });
  const run = await startRun(bench, demo);
  const ids: string[] = [];
  const started = Date.now();
  const snelstartSeed = demo.snelstart.administration(demo.koppelsleutel).dump();
  const tribeSeed = demo.tribe.tenant(demo.tribeClientId).dump();
  for (let i = 0; i < tenants; i += 1) {
    const tenantId = `bench-mt${i}-${randomUUID().slice(0, 4)}`;
    const koppelsleutel = `${demo.koppelsleutel}-${i}`;
    const clientId = `${demo.tribeClientId}-${i}`;
    demo.snelstart.addAdministration({
      koppelsleutel,
      package: 'InZicht',
      limits: { perMinute: null, perHour: null, concurrent: null },
      seed: structuredClone(snelstartSeed) as never,
    });
    demo.tribe.addTenant({
      clientId,
      clientSecret: demo.tribeClientSecret,
      seed: structuredClone(tribeSeed),
    });
    await run.system.operator.activate({
      ...demoActivation(tenantId, koppelsleutel, clientId, demo.tribeClientSecret),
      rateLimits: TEST_PRODUCT,
    });
    ids.push(tenantId);
  }
  for (const tenantId of ids) await waitIdle(run.system, tenantId);
  const initialWall = (Date.now() - started) / 1000;
  for (const tenantId of ids) await anHourLater(run.system, tenantId);
  const lags = await allCyclesAtOnce(run.system, ids);
  lags.sort((a, b) => a - b);
  let failed = 0;
  let maxEvents = 0;
  for (const tenantId of ids) {
    failed += await openFailures(run.system, tenantId);
    maxEvents = Math.max(maxEvents, await maxHistory(run.system, tenantId));
  }
  const accounts = ids.map((_, i) => ({
    koppelsleutel: `${demo.koppelsleutel}-${i}`,
    clientId: `${demo.tribeClientId}-${i}`,
  }));
  const sum = (f: (a: Accounts) => number) => accounts.reduce((total, a) => total + f(a), 0);
  const relaties = demo.snelstart.administration(demo.koppelsleutel).records('relaties').length;
  const result: ScenarioResult = {
    name: 'multi-tenant',
    records: tenants * 200,
    api_calls: {
      snelstart: sum((a) => apiCalls(demo, a).snelstart),
      tribe: sum((a) => apiCalls(demo, a).tribe),
    },
    // Per tenant: the initial sync's pages (relaties 500, artikelen 25 per page) and one read per stream
    // in the measured cycle, plus every write made.
    min_api_calls: {
      snelstart: sum(
        (a) => Math.floor(relaties / 500) + 1 + Math.floor(20 / 25) + 1 + 2 + snelstartWrites(demo, a),
      ),
      tribe: sum((a) => 2 + tribeWrites(demo, a)),
    },
    wall_s: round(initialWall),
    floor_s: null,
    peak_rss_mb: run.peakRssMb(),
    max_history_events: maxEvents,
    failed_records: failed,
    duplicates: sum((a) => duplicates(demo, a)),
    lag_s: { p99: round(lags[Math.floor((lags.length - 1) * 0.99)] ?? 0, 2) },
  };
  await run.stop();
  await demo.close();
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scenario: { type: 'string' }, size: { type: 'string' } } });
  const args = argsSchema.parse(values);
  const databaseUrl = process.env.DATABASE_URL;
  const temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!databaseUrl || !temporalAddress) throw new Error('run the benchmark with npm run bench');
  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    logger: silentLogger,
  });
  const bundlePath = path.join(os.tmpdir(), `koppeling-workflows-${process.pid}.js`);
  writeFileSync(bundlePath, bundle.code);
  const bench: Bench = {
    env: { databaseUrl, temporalAddress, encryptionKey: randomBytes(32).toString('hex') },
    bundlePath,
  };
  const wanted: ScenarioName[] = args.scenario ?? [...SCENARIOS];
  const results: ScenarioResult[] = [];
  const report = (result: ScenarioResult) => {
    results.push(result);
    process.stderr.write(`${result.name.padEnd(24)} ${JSON.stringify(result)}\n`);
  };

  const needsInitial = wanted.some((name) => ['initial-sync', 'quiet-cycle', 'changed-cycle'].includes(name));
  if (needsInitial) {
    const { result, keep } = await initialSync(bench, args.size ?? 10_000, false);
    if (wanted.includes('initial-sync')) report(result);
    if (wanted.includes('quiet-cycle')) report(await cycleScenario(keep!, 0));
    if (wanted.includes('changed-cycle')) report(await cycleScenario(keep!, 0.01));
    await keep!.run.stop();
    await keep!.demo.close();
  }
  if (wanted.includes('initial-sync-throttled')) {
    const { result, keep } = await initialSync(bench, args.size ?? 10_000, true);
    report(result);
    await keep!.run.stop();
    await keep!.demo.close();
  }
  if (wanted.includes('invoices')) report(await invoicesScenario(bench, args.size ?? 5_000));
  if (wanted.includes('multi-tenant')) report(await multiTenantScenario(bench, args.size ?? 20));

  printTable(results);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${round(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
  process.stdout.write(`${JSON.stringify({ machine, scenarios: results })}\n`);
}

function printTable(results: ScenarioResult[]): void {
  const header = [
    'scenario',
    'records',
    'calls ss/tribe',
    'min ss/tribe',
    'wall s',
    'floor s',
    'rss MB',
    'max events',
    'failed',
    'dups',
    'extra',
  ];
  const rows = results.map((r) => [
    r.name,
    String(r.records),
    `${r.api_calls.snelstart}/${r.api_calls.tribe}`,
    `${r.min_api_calls.snelstart}/${r.min_api_calls.tribe}`,
    String(r.wall_s),
    r.floor_s === null ? '-' : String(r.floor_s),
    String(r.peak_rss_mb),
    String(r.max_history_events),
    String(r.failed_records),
    String(r.duplicates),
    r.latency_ms
      ? `p50 ${r.latency_ms.p50} ms, p95 ${r.latency_ms.p95} ms`
      : r.lag_s
        ? `lag p99 ${r.lag_s.p99} s`
        : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows])
    process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
