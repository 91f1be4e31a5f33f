import { tribeRelationshipSchema, type TribeOrganization } from '../../api-clients/tribe';
import {
  decideRelationMatches,
  relationBatchLookup,
  type RelationMatchDecision,
} from '../../domain/matching';
import { fingerprint, mergeThreeWay, patchedFields } from '../../domain/merge';
import {
  RELATION_MERGE_OPTIONS,
  TRIBE_CUSTOMER_RELATIONSHIP,
  TRIBE_SUPPLIER_RELATIONSHIP,
  relatieToCanonical,
  relatieUpdateFromCanonical,
  tribeOrganisationCreateFromRelaties,
  tribeOrganisationToCanonical,
  tribeOrganisationUpdateFromCanonical,
  type CanonicalRelation,
} from '../../domain/relation-mapping';
import type { RelatieRole, SnelStartRelatie } from '../../domain/snelstart-records';
import { mapWithConcurrency } from '../../lib/concurrency';
import type { RecordLink } from '../../store/link-store';
import type { RecordSnapshot } from '../../store/snapshot-store';
import { addCounts, type SyncCounts } from '../../workflows/tenant-status';
import {
  RecordProblem,
  classifyError,
  errorMessage,
  listRecordFailure,
  problemsMessage,
  withRecordRetries,
} from './record-errors';
import { activitySignal, recordCheckpoint, stopIfCancelled } from './heartbeat';
import type { TenantContext } from './tenant-context';
import { lastSynced } from './last-synced';
import { syncOrganisationsToSnelStart } from './relations-from-tribe';
import { findTribeCandidates } from './tribe-candidates';

const WRITE_CONCURRENCY = 8;

export const relationImportId = (snelstartId: string) => `snelstart:relatie:${snelstartId}`;
const roleSet = (role: RelatieRole) =>
  role === 'Klant' ? TRIBE_CUSTOMER_RELATIONSHIP : TRIBE_SUPPLIER_RELATIONSHIP;

interface BatchResult {
  links: RecordLink[];
  snapshots: RecordSnapshot[];
  resolved: string[];
}

/**
 * Brings a batch of SnelStart relaties into Tribe: matched by link, number or name + address, merged field by
 * field with the last snapshot, created when new. Every record that cannot be synced is recorded with its
 * reason and the rest carries on. Safe to run twice on the same batch: links and ImportIds prevent duplicates.
 */
