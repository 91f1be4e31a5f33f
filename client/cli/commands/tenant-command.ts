import type { Command } from 'commander';
import type { CommandContext } from './command-context';
import { addActivateCommands } from './tenant-activate';
import { addActionCommands } from './tenant-actions';
import { addFailureCommands } from './tenant-failures';
import { addListCommand } from './tenant-list';
import { addPreviewCommand } from './tenant-preview';
import { addRenewWebhooksCommand } from './tenant-renew-webhooks';
import { addStatusCommand } from './tenant-status';

export function addTenantCommand(program: Command, context: CommandContext): void {
  const tenant = program
    .command('tenant')
    .description('Activate, follow and operate tenants')
    .addHelpText(
      'after',
      '\nRun `koppeling tenant <command> --help` for the options and examples of each command.\n',
    );
  addActivateCommands(tenant, context);
  addPreviewCommand(tenant, context);
  addListCommand(tenant, context);
  addStatusCommand(tenant, context);
  addActionCommands(tenant, context);
  addFailureCommands(tenant, context);
  addRenewWebhooksCommand(tenant, context);
}
