import type { TribeOrganization } from '../../api-clients/tribe';
import { fingerprint, mergeThreeWay, patchedFields } from '../../domain/merge';
import {
  RELATION_MERGE_OPTIONS,
  exportedRelationshipSets,
  relatieCreatesFromTribe,
  relatieRolesForTribeRelationships,
  relatieToCanonical,
  relatieUpdateFromCanonical,
  relatieWriteFromCanonical,
  tribeOrganisationToCanonical,
  tribeOrganisationUpdateFromCanonical,
  type CanonicalRelation,
} from '../../domain/relation-mapping';
import type { RelatieRole, SnelStartRelatie, SnelStartRelatieWrite } from '../../domain/snelstart-records';
import {
  couldBeCounterpart,
  counterpartLockKeys,
  counterpartLookup,
  snelstartCounterparts,
  type Counterpart,
} from '../../domain/snelstart-counterparts';
import { couldBeInterruptedCreate, sameRelationNumber } from '../../domain/matching';
import { instantToSnelStartDateTime } from '../../domain/snelstart-time';
import { mapWithConcurrency } from '../../lib/concurrency';
import type { CreateIntent } from '../../store/create-intent-store';
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
import { activitySignal, heartbeat, recordCheckpoint, stopIfCancelled } from './heartbeat';
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
  options: {
    /** Linked organisations whose roles are looked at even though their own fields did not change. */
    reconsider?: readonly string[];
  } = {},
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
  // A linked organisation that really changed, or is listed as failed, may have a role SnelStart does not
  // have yet; its failure closes once it is in order.
  const failing = await ctx.health.openFailureIds(ctx.tenantId, 'relation', 'tribe', [...links.keys()]);
  const reconsidered = new Set([
    ...changedLinked.map((link) => link.tribeId),
    ...failing,
    ...(options.reconsider ?? []),
  ]);
  const growing = organisations.filter(
    (org) => reconsidered.has(org.ID) && (links.get(org.ID)?.length ?? 0) < 2,
  );
  const rolesByOrg = await exportedRoles(ctx, [...unlinked, ...growing]);
  const newSnapshots: RecordSnapshot[] = [];

  const addRoles = async (organisation: TribeOrganization, roles: RelatieRole[]) => {
    const { added } = await withRecordRetries(() => createRelatiesForOrganisation(ctx, organisation, roles));
    for (const link of added) {
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
  };

  await mapWithConcurrency(
    organisations,
    WRITE_CONCURRENCY,
    async (organisation) => {
      recordCheckpoint();
      const orgLinks = links.get(organisation.ID);
      let operation = orgLinks ? 'update-in-snelstart' : 'create-in-snelstart';
      try {
        const roles = rolesByOrg.get(organisation.ID) ?? [];
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
          const missing = roles.filter((role) => !orgLinks.some((link) => link.role === role));
          operation = 'create-in-snelstart';
          if (missing.length > 0) await addRoles(organisation, missing);
          if (reconsidered.has(organisation.ID))
            await ctx.health.resolveFailure(ctx.tenantId, 'relation', 'tribe', organisation.ID);
          return;
        }
        if (roles.length === 0) return;
        await addRoles(organisation, roles);
        await ctx.health.resolveFailure(ctx.tenantId, 'relation', 'tribe', organisation.ID);
      } catch (err) {
        await listOrganisationFailure(ctx, counts, organisation, operation, err);
      }
    },
    { signal: activitySignal() },
  );
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
    stopIfCancelled();
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
    stopIfCancelled();
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
 * assigned numbers back to Tribe; a role SnelStart already has (see {@link snelstartCounterparts}) is linked
 * to that relatie instead. Also used when an invoice's customer is not in SnelStart yet.
 *
 * The look-up and the writes run under the organisation's locks, so the hourly sync and an invoice booking,
 * or two alike organisations, never both find nothing and both create. Every role is decided before anything
 * is written: an organisation that cannot have one role gets neither.
 */