export async function syncRelatiesToTribe(
  ctx: TenantContext,
  incoming: readonly SnelStartRelatie[],
  options: { recover: boolean },
): Promise<Partial<SyncCounts>> {
  const counts: SyncCounts = { created: 0, updated: 0, matched: 0, skipped: 0, failed: 0, conflicts: 0 };
  if (incoming.length === 0) return counts;
  const incomingIds = incoming.map((relatie) => relatie.id);
  const known = await lastSynced(ctx, 'relation', incomingIds);
  const { snapshots, openFailures } = known;
  const ownLinks = known.links;
  // Re-read rows (an overlap) equal to what was last synced cost no look-ups. A relatie that changed roles or
  // became inactive always goes through: the snapshot does not hold either.
  const relaties = known.changed(
    incoming,
    (relatie) => canonicalOf(ctx, relatie),
    (relatie, link) => !relatie.nonactief && onlyRole(relatie) === link.role,
  );
  if (relaties.length === 0) return counts;
  const ids = relaties.map((relatie) => relatie.id);
  const lookup = relationBatchLookup(relaties, [...ownLinks.values()].map(asMatchLink));

  const organisations = await findTribeCandidates(ctx.tribe, lookup);
  let recovered = new Map<string, TribeOrganization>();
  if (options.recover) {
    // A previous attempt may have created organisations it could not link: adopt them by ImportId.
    const unlinked = ids.filter((id) => !ownLinks.has(id)).map(relationImportId);
    const found = (await ctx.tribe.organizations.findByImportIds(unlinked)).items;
    recovered = new Map(found.map((org) => [org.ImportId ?? '', org]));
  }

  const candidateLinks = await ctx.links.byTribeIds(ctx.tenantId, 'relation', [...organisations.keys()]);
  const allLinks = [...ownLinks.values(), ...[...candidateLinks.values()].flat()].map(asMatchLink);
  const decisions = decideRelationMatches({
    relaties,
    links: allLinks,
    tribeOrganisations: [...organisations.values()],
  });
  const byId = new Map(relaties.map((relatie) => [relatie.id, relatie]));

  const groups = new Map<string, RelationMatchDecision[]>();
  for (const decision of decisions) {
    if (decision.kind === 'skip') {
      counts.skipped += 1;
      continue;
    }
    if (decision.kind === 'ambiguous' || decision.kind === 'missing-link') {
      counts.failed += 1;
      await ctx.health.recordFailure(ctx.tenantId, {
        entity: 'relation',
        source: 'snelstart',
        recordId: decision.snelstartId,
        operation: decision.kind === 'ambiguous' ? 'match' : 'update',
        reason: `${describeRelatie(byId.get(decision.snelstartId))}: ${decision.reason ?? decision.kind}`,
        details: { candidates: decision.candidates ?? [], rule: decision.rule },
      });
      continue;
    }
    const recoveredOrg = recovered.get(relationImportId(decision.snelstartId));
    const effective: RelationMatchDecision =
      decision.kind === 'create' && recoveredOrg
        ? {
            ...decision,
            kind: 'matched',
            rule: 'link',
            tribeId: recoveredOrg.ID,
            groupKey: `tribe:${recoveredOrg.ID}`,
          }
        : decision;
    if (recoveredOrg) organisations.set(recoveredOrg.ID, recoveredOrg);
    groups.set(effective.groupKey, [...(groups.get(effective.groupKey) ?? []), effective]);
  }

  const result: BatchResult = { links: [], snapshots: [], resolved: [] };
  const roleHolders = await existingRoles(ctx, groups, organisations);
  await mapWithConcurrency(
    [...groups.values()],
    WRITE_CONCURRENCY,
    async (members) => {
      recordCheckpoint();
      try {
        const outcome = await withRecordRetries((attempt) =>
          syncGroup(
            ctx,
            members,
            byId,
            organisations,
            snapshots,
            roleHolders,
            options.recover || attempt > 0,
          ),
        );
        addCounts(counts, outcome.counts);
        result.links.push(...outcome.links);
        result.snapshots.push(...outcome.snapshots);
        for (const member of members)
          if (openFailures.has(member.snelstartId)) result.resolved.push(member.snelstartId);
      } catch (err) {
        for (const member of members) {
          await listRecordFailure(ctx, counts, err, {
            entity: 'relation',
            source: 'snelstart',
            recordId: member.snelstartId,
            operation: member.kind === 'create' ? 'create-in-tribe' : 'update',
            reason: `${describeRelatie(byId.get(member.snelstartId))}: ${errorMessage(err)}`,
          });
        }
      }
    },
    { signal: activitySignal() },
  );
  await Promise.all([
    ctx.links.upsert(ctx.tenantId, result.links),
    ctx.snapshots.upsert(ctx.tenantId, 'relation', result.snapshots),
  ]);
  for (const id of result.resolved)
    await ctx.health.resolveFailure(ctx.tenantId, 'relation', 'snelstart', id);
  // An organisation not created in SnelStart because it already was there (inactive, say) is looked at again
  // once linked: its failure closes, or a second role it has in Tribe is added in SnelStart.
  const newlyLinked = [
    ...new Set(result.links.filter((link) => !ownLinks.has(link.snelstartId)).map((link) => link.tribeId)),
  ];
  const waiting = await ctx.health.openFailureIds(ctx.tenantId, 'relation', 'tribe', newlyLinked);
  // Asked for first, so an interruption below still leaves them to the next cycle's retries.
  for (const id of waiting) await ctx.health.requestRetry(ctx.tenantId, id);
  if (waiting.size > 0) {
    const reconsider = (await ctx.tribe.organizations.getMany([...waiting])).items;
    addCounts(counts, await syncOrganisationsToSnelStart(ctx, reconsider));
  }
  return counts;
}

const canonicals = new WeakMap<
  SnelStartRelatie,
  { mapping: TenantContext['relationMapping']; canonical: CanonicalRelation }
>();

/** A relatie of a batch is mapped once, though the overlap check, the create and the snapshot all need it. */
function canonicalOf(ctx: TenantContext, relatie: SnelStartRelatie): CanonicalRelation {
  const cached = canonicals.get(relatie);
  if (cached?.mapping === ctx.relationMapping) return cached.canonical;
  const canonical = relatieToCanonical(relatie, ctx.relationMapping);
  canonicals.set(relatie, { mapping: ctx.relationMapping, canonical });
  return canonical;
}

/** The relatie's one syncable role, or null when it has none or both. */
function onlyRole(relatie: SnelStartRelatie): string | null {
  const roles = (relatie.relatiesoort ?? []).filter((role) => role === 'Klant' || role === 'Leverancier');
  return roles.length === 1 ? (roles[0] as string) : null;
}

