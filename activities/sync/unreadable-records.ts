import { createHash } from 'node:crypto';
import type { RejectedRecord } from '../../api-clients/tribe';
import type { SyncCounts } from '../../workflows/tenant-status';
import type { UnreadableRow } from './snelstart-gateway';
import type { TenantContext } from './tenant-context';

const ENTITY_OF: Record<UnreadableRow['resource'], { entity: 'relation' | 'product'; noun: string }> = {
  relaties: { entity: 'relation', noun: 'relatie' },
  artikelen: { entity: 'product', noun: 'artikel' },
};

/**
 * Rows SnelStart sent that do not match its model become per-record failures a person can act on; the rest
 * of the page has been synced. Called after each batch of pages, so nothing unreadable is silently dropped.
 */
export async function recordUnreadableSnelStartRows(ctx: TenantContext, counts: SyncCounts): Promise<void> {
  for (const row of ctx.snelstart.takeUnreadable()) {
    const { entity, noun } = ENTITY_OF[row.resource];
    counts.failed += 1;
    await ctx.health.recordFailure(ctx.tenantId, {
      entity,
      source: 'snelstart',
      recordId: row.id ?? unknownId(row.message),
      operation: 'read',
      reason:
        `SnelStart sent a ${noun}${row.id ? ` (id ${row.id})` : ' without a readable id'} that does not match ` +
        `its model, so it was skipped: ${row.message}. Correct the ${noun} in SnelStart; it is read again when ` +
        `it changes, or retry it.`,
    });
  }
}

/** The Tribe counterpart: records of a changed-since page that did not match their schema. */
export async function recordRejectedTribeRecords(
  ctx: TenantContext,
  counts: SyncCounts,
  entity: 'relation' | 'product',
  rejected: readonly RejectedRecord[],
): Promise<void> {
  const noun = entity === 'relation' ? 'organisation' : 'product';
  for (const record of rejected) {
    counts.failed += 1;
    await ctx.health.recordFailure(ctx.tenantId, {
      entity,
      source: 'tribe',
      recordId: record.id ?? unknownId(record.error.message),
      operation: 'read',
      reason:
        `Tribe sent a ${noun}${record.id ? ` (ID ${record.id})` : ' without a readable ID'} that does not ` +
        `match its schema, so it was skipped: ${record.error.message}. Correct it in Tribe CRM; it is read ` +
        `again when it changes, or retry it.`,
    });
  }
}

function unknownId(message: string): string {
  return `unreadable-${createHash('sha256').update(message).digest('hex').slice(0, 16)}`;
}
