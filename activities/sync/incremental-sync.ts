import { BOOKING_PHASES } from '../../domain/bookable-phases';
import { DEFAULT_CURSOR_OVERLAP_SECONDS, advanceCursor, readFromCursor } from '../../domain/snelstart-time';
import { addCounts, emptyCounts, type SyncCounts } from '../../workflows/tenant-status';
import type { IncrementalSyncResult } from '../types';
import {
  STREAMS,
  TRIBE_CURSOR_OVERLAP_MS,
  laterIso,
  parseStoredCursor,
  storeCursor,
  tribeReadFrom,
  type StoredCursor,
} from './cursors';
import { heartbeat, isRetryAttempt } from './heartbeat';
import { syncArtikelenToTribe, syncProductsToSnelStart } from './products-sync';
import { syncRelatiesToTribe } from './relations-from-snelstart';
import { settleInterruptedCreates, syncOrganisationsToSnelStart } from './relations-from-tribe';
import { retryRequestedRecords } from './retry-requested';
import { reviewPendingRoleChanges } from './role-changes';
import type { TenantContext } from './tenant-context';
import { recordRejectedTribeRecords, recordUnreadableSnelStartRows } from './unreadable-records';

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

  // First, so a relatie an interrupted create left in SnelStart is read below as linked, not as new.
  addCounts(counts, await settleInterruptedCreates(ctx));
  await retryRequestedRecords(ctx, counts, hooks.onSentDocuments);
  await reviewPendingRoleChanges(ctx, counts);

  const now = ctx.now();
  const storedRelaties = parseStoredCursor(cursors.get(STREAMS.snelstartRelaties));
  let relatieCursor = storedRelaties?.position ?? null;
  for await (const page of ctx.snelstart.relatiesModifiedSince(snelstartReadFrom(storedRelaties))) {
    addCounts(counts, await syncRelatiesToTribe(ctx, page, { recover }));
    await recordUnreadableSnelStartRows(ctx, counts);
    relatieCursor = advanceCursor(
      relatieCursor,
      page.map((relatie) => relatie.modifiedOn),
    );
    heartbeat();
  }
  if (relatieCursor)
    await ctx.state.setCursor(
      ctx.tenantId,
      STREAMS.snelstartRelaties,
      storeCursor(storedRelaties, relatieCursor, now, SNELSTART_OVERLAP_S * 1000),
    );

  const storedArtikelen = parseStoredCursor(cursors.get(STREAMS.snelstartArtikelen));
  let artikelCursor = storedArtikelen?.position ?? null;
  for await (const page of ctx.snelstart.artikelenModifiedSince(snelstartReadFrom(storedArtikelen))) {
    addCounts(counts, await syncArtikelenToTribe(ctx, page, { recover }));
    await recordUnreadableSnelStartRows(ctx, counts);
    artikelCursor = advanceCursor(
      artikelCursor,
      page.map((artikel) => artikel.modifiedOn),
    );
    heartbeat();
  }
  if (artikelCursor)
    await ctx.state.setCursor(
      ctx.tenantId,
      STREAMS.snelstartArtikelen,
      storeCursor(storedArtikelen, artikelCursor, now, SNELSTART_OVERLAP_S * 1000),
    );

  const storedOrganisations = parseStoredCursor(cursors.get(STREAMS.tribeOrganizations));
  let organisationCursor = storedOrganisations?.position ?? null;
  for await (const page of ctx.tribe.organizations.modifiedSince(tribeReadFromStored(storedOrganisations))) {
    addCounts(counts, await syncOrganisationsToSnelStart(ctx, page.items));
    await recordRejectedTribeRecords(ctx, counts, 'relation', page.rejected);
    organisationCursor = laterIso(organisationCursor, page.cursor);
    heartbeat();
  }
  if (organisationCursor)
    await ctx.state.setCursor(
      ctx.tenantId,
      STREAMS.tribeOrganizations,
      storeCursor(storedOrganisations, organisationCursor, now, TRIBE_CURSOR_OVERLAP_MS),
    );

  const storedProducts = parseStoredCursor(cursors.get(STREAMS.tribeProducts));
  let productCursor = storedProducts?.position ?? null;
  for await (const page of ctx.tribe.products.modifiedSince(tribeReadFromStored(storedProducts))) {
    addCounts(counts, await syncProductsToSnelStart(ctx, page.items));
    await recordRejectedTribeRecords(ctx, counts, 'product', page.rejected);
    productCursor = laterIso(productCursor, page.cursor);
    heartbeat();
  }
  if (productCursor)
    await ctx.state.setCursor(
      ctx.tenantId,
      STREAMS.tribeProducts,
      storeCursor(storedProducts, productCursor, now, TRIBE_CURSOR_OVERLAP_MS),
    );

  if (hooks.onSentDocuments) await findSentDocuments(ctx, counts, hooks.onSentDocuments);

  return {
    counts,
    apiCalls: { snelstart: ctx.calls.snelstart - before.snelstart, tribe: ctx.calls.tribe - before.tribe },
    more: false,
  };
}

/**
 * The safety net behind the webhooks: invoices in phase Sent (or sales orders in phase Linked), and those
 * paid (delivered) since activation, changed since the cursor are handed to their booking workflows, which do
 * nothing for what is already booked.
 */
async function findSentDocuments(
  ctx: TenantContext,
  _counts: SyncCounts,
  start: (tribeIds: string[], kind: 'invoice' | 'sales_order') => Promise<void>,
): Promise<void> {
  const salesOrderMode = ctx.settings.mode === 'salesOrder';
  const stream = salesOrderMode ? STREAMS.tribeSalesOrders : STREAMS.tribeInvoices;
  const cursors = await ctx.state.cursors(ctx.tenantId);
  const now = ctx.now();
  const stored = parseStoredCursor(cursors.get(stream));
  let cursor = stored?.position ?? null;
  const from = tribeReadFromStored(stored);
  const kind = salesOrderMode ? 'sales_order' : 'invoice';
  // What the booking accepts (domain/bookable-phases.ts): the ready phase, and a later one (paid, delivered)
  // only for documents changed since activation.
  const phases = { ...BOOKING_PHASES[kind], laterChangedSince: ctx.activatedAt };
  const pages = salesOrderMode
    ? ctx.tribe.salesOrders.readyModifiedSince(phases, from)
    : ctx.tribe.invoices.readyModifiedSince(phases, from);
  for await (const page of pages) {
    // Booked ones need no workflow: a resent or re-phased invoice is never booked twice anyway.
    const ids = page.items.map((item) => item.ID);
    const done = await ctx.bookings.documentedIds(ctx.tenantId, kind, ids);
    const open = ids.filter((id) => !done.has(id.toLowerCase()));
    if (open.length > 0) await start(open, kind);
    cursor = laterIso(cursor, page.cursor);
    heartbeat();
  }
  if (cursor)
    await ctx.state.setCursor(
      ctx.tenantId,
      stream,
      storeCursor(stored, cursor, now, TRIBE_CURSOR_OVERLAP_MS),
    );
}

const SNELSTART_OVERLAP_S = DEFAULT_CURSOR_OVERLAP_SECONDS;

function snelstartReadFrom(stored: StoredCursor | null): string | null {
  if (!stored) return null;
  return stored.settled ? stored.position : readFromCursor(stored.position, SNELSTART_OVERLAP_S);
}

function tribeReadFromStored(stored: StoredCursor | null): string | null {
  if (!stored) return null;
  return stored.settled ? stored.position : tribeReadFrom(stored.position);
}
