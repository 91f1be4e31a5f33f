import type { Command } from 'commander';
import { writeJson, writeLine } from '../cli-io';
import { renderFailures } from '../render/failures-table';
import { examples, type CommandContext } from './command-context';

export function addFailureCommands(tenant: Command, context: CommandContext): void {
  tenant
    .command('failures')
    .description('List the records that failed to sync, with the reason and how often it was tried')
    .argument('<tenant>', 'tenant id')
    .option('--json', 'print the failures as JSON')
    .addHelpText('after', examples('koppeling tenant failures acme', 'koppeling tenant failures acme --json'))
    .action(async (tenantId: string, options: { json?: boolean }) => {
      const failures = await context.client().failures(tenantId);
      if (options.json) return writeJson(context.io.stdout, { tenantId, failures });
      writeLine(context.io.stdout, renderFailures(tenantId, failures));
    });

  tenant
    .command('retry')
    .description('Retry failed records (all of them, or one) and start a sync')
    .argument('<tenant>', 'tenant id')
    .option('--record <record>', 'retry only this record (the "record" column of `tenant failures`)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples(
        'koppeling tenant retry acme',
        'koppeling tenant retry acme --record 5f1c2a9e-1d2b-4c3d-9e8f-0a1b2c3d4e5f',
      ),
    )
    .action(async (tenantId: string, options: { record?: string; json?: boolean }) => {
      const result = await context.client().retry(tenantId, options.record);
      if (options.json) return writeJson(context.io.stdout, result);
      const records = result.marked === 1 ? '1 failed record' : `${result.marked} failed records`;
      writeLine(
        context.io.stdout,
        result.marked === 0
          ? `No open failures to retry for tenant ${tenantId}.`
          : `Marked ${records} of tenant ${tenantId} for retry; a sync has been requested.`,
      );
    });
}
