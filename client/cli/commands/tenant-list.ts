import type { Command } from 'commander';
import { writeJson, writeLine } from '../cli-io';
import { renderTenants } from '../render/tenants-table';
import { examples, type CommandContext } from './command-context';

export function addListCommand(tenant: Command, context: CommandContext): void {
  tenant
    .command('list')
    .description('List all tenants')
    .option('--json', 'print the tenants as JSON')
    .addHelpText('after', examples('koppeling tenant list', 'koppeling tenant list --json'))
    .action(async (options: { json?: boolean }) => {
      const tenants = await context.client().listTenants();
      if (options.json) return writeJson(context.io.stdout, { tenants });
      writeLine(context.io.stdout, renderTenants(tenants));
    });
}
