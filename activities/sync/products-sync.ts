import type { TribeProduct, TribeProductCreate } from '../../api-clients/tribe';
import { decideProductMatches, productBatchLookup } from '../../domain/matching';
import { fingerprint, mergeThreeWay, patchedFields } from '../../domain/merge';
import {
  artikelToCanonical,
  artikelUpdateFromCanonical,
  artikelWriteFromCanonical,
  tribeProductToCanonical,
  tribeProductWriteFromCanonical,
  type CanonicalProduct,
} from '../../domain/product-mapping';
import type { SnelStartArtikel } from '../../domain/snelstart-records';
import { mapWithConcurrency } from '../../lib/concurrency';
import type { RecordLink } from '../../store/link-store';
import type { RecordSnapshot } from '../../store/snapshot-store';
import { addCounts, emptyCounts, type SyncCounts } from '../../workflows/tenant-status';
import {
  RecordProblem,
  classifyError,
  errorMessage,
  listRecordFailure,
  problemsMessage,
  withRecordRetries,
} from './record-errors';
import { activitySignal, recordCheckpoint, stopIfCancelled } from './heartbeat';
import { lastSynced } from './last-synced';
import type { TenantContext } from './tenant-context';

const WRITE_CONCURRENCY = 8;
export const productImportId = (artikelId: string) => `snelstart:artikel:${artikelId}`;

const snapshotOf = (snelstartId: string, canonical: CanonicalProduct): RecordSnapshot => ({
  snelstartId,
  fields: canonical as unknown as Record<string, unknown>,
  fingerprint: fingerprint(canonical),
});

/**
 * SnelStart artikelen → Tribe products, matched on the SnelStart id only. A product deactivated in SnelStart
 * becomes Inactive in Tribe through the merge (isNonActief ↔ IsInactive).
 */
export async function syncArtikelenToTribe(
  ctx: TenantContext,
  incoming: readonly SnelStartArtikel[],
  options: { recover: boolean },
): Promise<Partial<SyncCounts>> {
  const counts = emptyCounts();
  if (incoming.length === 0) return counts;
  const incomingIds = incoming.map((artikel) => artikel.id);
  const known = await lastSynced(ctx, 'product', incomingIds);
  // Re-read artikelen (an overlap) equal to what was last synced have nothing new for Tribe: no look-ups.
  const artikelen = known.changed(incoming, artikelToCanonical);
  if (artikelen.length === 0) return counts;
  const ids = artikelen.map((artikel) => artikel.id);
  const wanted = new Set(ids);
  const links = new Map([...known.links].filter(([id]) => wanted.has(id)));
  const lookup = productBatchLookup(artikelen, [...links.values()]);
  const existing = new Map(
    (await ctx.tribe.products.getMany(lookup.linkedTribeIds)).items.map((p) => [p.ID, p]),
  );
  const decisions = decideProductMatches({
    artikelen,
    links: [...links.values()],
    existingTribeProductIds: new Set(existing.keys()),
  });
  const unlinked = ids.filter((id) => !links.has(id));
  // A create of an earlier run, this cycle's or one long gone, may have reached Tribe without its link being
  // written: such products are found by ImportId. Without an open intent (the normal path) nothing is looked up.
  const interrupted = await ctx.productIntents.open(ctx.tenantId, unlinked);
  // PostgreSQL hands uuids back in lower case; SnelStart's ids may not be.
  const suspect = options.recover ? unlinked : unlinked.filter((id) => interrupted.has(id.toLowerCase()));
  const recovered = new Map(
    suspect.length === 0
      ? []
      : (await ctx.tribe.products.findByImportIds(suspect.map(productImportId))).items.map((p) => [
          p.ImportId ?? '',
          p,
        ]),
  );
  const snapshots = known.snapshots;
  const byId = new Map(artikelen.map((artikel) => [artikel.id, artikel]));
  const creates = decisions.filter((decision) => decision.kind === 'create').map((d) => d.snelstartId);
  await ctx.productIntents.begin(ctx.tenantId, creates);
  // Artikelen whose create is linked or was refused; any other outcome keeps its intent for the next run.
  const settled: string[] = [];
  // Written together once the page is through (or given up): until then each create's intent stays open, so
  // an interruption finds the product by ImportId instead of creating it again.
  const newLinks: RecordLink[] = [];
  const newSnapshots: RecordSnapshot[] = [];
  const linkProduct = (link: RecordLink, snapshot: RecordSnapshot) => {
    newLinks.push(link);
    newSnapshots.push(snapshot);
  };

  try {
    await mapWithConcurrency(
      decisions,
      WRITE_CONCURRENCY,
      async (decision) => {
        recordCheckpoint();
        const artikel = byId.get(decision.snelstartId)!;
        try {
          if (decision.kind === 'skip') {
            counts.skipped += 1;
            return;
          }
          if (decision.kind === 'missing-link')
            throw new RecordProblem(decision.reason ?? 'linked Tribe product is missing');
          const canonical = artikelToCanonical(artikel);
          const adopted = recovered.get(productImportId(artikel.id));
          if (decision.kind === 'create' && !adopted) {
            const write = tribeProductWriteFromCanonical(canonical, ctx.productMapping);
            if (write.problems.length > 0) throw new RecordProblem(problemsMessage(write.problems));
            const body = { ...(write.product as TribeProductCreate), ImportId: productImportId(artikel.id) };
            const created = await withRecordRetries(async (attempt) => {
              const earlier =
                attempt > 0 ? (await ctx.tribe.products.findByImportId(String(body.ImportId)))[0] : undefined;
              return earlier ?? createProduct(ctx, body);
            });
            linkProduct(
              productLink(artikel, created.ID, 'created-in-tribe'),
              snapshotOf(artikel.id, canonical),
            );
            settled.push(artikel.id);
            counts.created += 1;
            return;
          }
          const product = adopted ?? existing.get(decision.tribeId!)!;
          const base = (snapshots.get(artikel.id)?.fields as CanonicalProduct | undefined) ?? null;
          const outcome = await withRecordRetries(() => mergeProduct(ctx, artikel, product, base));
          addCounts(counts, outcome.counts);
          linkProduct(
            productLink(artikel, product.ID, adopted ? 'created-in-tribe' : 'linked'),
            outcome.snapshot,
          );
          settled.push(artikel.id);
        } catch (err) {
          if (classifyError(err) === 'invalid') settled.push(artikel.id);
          await listRecordFailure(ctx, counts, err, {
            entity: 'product',
            source: 'snelstart',
            recordId: artikel.id,
            operation: decision.kind === 'create' ? 'create-in-tribe' : 'update',
            reason: `SnelStart artikel ${artikel.artikelcode ?? artikel.id} "${artikel.omschrijving ?? ''}": ${errorMessage(err)}`,
          });
        }
      },
      { signal: activitySignal() },
    );
  } finally {
    await Promise.all([
      ctx.links.upsert(ctx.tenantId, newLinks),
      ctx.snapshots.upsert(ctx.tenantId, 'product', newSnapshots),
    ]);
  }
  await ctx.productIntents.end(ctx.tenantId, settled);
  return counts;
}

