import { advanceCursor, readFromCursor } from '../../domain/snelstart-time';
import { addCounts, emptyCounts, type SyncCounts } from '../../workflows/tenant-status';
import type { IncrementalSyncResult } from '../types';
import { STREAMS, laterIso, tribeReadFrom } from './cursors';
import { heartbeat, isRetryAttempt } from './heartbeat';
import { syncArtikelenToTribe, syncProductsToSnelStart } from './products-sync';
import { syncRelatiesToTribe } from './relations-from-snelstart';
import { syncOrganisationsToSnelStart } from './relations-from-tribe';
import { retryRequestedRecords } from './retry-requested';
import type { TenantContext } from './tenant-context';

/**
 * One two-way cycle: what changed in SnelStart since its cursors goes to Tribe, then what changed in Tribe
 * goes to SnelStart. The sync's own writes of the first half come back in the second half and are
 * recognised by their fingerprint, so they cost no writes. Cursors move only after a stream is done.
 */
export async function runIncrementalSync(
  ctx: TenantContext,
  hooks: { onSentDocuments?: (tribeIds: string[], kind: 'invoice' | 'sales_order') => Promise<void> } = {},
): Promise<IncrementalSyncResult> {
  const counts = emptyCounts();
  const before = { ...ctx.calls };
  const cursors = await ctx.state.cursors(ctx.tenantId);
  const recover = isRetryAttempt();

  await retryRequestedRecords(ctx, counts);

  let relatieCursor = cursors.get(STREAMS.snelstartRelaties) ?? null;
  for await (const page of ctx.snelstart.relatiesModifiedSince(readFromCursor(relatieCursor))) {
    addCounts(counts, await syncRelatiesToTribe(ctx, page, { recover }));
    relatieCursor = advanceCursor(
      relatieCursor,
      page.map((relatie) => relatie.modifiedOn),
    );
    heartbeat();
  }
  if (relatieCursor) await ctx.state.setCursor(ctx.tenantId, STREAMS.snelstartRelaties, relatieCursor);

  let artikelCursor = cursors.get(STREAMS.snelstartArtikelen) ?? null;
  for await (const page of ctx.snelstart.artikelenModifiedSince(readFromCursor(artikelCursor))) {
    addCounts(counts, await syncArtikelenToTribe(ctx, page, { recover }));
    artikelCursor = advanceCursor(
      artikelCursor,
      page.map((artikel) => artikel.modifiedOn),
    );
    heartbeat();
  }
  if (artikelCursor) await ctx.state.setCursor(ctx.tenantId, STREAMS.snelstartArtikelen, artikelCursor);

  let organisationCursor = cursors.get(STREAMS.tribeOrganizations) ?? null;
  for await (const page of ctx.tribe.organizations.modifiedSince(tribeReadFrom(organisationCursor))) {
    addCounts(counts, await syncOrganisationsToSnelStart(ctx, page.items));
    organisationCursor = laterIso(organisationCursor, page.cursor);
    heartbeat();
  }
  if (organisationCursor)
    await ctx.state.setCursor(ctx.tenantId, STREAMS.tribeOrganizations, organisationCursor);

  let productCursor = cursors.get(STREAMS.tribeProducts) ?? null;
  for await (const page of ctx.tribe.products.modifiedSince(tribeReadFrom(productCursor))) {
    addCounts(counts, await syncProductsToSnelStart(ctx, page.items));
    productCursor = laterIso(productCursor, page.cursor);
    heartbeat();
  }
  if (productCursor) await ctx.state.setCursor(ctx.tenantId, STREAMS.tribeProducts, productCursor);

  if (hooks.onSentDocuments) await findSentDocuments(ctx, counts, hooks.onSentDocuments);

  return {
    counts,
    apiCalls: { snelstart: ctx.calls.snelstart - before.snelstart, tribe: ctx.calls.tribe - before.tribe },
    more: false,
  };
}

/**
 * The safety net behind the webhooks: invoices in phase Sent (or sales orders in phase Linked) changed since
 * the cursor are handed to their booking workflows, which do nothing for what is already booked.
 */
async function findSentDocuments(
  ctx: TenantContext,
  _counts: SyncCounts,
  start: (tribeIds: string[], kind: 'invoice' | 'sales_order') => Promise<void>,
): Promise<void> {
  const salesOrderMode = ctx.settings.mode === 'salesOrder';
  const stream = salesOrderMode ? STREAMS.tribeSalesOrders : STREAMS.tribeInvoices;
  const cursors = await ctx.state.cursors(ctx.tenantId);
  let cursor = cursors.get(stream) ?? null;
  const pages = salesOrderMode
    ? ctx.tribe.salesOrders.inPhaseModifiedSince('Linked', tribeReadFrom(cursor))
    : ctx.tribe.invoices.inPhaseModifiedSince('Sent', tribeReadFrom(cursor));
  for await (const page of pages) {
    const ids = page.items.map((item) => item.ID);
    if (ids.length > 0) await start(ids, salesOrderMode ? 'sales_order' : 'invoice');
    cursor = laterIso(cursor, page.cursor);
    heartbeat();
  }
  if (cursor) await ctx.state.setCursor(ctx.tenantId, stream, cursor);
}
