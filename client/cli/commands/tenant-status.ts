import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { TenantStatusReportBody } from '../../admin-api/schemas/tenant-schemas';
import type { AdminApiClient } from '../admin-api-client';
import { writeJson, writeLine } from '../cli-io';
import { InitialSyncProgress } from '../render/initial-sync-progress';
import { renderStatusSummary } from '../render/status-summary';
import { examples, type CommandContext } from './command-context';

export function addStatusCommand(tenant: Command, context: CommandContext): void {
  tenant
    .command('status')
    .description("Show a tenant's status: lifecycle, sync phase, progress, counts and warnings")
    .argument('<tenant>', 'tenant id')
    .option('--json', 'print the status as JSON')
    .option('--watch', 'during the initial sync, show live progress until it is done')
    .addHelpText(
      'after',
      examples(
        'koppeling tenant status acme',
        'koppeling tenant status acme --watch',
        'koppeling tenant status acme --json',
      ),
    )
    .action(async (tenantId: string, options: { json?: boolean; watch?: boolean }) => {
      const client = context.client();
      let report = await client.status(tenantId);
      if (options.watch && isInitialSync(report)) {
        report = await watchInitialSync(client, tenantId, report, context, !options.json);
      }
      if (options.json) writeJson(context.io.stdout, report);
      else writeLine(context.io.stdout, renderStatusSummary(report));
    });
}

const isInitialSync = (report: TenantStatusReportBody) => report.workflow?.phase === 'initial-sync';

/** Polls the status until the initial sync is over, showing progress bars unless the output is JSON. */
async function watchInitialSync(
  client: AdminApiClient,
  tenantId: string,
  first: TenantStatusReportBody,
  { io }: CommandContext,
  showBars: boolean,
): Promise<TenantStatusReportBody> {
  const intervalMs = io.pollIntervalMs ?? 1000;
  const progress = showBars ? new InitialSyncProgress(io.stdout, intervalMs) : undefined;
  let report = first;
  try {
    while (isInitialSync(report)) {
      progress?.update(report.workflow?.progress ?? {});
      await sleep(intervalMs);
      report = await client.status(tenantId);
    }
    progress?.update(report.workflow?.progress ?? {});
  } finally {
    progress?.stop();
  }
  return report;
}
