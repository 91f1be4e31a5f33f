import type { TribeOrganization } from '../../api-clients/tribe';
import { fingerprint, mergeThreeWay, patchedFields } from '../../domain/merge';
import {
  RELATION_MERGE_OPTIONS,
  TRIBE_CUSTOMER_RELATIONSHIP,
  TRIBE_SUPPLIER_RELATIONSHIP,
  relatieCreatesFromTribe,
  relatieRolesForTribeRelationships,
  relatieToCanonical,
  relatieUpdateFromCanonical,
  tribeOrganisationToCanonical,
  tribeOrganisationUpdateFromCanonical,
  type CanonicalRelation,
} from '../../domain/relation-mapping';
import type { RelatieRole, SnelStartRelatie } from '../../domain/snelstart-records';
import {
  counterpartLookup,
  snelstartCounterparts,
  type Counterpart,
} from '../../domain/snelstart-counterparts';
import { instantToSnelStartDateTime } from '../../domain/snelstart-time';
import { mapWithConcurrency } from '../../lib/concurrency';
import type { RecordLink } from '../../store/link-store';
import type { RecordSnapshot } from '../../store/snapshot-store';
import { addCounts, emptyCounts, type SyncCounts } from '../../workflows/tenant-status';
import {
  RecordProblem,
  classifyError,
  errorMessage,
  problemsMessage,
  withRecordRetries,
} from './record-errors';
import type { TenantContext } from './tenant-context';

const WRITE_CONCURRENCY = 4;

/**
 * Brings changed Tribe organisations to SnelStart: linked ones are merged field by field (an organisation
 * whose values equal the last snapshot is the sync's own write coming back and costs nothing); new ones of an
 * exported relation type are created in SnelStart without a number, and the number SnelStart assigns is
 * written back as the debtor/creditor number.
 */
export async function syncOrganisationsToSnelStart(
  ctx: TenantContext,
  organisations: readonly TribeOrganization[],
): Promise<Partial<SyncCounts>> {
  const counts = emptyCounts();
  if (organisations.length === 0) return counts;
  const links = await ctx.links.byTribeIds(
    ctx.tenantId,
    'relation',
    organisations.map((org) => org.ID),
  );
  const linkedIds = [...links.values()].flat().map((link) => link.snelstartId);
  const snapshots = await ctx.snapshots.get(ctx.tenantId, 'relation', linkedIds);

  // The relaties behind organisations that really changed, fetched together instead of one GET each.
  const changedLinked = organisations.flatMap((org) =>
    (links.get(org.ID) ?? []).filter((link) => {
      const snapshot = snapshots.get(link.snelstartId);
      const tribe = tribeOrganisationToCanonical(
        org,
        (link.role ?? 'Klant') as RelatieRole,
        ctx.relationMapping,
      );
      return !snapshot || fingerprint(tribe) !== snapshot.fingerprint;
    }),
  );
  const relaties = new Map(
    (await ctx.snelstart.getRelaties(changedLinked.map((link) => link.snelstartId))).map((r) => [r.id, r]),
  );
  const unlinked = organisations.filter(
    (org) => !links.has(org.ID) && !org.ImportId?.startsWith('snelstart:'),
  );
  const rolesByOrg = await exportedRoles(ctx, unlinked);
  const newLinks: RecordLink[] = [];
  const newSnapshots: RecordSnapshot[] = [];

  await mapWithConcurrency(organisations, WRITE_CONCURRENCY, async (organisation) => {
    try {
      const orgLinks = links.get(organisation.ID);
      if (orgLinks) {
        for (const link of orgLinks) {
          const outcome = await withRecordRetries((attempt) =>
            mergeLinked(
              ctx,
              organisation,
              link,
              snapshots.get(link.snelstartId),
              attempt === 0 ? relaties.get(link.snelstartId) : undefined,
            ),
          );
          addCounts(counts, outcome.counts);
          if (outcome.snapshot) newSnapshots.push(outcome.snapshot);
        }
        return;
      }
      const roles = rolesByOrg.get(organisation.ID) ?? [];
      if (roles.length === 0) return;
      const roleLinks = await withRecordRetries(() =>
        createRelatiesForOrganisation(ctx, organisation, roles),
      );
      for (const link of roleLinks) {
        if (link.matchedBy === 'created-in-snelstart') {
          counts.created += 1;
          continue;
        }
        // An existing relatie was adopted: the organisation's changes reach it by the usual merge.
        counts.matched += 1;
        const outcome = await withRecordRetries(() => mergeLinked(ctx, organisation, link, undefined));
        addCounts(counts, outcome.counts);
        if (outcome.snapshot) newSnapshots.push(outcome.snapshot);
      }
      await ctx.health.resolveFailure(ctx.tenantId, 'relation', 'tribe', organisation.ID);
    } catch (err) {
      if (classifyError(err) === 'retryable') throw err;
      counts.failed += 1;
      await ctx.health.recordFailure(ctx.tenantId, {
        entity: 'relation',
        source: 'tribe',
        recordId: organisation.ID,
        operation: links.has(organisation.ID) ? 'update-in-snelstart' : 'create-in-snelstart',
        reason: `Tribe organisation "${organisation.Name}": ${errorMessage(err)}`,
      });
    }
  });
  await ctx.links.upsert(ctx.tenantId, newLinks);
  await ctx.snapshots.upsert(ctx.tenantId, 'relation', newSnapshots);
  return counts;
}