/** Tribe products → SnelStart artikelen: linked ones merged, new ones created with their Tribe code. */
export async function syncProductsToSnelStart(
  ctx: TenantContext,
  products: readonly TribeProduct[],
): Promise<Partial<SyncCounts>> {
  const counts = emptyCounts();
  if (products.length === 0) return counts;
  const links = await ctx.links.byTribeIds(
    ctx.tenantId,
    'product',
    products.map((p) => p.ID),
  );
  const snapshots = await ctx.snapshots.get(
    ctx.tenantId,
    'product',
    [...links.values()].flat().map((link) => link.snelstartId),
  );
  const newSnapshots: RecordSnapshot[] = [];
  await mapWithConcurrency(
    products,
    4,
    async (product) => {
      recordCheckpoint();
      try {
        const link = links.get(product.ID)?.[0];
        if (link) {
          const snapshot = snapshots.get(link.snelstartId);
          const tribe = tribeProductToCanonical(product, ctx.productMapping);
          if (snapshot && fingerprint(tribe) === snapshot.fingerprint) return;
          const artikel = await ctx.snelstart.getArtikel(link.snelstartId);
          if (!artikel)
            throw new RecordProblem(`linked SnelStart artikel ${link.snelstartId} no longer exists`);
          const outcome = await withRecordRetries(() =>
            mergeProduct(ctx, artikel, product, (snapshot?.fields as CanonicalProduct | undefined) ?? null),
          );
          addCounts(counts, outcome.counts);
          newSnapshots.push(outcome.snapshot);
          return;
        }
        if (product.ImportId?.startsWith('snelstart:')) return;
        const canonical = tribeProductToCanonical(product, ctx.productMapping);
        const write = artikelWriteFromCanonical(canonical, ctx.productMapping);
        if (write.problems.length > 0) throw new RecordProblem(problemsMessage(write.problems));
        const { artikel, adopted } = await withRecordRetries(() => createArtikel(ctx, write.artikel));
        // Linked at once, so a failure later in the page never leaves the artikel to come back as a new product.
        // An artikel found by its code is taken only while no other product holds it.
        const stored = await ctx.links.insertIfAbsent(
          ctx.tenantId,
          productLink(artikel, product.ID, adopted ? 'artikelcode' : 'created-in-snelstart'),
        );
        if (stored.tribeId.toLowerCase() !== product.ID.toLowerCase())
          throw new RecordProblem(codeTakenMessage(artikel, stored.tribeId));
        await ctx.snapshots.upsert(ctx.tenantId, 'product', [
          snapshotOf(artikel.id, artikelToCanonical(artikel)),
        ]);
        counts.created += 1;
      } catch (err) {
        await listRecordFailure(ctx, counts, err, {
          entity: 'product',
          source: 'tribe',
          recordId: product.ID,
          operation: links.has(product.ID) ? 'update-in-snelstart' : 'create-in-snelstart',
          reason: `Tribe product ${product.Code ?? ''} "${product.Name}": ${errorMessage(err)}`,
        });
      }
    },
    { signal: activitySignal() },
  );
  await ctx.snapshots.upsert(ctx.tenantId, 'product', newSnapshots);
  return counts;
}