async function syncGroup(
  ctx: TenantContext,
  members: RelationMatchDecision[],
  byId: Map<string, SnelStartRelatie>,
  organisations: Map<string, TribeOrganization>,
  snapshots: Map<string, RecordSnapshot>,
  roleHolders: Set<string>,
  recover: boolean,
): Promise<{ counts: Partial<SyncCounts>; links: RecordLink[]; snapshots: RecordSnapshot[] }> {
  const first = members[0];
  if (!first) return { counts: {}, links: [], snapshots: [] };
  const memberRoles = members.flatMap((member) => member.roles.map((role) => ({ member, role })));

  if (first.kind === 'create') {
    const relatieMembers = memberRoles.map(({ member, role }) => ({
      relatie: byId.get(member.snelstartId)!,
      role,
    }));
    const { organisation, roles, problems } = tribeOrganisationCreateFromRelaties(
      relatieMembers,
      ctx.relationMapping,
      (relatie) => canonicalOf(ctx, relatie),
    );
    if (problems.length > 0) throw new RecordProblem(problemsMessage(problems));
    const importId = relationImportId(first.snelstartId);
    // After a failed attempt, what it may have created is found by ImportId and completed, not created again.
    const earlier = recover ? (await ctx.tribe.organizations.findByImportId(importId))[0] : undefined;
    let created: TribeOrganization;
    if (earlier) {
      created = earlier;
      for (const role of roles) {
        const held = await ctx.tribe.relationships.forOrganizations(roleSet(role), [earlier.ID]);
        if (held.items.length === 0) await createRole(ctx, earlier, role);
      }
    } else {
      created = await createOrganisationWithRole(
        ctx,
        { ...organisation, ImportId: importId },
        roles[0] ?? 'Klant',
      );
      for (const role of roles.slice(1)) await createRole(ctx, created, role);
    }
    const links = memberRoles.map(({ member, role }) =>
      link(member, role, created, 'created-in-tribe', byId),
    );
    const snaps = memberRoles.map(({ member }) => {
      const canonical = canonicalOf(ctx, byId.get(member.snelstartId)!);
      return {
        snelstartId: member.snelstartId,
        fields: canonical as unknown as Record<string, unknown>,
        fingerprint: fingerprint(canonical),
      };
    });
    return { counts: { created: members.length }, links, snapshots: snaps };
  }

  const tribeId = first.tribeId!;
  let organisation = organisations.get(tribeId);
  if (!organisation) throw new RecordProblem(`Tribe organisation ${tribeId} could not be read`);
  const counts: Partial<SyncCounts> = { matched: 0, updated: 0, conflicts: 0 };
  const links: RecordLink[] = [];
  const snaps: RecordSnapshot[] = [];
  for (const { member, role } of memberRoles) {
    const relatie = byId.get(member.snelstartId)!;
    if (member.kind === 'matched' && !roleHolders.has(`${tribeId}:${role}`)) {
      await createRole(ctx, organisation, role);
      roleHolders.add(`${tribeId}:${role}`);
    }
    const base =
      member.kind === 'linked'
        ? (snapshots.get(member.snelstartId)?.fields as CanonicalRelation | undefined)
        : undefined;
    const snelstart = canonicalOf(ctx, relatie);
    const tribe = tribeOrganisationToCanonical(organisation, role, ctx.relationMapping);
    const merged = mergeThreeWay<CanonicalRelation>(base ?? null, snelstart, tribe, RELATION_MERGE_OPTIONS);
    const tribeFields = patchedFields(merged.tribePatch);
    const snelstartFields = patchedFields(merged.snelstartPatch);
    if (tribeFields.length > 0) {
      organisation = await updateOrganisation(ctx, organisation, merged.snapshot, tribeFields, role);
      organisations.set(tribeId, organisation);
    }
    if (snelstartFields.length > 0) await updateRelatie(ctx, relatie, merged.snapshot, snelstartFields);
    if (merged.conflicts.length > 0) {
      counts.conflicts! += merged.conflicts.length;
      await ctx.health.audit(
        ctx.tenantId,
        'conflict',
        `Relatie ${relatie.relatiecode ?? relatie.id} changed on both sides; SnelStart's values kept`,
        {
          entity: 'relation',
          recordId: relatie.id,
          details: merged.conflicts,
        },
      );
    }
    if (member.kind === 'matched') counts.matched! += 1;
    else if (tribeFields.length > 0 || snelstartFields.length > 0) counts.updated! += 1;
    links.push(link(member, role, organisation, member.kind === 'linked' ? 'linked' : member.rule, byId));
    snaps.push({
      snelstartId: member.snelstartId,
      fields: merged.snapshot as unknown as Record<string, unknown>,
      fingerprint: fingerprint(merged.snapshot),
    });
  }
  return { counts, links, snapshots: snaps };
}