async function mergeLinked(
  ctx: TenantContext,
  organisation: TribeOrganization,
  link: RecordLink,
  snapshot: RecordSnapshot | undefined,
  prefetched?: SnelStartRelatie,
): Promise<{ counts: Partial<SyncCounts>; snapshot?: RecordSnapshot }> {
  const role = (link.role ?? 'Klant') as RelatieRole;
  const tribe = tribeOrganisationToCanonical(organisation, role, ctx.relationMapping);
  if (snapshot && fingerprint(tribe) === snapshot.fingerprint) return { counts: {} };
  const relatie = prefetched ?? (await ctx.snelstart.getRelatie(link.snelstartId));
  if (!relatie) throw new RecordProblem(`linked SnelStart relatie ${link.snelstartId} no longer exists`);
  const snelstart = relatieToCanonical(relatie, ctx.relationMapping);
  const base = (snapshot?.fields as CanonicalRelation | undefined) ?? null;
  const merged = mergeThreeWay<CanonicalRelation>(base, snelstart, tribe, RELATION_MERGE_OPTIONS);
  const toSnelStart = patchedFields(merged.snelstartPatch);
  const toTribe = patchedFields(merged.tribePatch);
  if (toSnelStart.length > 0) {
    const update = relatieUpdateFromCanonical(relatie, merged.snapshot, toSnelStart, ctx.relationMapping);
    if (update.problems.length > 0) throw new RecordProblem(problemsMessage(update.problems));
    await ctx.snelstart.replaceRelatie(relatie.id, update.relatie as Record<string, unknown>);
  }
  if (toTribe.length > 0) {
    const update = tribeOrganisationUpdateFromCanonical(
      organisation,
      merged.snapshot,
      toTribe,
      role,
      ctx.relationMapping,
    );
    if (update.problems.length > 0) throw new RecordProblem(problemsMessage(update.problems));
    const body: Record<string, unknown> = { ...update.organisation };
    for (const address of update.addresses) {
      body[address.slot] = address.addressId
        ? { ...address.address, ID: address.addressId }
        : address.address;
    }
    await ctx.tribe.organizations.update(organisation.ID, body);
  }
  if (merged.conflicts.length > 0) {
    await ctx.health.audit(
      ctx.tenantId,
      'conflict',
      `Organisation "${organisation.Name}" changed on both sides; SnelStart's values kept`,
      {
        entity: 'relation',
        recordId: relatie.id,
        details: merged.conflicts,
      },
    );
  }
  const changed = toSnelStart.length > 0 || toTribe.length > 0;
  return {
    counts: { updated: changed ? 1 : 0, conflicts: merged.conflicts.length },
    snapshot: {
      snelstartId: relatie.id,
      fields: merged.snapshot as unknown as Record<string, unknown>,
      fingerprint: fingerprint(merged.snapshot),
    },
  };
}

