import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { startTribeSandbox } from './sandbox';
import type { TribeSeed } from './store/seed-format';

/**
 * Standalone Tribe sandbox:
 *   npx tsx sandboxes/tribe/main.ts [--port 8091] [--host 127.0.0.1] [--seed FILE]
 *     [--client-id ID] [--client-secret SECRET] [--token-lifetime SECONDS]
 * Prints one line `ready {json}` once it listens.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      'client-id': { type: 'string', default: 'tribe-sandbox-client' },
      'client-secret': { type: 'string', default: 'tribe-sandbox-secret' },
      'token-lifetime': { type: 'string', default: '3600' },
    },
  });
  const seed = values.seed ? (JSON.parse(readFileSync(values.seed, 'utf8')) as TribeSeed) : undefined;
  const clientId = values['client-id'];
  const sandbox = await startTribeSandbox({
    port: Number(values.port),
    host: values.host,
    tokenLifetimeSeconds: Number(values['token-lifetime']),
    tenants: [{ clientId, clientSecret: values['client-secret'], seed }],
    logger: pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2)),
  });
  process.stdout.write(
    `ready ${JSON.stringify({ api: sandbox.apiUrl, token: sandbox.tokenUrl, webhooks: sandbox.webhooksUrl, control: sandbox.controlUrl, clientId })}\n`,
  );
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
