import type { Command } from 'commander';
import { CliError, ExitCode } from '../cli-error';
import { writeJson, writeLine } from '../cli-io';
import { renderWebhookRenewals } from '../render/webhook-renewals-table';
import { examples, type CommandContext } from './command-context';

export function addRenewWebhooksCommand(tenant: Command, context: CommandContext): void {
  tenant
    .command('renew-webhooks')
    .description(
      "Register every tenant's Tribe webhooks with the current secret and remove those made with an earlier one",
    )
    .argument('[tenants...]', 'only these tenant ids (default: every tenant)')
    .option('--json', 'print what was done per tenant as JSON')
    .addHelpText(
      'after',
      [
        '',
        'After changing the webhook secret: set TRIBE_WEBHOOK_SECRET to the new one and',
        'TRIBE_WEBHOOK_PREVIOUS_SECRET to the old one, restart the admin API and the workers, run this, and once',
        'every tenant is renewed remove TRIBE_WEBHOOK_PREVIOUS_SECRET and restart again.',
        examples(
          'koppeling tenant renew-webhooks',
          'koppeling tenant renew-webhooks acme bakkerij-de-vries',
          'koppeling tenant renew-webhooks --json',
        ),
      ].join('\n'),
    )
    .action(async (tenantIds: string[], options: { json?: boolean }) => {
      const renewals = await context.client().renewWebhooks(tenantIds);
      if (options.json) writeJson(context.io.stdout, { tenants: renewals });
      else writeLine(context.io.stdout, renderWebhookRenewals(renewals));
      const failed = renewals.filter((renewal) => renewal.outcome === 'failed');
      if (failed.length > 0) {
        throw new CliError(
          ExitCode.unavailable,
          `${failed.length} tenant(s) could not be renewed (${failed.map((r) => r.tenantId).join(', ')}); ` +
            'keep TRIBE_WEBHOOK_PREVIOUS_SECRET set until they are, and run this again.',
        );
      }
    });
}
