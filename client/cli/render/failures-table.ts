import type { RecordFailureBody } from '../../admin-api/schemas/tenant-schemas';
import { formatTimestamp, renderTable } from './table';

export function renderFailures(tenantId: string, failures: RecordFailureBody[]): string {
  if (failures.length === 0) return `No open failures for tenant ${tenantId}.`;
  const table = renderTable(
    ['entity', 'source', 'record', 'operation', 'reason', 'attempts', 'last failed'],
    failures.map((failure) => [
      failure.entity,
      failure.source,
      failure.recordId,
      failure.operation,
      failure.reason,
      failure.attempts,
      formatTimestamp(failure.lastFailedAt),
    ]),
  );
  const count = failures.length === 1 ? '1 open failure' : `${failures.length} open failures`;
  return [
    table,
    `${count}. Fix the cause, then retry with: koppeling tenant retry ${tenantId} [--record <record>]`,
  ].join('\n');
}
