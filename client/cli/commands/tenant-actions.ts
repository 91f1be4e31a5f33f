import type { Command } from 'commander';
import type { TenantAction } from '../../admin-api/schemas/tenant-schemas';
import { writeLine } from '../cli-io';
import { examples, type CommandContext } from './command-context';

const actions: { action: TenantAction; description: string; done: (tenantId: string) => string }[] = [
  {
    action: 'pause',
    description: 'Pause syncing a tenant; nothing is lost, resume picks up where it stopped',
    done: (id) => `Tenant ${id} is pausing. Resume it with: koppeling tenant resume ${id}`,
  },
  {
    action: 'resume',
    description: 'Resume syncing a paused tenant',
    done: (id) => `Tenant ${id} is resuming.`,
  },
  {
    action: 'deactivate',
    description: 'Stop syncing a tenant for good; all data stays in both systems',
    done: (id) => `Tenant ${id} is being deactivated; its data stays in SnelStart and Tribe.`,
  },
  {
    action: 'sync',
    description: 'Start a sync cycle now instead of waiting for the hourly one',
    done: (id) => `A sync of tenant ${id} has been requested; follow it with: koppeling tenant status ${id}`,
  },
];

export function addActionCommands(tenant: Command, context: CommandContext): void {
  for (const { action, description, done } of actions) {
    tenant
      .command(action)
      .description(description)
      .argument('<tenant>', 'tenant id')
      .addHelpText('after', examples(`koppeling tenant ${action} acme`))
      .action(async (tenantId: string) => {
        await context.client().act(tenantId, action);
        writeLine(context.io.stdout, done(tenantId));
      });
  }
}