export async function createRelatiesForOrganisation(
  ctx: TenantContext,
  organisation: TribeOrganization,
  roles: RelatieRole[],
): Promise<{ links: RecordLink[]; added: RecordLink[] }> {
  const { creates, problems } = relatieCreatesFromTribe(organisation, roles, ctx.relationMapping);
  if (problems.length > 0) throw new RecordProblem(problemsMessage(problems));
  const locks = counterpartLockKeys(ctx.tenantId, organisation, roles);
  return ctx.locks.withLocks(
    locks,
    async () => {
      const existing =
        (await ctx.links.byTribeIds(ctx.tenantId, 'relation', [organisation.ID])).get(organisation.ID) ?? [];
      const missing = creates.filter(({ role }) => !existing.some((link) => link.role === role));
      if (missing.length === 0) {
        // Done before, perhaps only up to the number write-back: that is made up for here.
        await writeNumbersBack(ctx, organisation, existing);
        return { links: existing, added: [] };
      }
      const alike = await ctx.snelstart.findRelatiesLike(counterpartLookup([organisation]));
      const missingRoles = missing.map(({ role }) => role);
      const doubtful = alike.unreadable.filter((row) =>
        couldBeCounterpart(organisation, missingRoles, row.parts),
      );
      if (doubtful.length > 0) {
        const rows = doubtful.map((row) => `${row.id ?? '(no id)'}: ${row.message}`).join('; ');
        throw new RecordProblem(
          `not created in SnelStart: relaties it may already be cannot be read (${rows}). Correct them in SnelStart, then retry.`,
        );
      }
      const plans: { role: RelatieRole; write: (typeof missing)[number]['relatie']; adopt?: RecordLink }[] =
        [];
      for (const { role, relatie: write } of missing) {
        const counterparts = snelstartCounterparts(organisation, role, alike.relaties);
        plans.push(
          counterparts.length > 0
            ? { role, write, adopt: await counterpartLink(ctx, organisation, role, counterparts) }
            : { role, write },
        );
      }

      const added: RecordLink[] = [];
      for (const { role, write, adopt } of plans)
        added.push(
          adopt ? await claimCounterpart(ctx, adopt) : await createRelatie(ctx, organisation, role, write),
        );
      await writeNumbersBack(ctx, organisation, [...existing, ...added]);
      return { links: [...existing, ...added], added };
    },
    heartbeat,
  );
}

async function createRelatie(
  ctx: TenantContext,
  organisation: TribeOrganization,
  role: RelatieRole,
  write: SnelStartRelatieWrite,
): Promise<RecordLink> {
  const naam = write.naam ?? '';
  const earlier = await ctx.intents.find(ctx.tenantId, organisation.ID, role);
  // An earlier attempt sent this create and stopped before linking its result (worker or database gone):
  // SnelStart has no idempotency key, so what it may have made is looked for before creating again.
  let created = earlier ? await interruptedCreateResult(ctx, earlier, role, write) : undefined;
  if (!created) {
    stopIfCancelled();
    await ctx.intents.begin(ctx.tenantId, organisation.ID, role, naam);
    const sent = ctx.now();
    created = await sendCreate(ctx, organisation, role, write, async () =>
      interruptedCreateResult(ctx, { naam, startedAt: sent }, role, write),
    );
  }
  return linkCreated(ctx, organisation, role, created);
}

/**
 * POSTs the relatie; after an unknown outcome it first looks for what the request may have made. A refused
 * request made nothing: its intent goes, so it can never lead a later attempt to someone else's relatie.
 */
async function sendCreate(
  ctx: TenantContext,
  organisation: TribeOrganization,
  role: RelatieRole,
  write: SnelStartRelatieWrite,
  lookUp: () => Promise<SnelStartRelatie | undefined>,
): Promise<SnelStartRelatie> {
  const refused = async (err: unknown) => {
    if (classifyError(err) === 'invalid') await ctx.intents.end(ctx.tenantId, organisation.ID, role);
    return err;
  };
  try {
    return await ctx.snelstart.createRelatie(write);
  } catch (err) {
    if (classifyError(err) !== 'unknown-outcome') throw await refused(err);
  }
  const found = await lookUp();
  if (found) return found;
  try {
    stopIfCancelled();
    return await ctx.snelstart.createRelatie(write);
  } catch (err) {
    throw await refused(err);
  }
}

/** Links a relatie created for the organisation at once, so a later failure never leads to a second one. */
async function linkCreated(
  ctx: TenantContext,
  organisation: TribeOrganization,
  role: RelatieRole,
  created: SnelStartRelatie,
): Promise<RecordLink> {
  const code = typeof created.relatiecode === 'number' ? String(created.relatiecode) : null;
  const link: RecordLink = {
    entity: 'relation',
    snelstartId: created.id,
    tribeId: organisation.ID,
    role,
    snelstartCode: code,
    matchedBy: 'created-in-snelstart',
  };
  const canonical = relatieToCanonical(created, ctx.relationMapping);
  await ctx.links.upsert(ctx.tenantId, [link]);
  await ctx.snapshots.upsert(ctx.tenantId, 'relation', [
    {
      snelstartId: created.id,
      fields: canonical as unknown as Record<string, unknown>,
      fingerprint: fingerprint(canonical),
    },
  ]);
  await ctx.intents.end(ctx.tenantId, organisation.ID, role);
  return link;
}

/**
 * SnelStart's date-times carry no zone and its zone is not documented (Dutch time is assumed elsewhere): a
 * look-back from our clock reaches this much further, so it finds the relatie whatever zone SnelStart uses.
 */
