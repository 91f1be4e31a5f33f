import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SeedDocument } from './administration/seed-document';
import { isSnelStartPackage } from './auth/packages';
import { startSnelStartSandbox } from './sandbox';

const USAGE = `Usage: npx tsx sandboxes/snelstart/main.ts [options]

  --port N                 listen port (default 0: any free port)
  --host H                 listen address (default 127.0.0.1)
  --seed FILE              seed the administration from JSON in the API's wire shapes
  --koppelsleutel K        the administration's key (default sandbox-koppelsleutel)
  --subscription-key S     the accepted subscription key (default sandbox-subscription-key)
  --package P              InStap | InKaart | InBalans | InZicht | InControle | Accountant (default InZicht)
  --no-limits              switch rate limits off (default: 100/min, 1000/h, 5 concurrent)
  --token-lifetime SECONDS expires_in of minted tokens (default 3599)
  --log                    log every request
`;

/** Runs the SnelStart sandbox on its own and prints one `ready {json}` line with where it listens. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      koppelsleutel: { type: 'string', default: 'sandbox-koppelsleutel' },
      'subscription-key': { type: 'string', default: 'sandbox-subscription-key' },
      package: { type: 'string', default: 'InZicht' },
      'no-limits': { type: 'boolean', default: false },
      'token-lifetime': { type: 'string', default: '3599' },
      log: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!isSnelStartPackage(values.package)) throw new Error(`unknown package ${values.package}\n\n${USAGE}`);
  const seed = values.seed ? (JSON.parse(readFileSync(values.seed, 'utf8')) as SeedDocument) : undefined;

  const sandbox = await startSnelStartSandbox({
    port: Number(values.port),
    host: values.host,
    subscriptionKey: values['subscription-key'],
    tokenLifetimeSeconds: Number(values['token-lifetime']),
    logger: values.log,
    administrations: [
      {
        koppelsleutel: values.koppelsleutel,
        package: values.package,
        limits: values['no-limits'] ? { perMinute: null, perHour: null, concurrent: null } : undefined,
        seed,
      },
    ],
  });
  process.stdout.write(
    `ready ${JSON.stringify({
      api: sandbox.apiUrl,
      token: sandbox.tokenUrl,
      control: sandbox.controlUrl,
      subscriptionKey: sandbox.subscriptionKey,
      koppelsleutel: values.koppelsleutel,
    })}\n`,
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
