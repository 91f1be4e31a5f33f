import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import axios from 'axios';
import { z } from 'zod';
import { createLogger } from '../../lib/logger';
import { startKoppelingSystem, type KoppelingSystem } from '../koppeling-system';
import { startDemoEnvironment, type DemoEnvironment } from './demo-environment';
import { waitForQuietPoint, summarise } from './quiet-point';

const argsSchema = z.object({
  once: z.boolean().default(false),
  json: z.boolean().default(false),
  'snelstart-seed': z.string().optional(),
  'tribe-seed': z.string().optional(),
  'dump-dir': z.string().optional(),
  relations: z.coerce.number().int().min(0).max(100_000).default(200),
  products: z.coerce.number().int().min(0).max(50_000).default(50),
  invoices: z.coerce.number().int().min(0).max(20_000).default(20),
  'admin-port': z.coerce.number().int().min(0).max(65535).optional(),
  'snelstart-port': z.coerce.number().int().min(0).max(65535).optional(),
  'tribe-port': z.coerce.number().int().min(0).max(65535).optional(),
});

const HELP = `npm run dev [-- options]

  --once                 run the demo to a quiet point (initial sync, one incremental cycle, all sent
                         invoices booked) and exit
  --json                 with --once: print one JSON summary on stdout
  --snelstart-seed FILE  seed the SnelStart sandbox from JSON ({"relaties": [...], "artikelen": [...], ...})
  --tribe-seed FILE      seed the Tribe sandbox from JSON ({"Relation_Organization": [...], ...})
  --dump-dir DIR         write both sandboxes' final state (snelstart.json, tribe.json) on exit
  --relations N --products N --invoices N   size of the generated demo (default 200 / 50 / 20)
`;

async function main(): Promise<number> {
  const raw = parseArgs({
    options: {
      once: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
      'snelstart-seed': { type: 'string' },
      'tribe-seed': { type: 'string' },
      'dump-dir': { type: 'string' },
      relations: { type: 'string' },
      products: { type: 'string' },
      invoices: { type: 'string' },
      'admin-port': { type: 'string' },
      'snelstart-port': { type: 'string' },
      'tribe-port': { type: 'string' },
    },
  }).values;
  if (raw.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      process.stderr.write(`--${issue.path.join('.')}: ${issue.message}\n`);
    process.stderr.write(HELP);
    return 2;
  }
  const args = parsed.data;
  const log = createLogger(process.env.LOG_LEVEL ?? (args.once ? 'warn' : 'info'), { component: 'dev' });
  const databaseUrl = requireEnv('DATABASE_URL');
  const temporalAddress = requireEnv('TEMPORAL_ADDRESS');
  const started = Date.now();
  const fixedPorts = !args.once;

  const demo: DemoEnvironment = await startDemoEnvironment({
    relations: args.relations,
    products: args.products,
    sentInvoices: args.invoices,
    snelstartSeedFile: args['snelstart-seed'],
    tribeSeedFile: args['tribe-seed'],
    snelstartPort: args['snelstart-port'] ?? (fixedPorts ? 8701 : 0),
    tribePort: args['tribe-port'] ?? (fixedPorts ? 8702 : 0),
  });
  const adminToken = randomBytes(18).toString('hex');
  const system: KoppelingSystem = await startKoppelingSystem({
    databaseUrl,
    temporalAddress,
    namespace: 'default',
    taskQueue: 'koppeling',
    encryptionKey: randomBytes(32).toString('hex'),
    endpoints: {
      snelstart: {
        apiUrl: demo.snelstart.apiUrl,
        tokenUrl: demo.snelstart.tokenUrl,
        subscriptionKey: demo.snelstart.subscriptionKey,
      },
      tribe: { apiUrl: demo.tribe.apiUrl, tokenUrl: demo.tribe.tokenUrl },
    },
    adminToken,
    logger: log,
    worker: true,
    adminApi: { host: '127.0.0.1', port: args['admin-port'] ?? (fixedPorts ? 8080 : 0) },
    webhook: { secret: randomBytes(24).toString('hex') },
  });

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      if (args['dump-dir']) await dump(demo, args['dump-dir']);
      await system.stop();
      await demo.close();
    })();
    return stopping;
  };

  try {
    // The demo tenant is activated through the same door a marketplace button uses.
    const tenantId = String(demo.activation.tenantId);
    await axios.post(`${system.adminApiUrl}/tenants`, demo.activation, {
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    const ready = {
      temporalUi: process.env.KOPPELING_TEMPORAL_UI_URL || null,
      temporal: temporalAddress,
      adminApi: system.adminApiUrl,
      adminToken,
      tenantId,
      snelstart: {
        api: demo.snelstart.apiUrl,
        token: demo.snelstart.tokenUrl,
        subscriptionKey: demo.snelstart.subscriptionKey,
        koppelsleutel: demo.koppelsleutel,
      },
      tribe: {
        api: demo.tribe.apiUrl,
        token: demo.tribe.tokenUrl,
        clientId: demo.tribeClientId,
        clientSecret: demo.tribeClientSecret,
      },
    };
    (args.json ? process.stderr : process.stdout).write(`ready ${JSON.stringify(ready)}\n`);

    if (args.once) {
      await waitForQuietPoint(system, demo, tenantId, (line) => process.stderr.write(`${line}\n`));
      const summary = await summarise(system, demo, tenantId, (Date.now() - started) / 1000);
      await stop();
      process.stdout.write(
        args.json ? `${JSON.stringify(summary)}\n` : `${JSON.stringify(summary, null, 2)}\n`,
      );
      return 0;
    }
    process.stderr.write(
      `Koppeling is running. Try: KOPPELING_API_URL=${system.adminApiUrl} KOPPELING_ADMIN_TOKEN=${adminToken} npx koppeling tenant status ${tenantId} --watch\nCtrl-C stops everything.\n`,
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    process.stderr.write('stopping…\n');
    await stop();
    return 0;
  } catch (err) {
    process.stderr.write(`${describe(err)}\n`);
    await stop();
    return 1;
  }
}

async function dump(demo: DemoEnvironment, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'snelstart.json'),
    JSON.stringify(demo.snelstart.administration(demo.koppelsleutel).dump(), null, 1),
  );
  await writeFile(
    path.join(dir, 'tribe.json'),
    JSON.stringify(demo.tribe.tenant(demo.tribeClientId).dump(), null, 1),
  );
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: start the demo with npm run dev`);
  return value;
}

function describe(err: unknown): string {
  if (axios.isAxiosError(err) && err.response)
    return `activation failed: ${JSON.stringify(err.response.data)}`;
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${describe(err)}\n`);
    process.exit(1);
  },
);