const ANY_ZONE_MS = 15 * 60 * 60 * 1000;

/**
 * How long after an intent starts the relatie its create made can have been written: the request may wait
 * for the tenant's SnelStart budget (1,000 calls an hour on the test product) before it is sent.
 */
export const CREATE_INTENT_WINDOW_MS = 60 * 60 * 1000;

/**
 * The relatie a create recorded in `intent` may have made: named as sent, of the role, active, at the address
 * sent, changed within the intent's window and linked to no organisation.
 */
async function interruptedCreateResult(
  ctx: TenantContext,
  intent: CreateIntent,
  role: RelatieRole,
  write: Pick<SnelStartRelatieWrite, 'vestigingsAdres' | 'correspondentieAdres'>,
): Promise<SnelStartRelatie | undefined> {
  const started = intent.startedAt.getTime();
  const from = instantToSnelStartDateTime(new Date(started - ANY_ZONE_MS));
  // SnelStart's clock is Dutch time or behind it (UTC), so Dutch time is the latest its stamp can read.
  const latest = instantToSnelStartDateTime(new Date(started + CREATE_INTENT_WINDOW_MS));
  const sent = {
    role,
    vestigingsAdres: write.vestigingsAdres,
    correspondentieAdres: write.correspondentieAdres,
  };
  const candidates = (await ctx.snelstart.findRelatiesByNaamModifiedSince(intent.naam, from)).filter(
    (candidate) => couldBeInterruptedCreate(candidate, sent, latest),
  );
  const linked = await ctx.links.bySnelstartIds(
    ctx.tenantId,
    'relation',
    candidates.map((candidate) => candidate.id),
  );
  return candidates.find((candidate) => !linked.has(candidate.id));
}

/**
 * Completes the creates an earlier cycle (or booking) sent without recording their outcome: the relatie such
 * a create made is linked to the organisation it was made for. Runs before SnelStart's changes are read, so
 * that relatie never comes back to Tribe as a new organisation. An intent whose window has passed without a
 * relatie made nothing and goes; the organisation's own sync creates it afresh.
 */
export async function settleInterruptedCreates(ctx: TenantContext): Promise<Partial<SyncCounts>> {
  const counts = emptyCounts();
  const intents = await ctx.intents.list(ctx.tenantId);
  if (intents.length === 0) return counts;
  const ids = [...new Set(intents.map((intent) => intent.tribeId))];
  const organisations = new Map(
    (await ctx.tribe.organizations.getMany(ids)).items.map((org) => [org.ID.toLowerCase(), org]),
  );
  for (const intent of intents) {
    recordCheckpoint();
    const role = intent.role as RelatieRole;
    const organisation = organisations.get(intent.tribeId.toLowerCase());
    const expired = ctx.now().getTime() - intent.startedAt.getTime() > CREATE_INTENT_WINDOW_MS;
    if (!organisation) {
      if (expired) await ctx.intents.end(ctx.tenantId, intent.tribeId, role);
      continue;
    }
    try {
      const settled = await ctx.locks.withLocks(
        counterpartLockKeys(ctx.tenantId, organisation, [role]),
        () => settleIntent(ctx, organisation, role, intent, expired),
        heartbeat,
      );
      if (settled) counts.created += 1;
    } catch (err) {
      await listOrganisationFailure(ctx, counts, organisation, 'create-in-snelstart', err);
    }
  }
  return counts;
}

/** True when the relatie an interrupted create made is linked now. */
async function settleIntent(
  ctx: TenantContext,
  organisation: TribeOrganization,
  role: RelatieRole,
  intent: CreateIntent,
  expired: boolean,
): Promise<boolean> {
  const existing =
    (await ctx.links.byTribeIds(ctx.tenantId, 'relation', [organisation.ID])).get(organisation.ID) ?? [];
  if (existing.some((link) => link.role === role)) {
    await ctx.intents.end(ctx.tenantId, organisation.ID, role);
    return false;
  }
  const canonical = tribeOrganisationToCanonical(organisation, role, ctx.relationMapping);
  const write = relatieWriteFromCanonical(canonical, ctx.relationMapping).relatie;
  const created = await interruptedCreateResult(ctx, intent, role, write);
  if (!created) {
    if (expired) await ctx.intents.end(ctx.tenantId, organisation.ID, role);
    return false;
  }
  const link = await linkCreated(ctx, organisation, role, created);
  await writeNumbersBack(ctx, organisation, [...existing, link]);
  return true;
}