/** One request: the relationship with the organisation and its addresses inline (deep insert). */
async function createOrganisationWithRole(
  ctx: TenantContext,
  organisation: Record<string, unknown>,
  role: RelatieRole,
): Promise<TribeOrganization> {
  const importId = String(organisation.ImportId);
  const body = { Relation: { ID: await ctx.tribe.ownOrganizationId() }, Organization: organisation };
  let organisationId: string | undefined;
  try {
    stopIfCancelled();
    const relationship = await ctx.tribe.odata.create(roleSet(role), body, tribeRelationshipSchema);
    organisationId = relationship.Organization?.ID;
  } catch (err) {
    if (classifyError(err) !== 'unknown-outcome') throw err;
    const existing = await ctx.tribe.organizations.findByImportId(importId);
    if (existing[0]) return existing[0];
    stopIfCancelled();
    const relationship = await ctx.tribe.odata.create(roleSet(role), body, tribeRelationshipSchema);
    organisationId = relationship.Organization?.ID;
  }
  if (!organisationId) throw new RecordProblem('Tribe created the relationship without an organisation');
  return { ...(organisation as TribeOrganization), ID: organisationId, Name: String(organisation.Name) };
}

async function createRole(
  ctx: TenantContext,
  organisation: TribeOrganization,
  role: RelatieRole,
): Promise<void> {
  stopIfCancelled();
  await ctx.tribe.relationships.create(roleSet(role), { Organization: { ID: organisation.ID } });
}

async function updateOrganisation(
  ctx: TenantContext,
  current: TribeOrganization,
  merged: CanonicalRelation,
  fields: ReturnType<typeof patchedFields<CanonicalRelation>>,
  role: RelatieRole,
): Promise<TribeOrganization> {
  const update = tribeOrganisationUpdateFromCanonical(current, merged, fields, role, ctx.relationMapping);
  if (update.problems.length > 0) throw new RecordProblem(problemsMessage(update.problems));
  const body: Record<string, unknown> = { ...update.organisation };
  for (const address of update.addresses) {
    body[address.slot] = address.addressId ? { ...address.address, ID: address.addressId } : address.address;
  }
  stopIfCancelled();
  const written = await ctx.tribe.organizations.update(current.ID, body);
  // The answer carries address references only; the addresses just written are what Tribe now holds.
  const result: Record<string, unknown> = { ...current, ...update.organisation };
  for (const address of update.addresses) {
    const id = (written[address.slot] as { ID?: string } | null | undefined)?.ID ?? address.addressId;
    result[address.slot] = { ...address.address, ID: id };
  }
  return result as TribeOrganization;
}

async function updateRelatie(
  ctx: TenantContext,
  relatie: SnelStartRelatie,
  merged: CanonicalRelation,
  fields: ReturnType<typeof patchedFields<CanonicalRelation>>,
): Promise<void> {
  // The relatie was read moments ago in this batch: PUT onto it without another GET.
  const update = relatieUpdateFromCanonical(relatie, merged, fields, ctx.relationMapping);
  if (update.problems.length > 0) throw new RecordProblem(problemsMessage(update.problems));
  stopIfCancelled();
  await ctx.snelstart.replaceRelatie(relatie.id, update.relatie as Record<string, unknown>);
}

/** Which (organisation, role) pairs already exist among the organisations the batch matched. */
async function existingRoles(
  ctx: TenantContext,
  groups: Map<string, RelationMatchDecision[]>,
  organisations: Map<string, TribeOrganization>,
): Promise<Set<string>> {
  const matched = new Map<RelatieRole, Set<string>>();
  for (const members of groups.values()) {
    for (const member of members) {
      if (member.kind !== 'matched' || !member.tribeId || !organisations.has(member.tribeId)) continue;
      for (const role of member.roles)
        matched.set(role, (matched.get(role) ?? new Set()).add(member.tribeId));
    }
  }
  const holders = new Set<string>();
  for (const [role, orgIds] of matched) {
    const found = await ctx.tribe.relationships.forOrganizations(roleSet(role), [...orgIds]);
    for (const relationship of found.items) {
      if (relationship.Organization?.ID) holders.add(`${relationship.Organization.ID}:${role}`);
    }
  }
  return holders;
}

function link(
  member: RelationMatchDecision,
  role: RelatieRole,
  organisation: TribeOrganization,
  matchedBy: string,
  byId: Map<string, SnelStartRelatie>,
): RecordLink {
  const code = byId.get(member.snelstartId)?.relatiecode;
  return {
    entity: 'relation',
    snelstartId: member.snelstartId,
    tribeId: organisation.ID,
    role,
    snelstartCode: typeof code === 'number' ? String(code) : null,
    matchedBy,
  };
}

function asMatchLink(link: RecordLink) {
  return { snelstartId: link.snelstartId, tribeId: link.tribeId, role: link.role as RelatieRole | null };
}

export function describeRelatie(relatie: SnelStartRelatie | undefined): string {
  if (!relatie) return 'SnelStart relatie';
  const soort = (relatie.relatiesoort ?? []).join('/') || 'relatie';
  return `SnelStart ${soort} ${relatie.relatiecode ?? ''} "${relatie.naam ?? ''}"`.replace(/\s+/g, ' ');
}
