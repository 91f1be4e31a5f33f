import type { TenantStatusReportBody, WorkflowStatusBody } from '../../admin-api/schemas/tenant-schemas';
import { formatTimestamp } from './table';

/** A tenant's status in a few readable lines. */
export function renderStatusSummary(report: TenantStatusReportBody): string {
  const { tenantId, workflow, openFailures } = report;
  const lines = [`Tenant ${tenantId}: ${report.status}`];
  lines.push(...(workflow ? workflowFields(workflow) : [field('Workflow', 'not running')]));
  lines.push(
    field(
      'Open failures',
      openFailures === 0 ? '0' : `${openFailures} (list them with: koppeling tenant failures ${tenantId})`,
    ),
  );

  const progress = Object.entries(workflow?.progress ?? {});
  if (progress.length > 0) {
    lines.push('Initial sync:');
    for (const [entity, { done, total, finished }] of progress) {
      lines.push(`  ${entity.padEnd(16)} ${done}/${total ?? '?'}${finished ? ' done' : ''}`);
    }
  }

  const warnings = [...new Set([...report.warnings, ...(workflow?.warnings ?? [])])];
  if (warnings.length > 0) lines.push('Warnings:', ...warnings.map((warning) => `  - ${warning}`));
  return lines.join('\n');
}

function workflowFields(workflow: WorkflowStatusBody): string[] {
  const { counts } = workflow;
  const phase =
    workflow.paused && workflow.phase !== 'paused' ? `${workflow.phase} (paused)` : workflow.phase;
  return [
    field('Phase', phase),
    field('Sync cycles', String(workflow.cycles)),
    field('Last sync', formatTimestamp(workflow.lastSyncAt)),
    ...(workflow.lastSyncError ? [field('Last sync error', workflow.lastSyncError)] : []),
    field('Next sync', formatTimestamp(workflow.nextSyncAt)),
    field(
      'Records',
      `created ${counts.created}, updated ${counts.updated}, matched ${counts.matched}, ` +
        `skipped ${counts.skipped}, failed ${counts.failed}, conflicts ${counts.conflicts}`,
    ),
  ];
}

const field = (label: string, value: string) => `  ${`${label}:`.padEnd(17)} ${value}`;