/** The numbers SnelStart assigned overwrite whatever debtor/creditor numbers Tribe has; equal ones cost nothing. */
async function writeNumbersBack(
  ctx: TenantContext,
  organisation: TribeOrganization,
  links: readonly RecordLink[],
): Promise<void> {
  const numbers: Record<string, string> = {};
  for (const link of links) {
    const field = numberField((link.role ?? 'Klant') as RelatieRole);
    if (link.snelstartCode && !sameRelationNumber(organisation[field], Number(link.snelstartCode)))
      numbers[field] = link.snelstartCode;
  }
  if (Object.keys(numbers).length === 0) return;
  stopIfCancelled();
  await ctx.tribe.organizations.update(organisation.ID, numbers);
}

function numberField(role: RelatieRole): 'DebtorNumber' | 'CreditorNumber' {
  return role === 'Klant' ? 'DebtorNumber' : 'CreditorNumber';
}

/** How a person calls the Tribe field of {@link numberField}. */
function numberName(role: RelatieRole): string {
  return role === 'Klant' ? 'debtor number' : 'creditor number';
}

function describeCounterpart(role: RelatieRole, { relatie, rule }: Counterpart): string {
  const field = numberName(role);
  return `relatie ${relatie.relatiecode ?? '(no code)'} "${relatie.naam ?? ''}" (${rule === 'number' ? `the same ${field}` : 'the same name and address'})`;
}

function linkedElsewhere(role: RelatieRole, counterpart: Counterpart, tribeId: string): RecordProblem {
  const field = numberName(role);
  return new RecordProblem(
    `not created in SnelStart, to avoid a duplicate ${role}: SnelStart's ${describeCounterpart(role, counterpart)} is already linked to Tribe organisation ${tribeId}. If both are one organisation, merge them in Tribe; otherwise change this one's ${field} or name and address. Then retry.`,
  );
}

/**
 * The link to the one relatie the organisation already is in SnelStart. Anything less certain (several
 * alike, an inactive one, one linked elsewhere or waiting for a person) is not guessed and creates nothing:
 * the organisation is listed with what to do.
 */
async function counterpartLink(
  ctx: TenantContext,
  organisation: TribeOrganization,
  role: RelatieRole,
  counterparts: readonly Counterpart[],
): Promise<RecordLink> {
  const field = numberName(role);
  const describe = (counterpart: Counterpart) => describeCounterpart(role, counterpart);
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
  const linked = (await ctx.links.bySnelstartIds(ctx.tenantId, 'relation', [relatie.id])).get(relatie.id);
  if (linked && linked.tribeId !== organisation.ID) throw linkedElsewhere(role, counterpart, linked.tribeId);
  const waiting = await ctx.health.openFailureIds(ctx.tenantId, 'relation', 'snelstart', [relatie.id]);
  if (waiting.has(relatie.id)) {
    throw new RecordProblem(
      `${notCreated}: SnelStart's ${describe(counterpart)} has an open failure of its own (see tenant failures); resolve that first, then retry.`,
    );
  }
  return {
    entity: 'relation',
    snelstartId: relatie.id,
    tribeId: organisation.ID,
    role,
    snelstartCode: typeof relatie.relatiecode === 'number' ? String(relatie.relatiecode) : null,
    matchedBy: counterpart.rule,
  };
}

/** Takes the relatie's link unless another organisation took it since it was checked. */
async function claimCounterpart(ctx: TenantContext, link: RecordLink): Promise<RecordLink> {
  const stored = await ctx.links.insertIfAbsent(ctx.tenantId, link);
  if (stored.tribeId !== link.tribeId)
    throw new RecordProblem(
      `not created in SnelStart, to avoid a duplicate ${link.role ?? 'relatie'}: SnelStart's relatie ${link.snelstartCode ?? link.snelstartId} was linked to Tribe organisation ${stored.tribeId} meanwhile. If both are one organisation, merge them in Tribe; then retry.`,
    );
  return stored;
}

/** The SnelStart roles of organisations, from the relationship types the tenant exports. */
async function exportedRoles(
  ctx: TenantContext,
  organisations: readonly TribeOrganization[],
): Promise<Map<string, RelatieRole[]>> {
  const result = new Map<string, RelatieRole[]>();
  if (organisations.length === 0) return result;
  const types = ctx.settings.mappings.relationTypes;
  const sets = exportedRelationshipSets(types);
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

/** A retryable fault ends the attempt (Temporal retries it); anything else lists the organisation and moves on. */
function listOrganisationFailure(
  ctx: TenantContext,
  counts: SyncCounts,
  organisation: TribeOrganization,
  operation: string,
  err: unknown,
): Promise<void> {
  return listRecordFailure(ctx, counts, err, {
    entity: 'relation',
    source: 'tribe',
    recordId: organisation.ID,
    operation,
    reason: `Tribe organisation "${organisation.Name}": ${errorMessage(err)}`,
  });
}
