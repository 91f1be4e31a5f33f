import type { RecordFailure } from '../../store/health-store';
import { addCounts, type SyncCounts } from '../../workflows/tenant-status';
import { syncArtikelenToTribe, syncProductsToSnelStart } from './products-sync';
import { recordCheckpoint } from './heartbeat';
import { errorMessage, listRecordFailure } from './record-errors';
import { syncRelatiesToTribe } from './relations-from-snelstart';
import { REVIEW_ROLE, retryRoleReview } from './role-changes';
import { syncOrganisationsToSnelStart } from './relations-from-tribe';
import type { TenantContext } from './tenant-context';

/**
 * Failed records an operator asked to retry: each is read again from its source and synced like a change.
 * A record that succeeds has its failure resolved; one that fails again stays listed with the new reason.
 */
export async function retryRequestedRecords(
  ctx: TenantContext,
  counts: SyncCounts,
  startBookings?: StartBookings,
): Promise<void> {
  const requests = await ctx.health.takeRetryRequests(ctx.tenantId);
  for (const request of requests) {
    recordCheckpoint();
    try {
      await retryOne(ctx, request, counts, startBookings);
    } catch (err) {
      // Still unreadable or refused: the failure stays listed with today's reason instead of failing the cycle.
      await listRecordFailure(ctx, counts, err, {
        entity: request.entity,
        source: request.source,
        recordId: request.recordId,
        operation: request.operation,
        reason: `Retried, still failing: ${errorMessage(err)}`,
        // What the next retry needs (a role review's entity type) stays with the failure.
        details: request.details,
      });
    }
    await ctx.health.clearRetryRequest(ctx.tenantId, request.id);
  }
}

/** Starts (again) the booking workflows of these Tribe invoices or sales orders. */
export type StartBookings = (tribeIds: string[], kind: 'invoice' | 'sales_order') => Promise<void>;

async function retryOne(
  ctx: TenantContext,
  request: RecordFailure,
  counts: SyncCounts,
  startBookings: StartBookings | undefined,
): Promise<void> {
  if (request.operation === REVIEW_ROLE) {
    addCounts(counts, await retryRoleReview(ctx, request));
  } else if (request.entity === 'relation' && request.source === 'snelstart') {
    const relatie = await ctx.snelstart.getRelatie(request.recordId);
    if (relatie) addCounts(counts, await syncRelatiesToTribe(ctx, [relatie], { recover: true }));
  } else if (request.entity === 'relation' && request.source === 'tribe') {
    const organisation = await ctx.tribe.organizations.get(request.recordId);
    if (organisation) addCounts(counts, await syncOrganisationsToSnelStart(ctx, [organisation]));
  } else if (request.entity === 'product' && request.source === 'snelstart') {
    const artikel = await ctx.snelstart.getArtikel(request.recordId);
    if (artikel) addCounts(counts, await syncArtikelenToTribe(ctx, [artikel], { recover: true }));
  } else if (request.entity === 'product' && request.source === 'tribe') {
    const product = await ctx.tribe.products.get(request.recordId);
    if (product) addCounts(counts, await syncProductsToSnelStart(ctx, [product]));
  } else if ((request.entity === 'invoice' || request.entity === 'sales_order') && startBookings) {
    // A failed booking's run has ended; a new run books it now that the cause is fixed.
    await startBookings([request.recordId], request.entity);
  }
}