function codeTakenMessage(artikel: SnelStartArtikel, tribeId: string): string {
  const code = artikel.artikelcode ?? '';
  return `not created in SnelStart: artikelcode "${code}" is already used by SnelStart artikel "${artikel.omschrijving ?? ''}", which is linked to Tribe product ${tribeId}. If both are one product, merge them in Tribe; otherwise give this product another code. Then retry.`;
}

async function mergeProduct(
  ctx: TenantContext,
  artikel: SnelStartArtikel,
  product: TribeProduct,
  base: CanonicalProduct | null,
): Promise<{ counts: Partial<SyncCounts>; snapshot: RecordSnapshot }> {
  const merged = mergeThreeWay<CanonicalProduct>(
    base,
    artikelToCanonical(artikel),
    tribeProductToCanonical(product, ctx.productMapping),
  );
  const toTribe = patchedFields(merged.tribePatch);
  const toSnelStart = patchedFields(merged.snelstartPatch);
  if (toTribe.length > 0) {
    const write = tribeProductWriteFromCanonical(merged.snapshot, ctx.productMapping, toTribe);
    if (write.problems.length > 0) throw new RecordProblem(problemsMessage(write.problems));
    stopIfCancelled();
    await ctx.tribe.products.update(product.ID, write.product);
  }
  if (toSnelStart.length > 0) {
    // The artikel was read moments ago by the caller: PUT onto it without another GET.
    const update = artikelUpdateFromCanonical(artikel, merged.snapshot, toSnelStart, ctx.productMapping);
    if (update.problems.length > 0) throw new RecordProblem(problemsMessage(update.problems));
    stopIfCancelled();
    await ctx.snelstart.replaceArtikel(artikel.id, update.artikel as Record<string, unknown>);
  }
  if (merged.conflicts.length > 0) {
    await ctx.health.audit(
      ctx.tenantId,
      'conflict',
      `Artikel ${artikel.artikelcode ?? artikel.id} changed on both sides; SnelStart's values kept`,
      {
        entity: 'product',
        recordId: artikel.id,
        details: merged.conflicts,
      },
    );
  }
  return {
    counts: { updated: toTribe.length + toSnelStart.length > 0 ? 1 : 0, conflicts: merged.conflicts.length },
    snapshot: snapshotOf(artikel.id, merged.snapshot),
  };
}

async function createProduct(ctx: TenantContext, body: TribeProductCreate): Promise<TribeProduct> {
  try {
    stopIfCancelled();
    return await ctx.tribe.products.create(body);
  } catch (err) {
    if (classifyError(err) !== 'unknown-outcome') throw err;
    const existing = await ctx.tribe.products.findByImportId(String(body.ImportId));
    if (existing[0]) return existing[0];
    stopIfCancelled();
    return await ctx.tribe.products.create(body);
  }
}

/**
 * artikelcode is SnelStart's natural key (ART-0005): after an unknown outcome, or when taken, look it up.
 * `adopted` says the artikel was found by its code rather than made by this request.
 */
async function createArtikel(
  ctx: TenantContext,
  write: Parameters<TenantContext['snelstart']['createArtikel']>[0],
): Promise<{ artikel: SnelStartArtikel; adopted: boolean }> {
  try {
    stopIfCancelled();
    return { artikel: await ctx.snelstart.createArtikel(write), adopted: false };
  } catch (err) {
    const code = write.artikelcode ?? '';
    const cls = classifyError(err);
    const taken = hasCode(err, 'ART-0005');
    if (cls !== 'unknown-outcome' && !taken) throw err;
    const existing = (await ctx.snelstart.findArtikelenByCode(code))[0];
    if (existing) return { artikel: existing, adopted: true };
    if (taken) throw err;
    stopIfCancelled();
    return { artikel: await ctx.snelstart.createArtikel(write), adopted: false };
  }
}

function hasCode(err: unknown, code: string): boolean {
  const codes = (err as { codes?: unknown }).codes;
  return Array.isArray(codes) && codes.includes(code);
}

function productLink(artikel: SnelStartArtikel, tribeId: string, matchedBy: string): RecordLink {
  return {
    entity: 'product',
    snelstartId: artikel.id,
    tribeId,
    role: null,
    snelstartCode: artikel.artikelcode ?? null,
    matchedBy,
  };
}