/**
 * Creates the SnelStart relaties for a Tribe organisation (one per role, REL-0065), links them and writes the
 * assigned numbers back to Tribe. Also used when an invoice's customer is not in SnelStart yet.
 */
export async function createRelatiesForOrganisation(
  ctx: TenantContext,
  organisation: TribeOrganization,
  roles: RelatieRole[],
): Promise<RecordLink[]> {
  const { creates, problems } = relatieCreatesFromTribe(organisation, roles, ctx.relationMapping);
  if (problems.length > 0) throw new RecordProblem(problemsMessage(problems));
  const links: RecordLink[] = [];
  const numbers: Record<string, string> = {};
  const existing =
    (await ctx.links.byTribeIds(ctx.tenantId, 'relation', [organisation.ID])).get(organisation.ID) ?? [];
  for (const link of existing) {
    if (link.snelstartCode) numbers[numberField((link.role ?? 'Klant') as RelatieRole)] = link.snelstartCode;
    links.push(link);
  }
  const missing = creates.filter(({ role }) => !existing.some((link) => link.role === role));
  const alike =
    missing.length > 0 ? await ctx.snelstart.findRelatiesLike(counterpartLookup([organisation])) : [];
  for (const { role, relatie: write } of missing) {
    const counterparts = snelstartCounterparts(organisation, role, alike);
    if (counterparts.length > 0) {
      const link = await adoptCounterpart(ctx, organisation, role, counterparts);
      if (link.snelstartCode) numbers[numberField(role)] = link.snelstartCode;
      links.push(link);
      continue;
    }
    const before = instantToSnelStartDateTime(new Date(ctx.now().getTime() - 60_000));
    let created: SnelStartRelatie;
    try {
      created = await ctx.snelstart.createRelatie(write);
    } catch (err) {
      if (classifyError(err) !== 'unknown-outcome') throw err;
      // SnelStart has no idempotency key: find what the lost request may have created before trying again.
      const candidates = await ctx.snelstart.findRelatiesByNaamModifiedSince(write.naam ?? '', before);
      const same = candidates.find((candidate) => (candidate.relatiesoort ?? []).includes(role));
      created = same ?? (await ctx.snelstart.createRelatie(write));
    }
    const code = typeof created.relatiecode === 'number' ? String(created.relatiecode) : null;
    if (code) numbers[numberField(role)] = code;
    const link: RecordLink = {
      entity: 'relation',
      snelstartId: created.id,
      tribeId: organisation.ID,
      role,
      snelstartCode: code,
      matchedBy: 'created-in-snelstart',
    };
    const canonical = relatieToCanonical(created, ctx.relationMapping);
    // Linked at once, so a failure later in this organisation never leads to a second relatie.
    await ctx.links.upsert(ctx.tenantId, [link]);
    await ctx.snapshots.upsert(ctx.tenantId, 'relation', [
      {
        snelstartId: created.id,
        fields: canonical as unknown as Record<string, unknown>,
        fingerprint: fingerprint(canonical),
      },
    ]);
    links.push(link);
  }
  // The number SnelStart assigned overwrites whatever debtor/creditor number Tribe had.
  if (Object.keys(numbers).length > 0) await ctx.tribe.organizations.update(organisation.ID, numbers);
  return links;
}

function numberField(role: RelatieRole): 'DebtorNumber' | 'CreditorNumber' {
  return role === 'Klant' ? 'DebtorNumber' : 'CreditorNumber';
}

/**
 * Links the organisation to the one relatie it already is in SnelStart. Anything less certain (several
 * alike, an inactive one, one linked elsewhere or waiting for a person) is not guessed and creates nothing:
 * the organisation is listed with what to do.
 */
async function adoptCounterpart(
  ctx: TenantContext,
  organisation: TribeOrganization,
  role: RelatieRole,
  counterparts: readonly Counterpart[],
): Promise<RecordLink> {
  const field = role === 'Klant' ? 'debtor number' : 'creditor number';
  const describe = ({ relatie, rule }: Counterpart) =>
    `relatie ${relatie.relatiecode ?? '(no code)'} "${relatie.naam ?? ''}" (${rule === 'number' ? `the same ${field}` : 'the same name and address'})`;
  const notCreated = `not created in SnelStart, to avoid a duplicate ${role}`;
  if (counterparts.length > 1) {
    throw new RecordProblem(
      `${notCreated}: SnelStart already has ${counterparts.map(describe).join(', ')}. Give the organisation the right relatiecode as its ${field}, then retry.`,
    );
  }
  const counterpart = counterparts[0]!;
  const { relatie } = counterpart;
  if (relatie.nonactief === true) {
    throw new RecordProblem(
      `${notCreated}: SnelStart already has ${describe(counterpart)}, which is inactive. Reactivate it in SnelStart to link the two; if it is another organisation, change this one's ${field} or name and address. Then retry.`,
    );
  }
  const linkedElsewhere = (tribeId: string) =>
    new RecordProblem(
      `${notCreated}: SnelStart's ${describe(counterpart)} is already linked to Tribe organisation ${tribeId}. If both are one organisation, merge them in Tribe; otherwise change this one's ${field} or name and address. Then retry.`,
    );
  const linked = (await ctx.links.bySnelstartIds(ctx.tenantId, 'relation', [relatie.id])).get(relatie.id);
  if (linked && linked.tribeId !== organisation.ID) throw linkedElsewhere(linked.tribeId);
  const waiting = await ctx.health.openFailureIds(ctx.tenantId, 'relation', 'snelstart', [relatie.id]);
  if (waiting.has(relatie.id)) {
    throw new RecordProblem(
      `${notCreated}: SnelStart's ${describe(counterpart)} has an open failure of its own (see tenant failures); resolve that first, then retry.`,
    );
  }
  const link: RecordLink = {
    entity: 'relation',
    snelstartId: relatie.id,
    tribeId: organisation.ID,
    role,
    snelstartCode: typeof relatie.relatiecode === 'number' ? String(relatie.relatiecode) : null,
    matchedBy: counterpart.rule,
  };
  const stored = await ctx.links.insertIfAbsent(ctx.tenantId, link);
  if (stored.tribeId !== organisation.ID) throw linkedElsewhere(stored.tribeId);
  return stored;
}

/** The SnelStart roles of unlinked organisations, from the relationship types the tenant exports. */
async function exportedRoles(
  ctx: TenantContext,
  organisations: readonly TribeOrganization[],
): Promise<Map<string, RelatieRole[]>> {
  const result = new Map<string, RelatieRole[]>();
  if (organisations.length === 0) return result;
  const types = ctx.settings.mappings.relationTypes;
  const sets = [
    ...(types.customer ? [TRIBE_CUSTOMER_RELATIONSHIP] : []),
    ...(types.supplier ? [TRIBE_SUPPLIER_RELATIONSHIP] : []),
    ...types.extra,
  ];
  const setsByOrg = new Map<string, string[]>();
  const ids = organisations.map((org) => org.ID);
  for (const set of sets) {
    const found = await ctx.tribe.relationships.forOrganizations(set, ids);
    for (const relationship of found.items) {
      const orgId = relationship.Organization?.ID;
      if (orgId) setsByOrg.set(orgId, [...(setsByOrg.get(orgId) ?? []), set]);
    }
  }
  for (const [orgId, orgSets] of setsByOrg)
    result.set(orgId, relatieRolesForTribeRelationships(orgSets, types));
  return result;
}
