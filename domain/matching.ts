import {
  canonicalStreetParts,
  normaliseAddition,
  normalisePostcode,
  parseStraat,
  postcodeSpellings,
} from './address';
import { normaliseOrganisationName } from './organisation-name';
import { compareSnelStartDateTimes, parseSnelStartDateTime } from './snelstart-time';
import type {
  RelatieRole,
  SnelStartAdres,
  SnelStartAdresWrite,
  SnelStartArtikel,
  SnelStartRelatie,
} from './snelstart-records';
import type { TribeAddress, TribeOrganisation } from './tribe-records';

/**
 * Deciding, batch by batch, which Tribe organisation a SnelStart relatie belongs to, and which Tribe product
 * an artikel belongs to.
 *
 * Relaties, in this order: (1) the link table (SnelStart id → Tribe id); (2) the relation number: a Klant's
 * relatiecode against Tribe `DebtorNumber`, a Leverancier's against `CreditorNumber`; (3) normalised name +
 * postcode + house number + addition; otherwise a new Tribe organisation. More than one candidate at a step is
 * `ambiguous` and left to a person. A Klant and a Leverancier with the same name and address end up in one
 * Tribe organisation: see {@link RelationMatchDecision.groupKey}.
 */

/** A row of the link table. `role` is the relatie's role; `null` when unknown (then it blocks both roles). */
export interface RelationLink {
  readonly snelstartId: string;
  readonly tribeId: string;
  readonly role?: RelatieRole | null;
}

export type RelationMatchKind = 'linked' | 'matched' | 'create' | 'skip' | 'ambiguous' | 'missing-link';

export type RelationMatchRule =
  | 'link'
  | 'number'
  | 'name-address'
  | 'same-organisation'
  | 'no-match'
  | 'system-row'
  | 'inactive'
  | 'no-role';

export interface RelationMatchDecision {
  readonly snelstartId: string;
  readonly relatiecode: number | null;
  readonly roles: readonly RelatieRole[];
  /**
   * `linked`: the link table already points at an existing Tribe organisation.
   * `matched`: a Tribe organisation was found by `rule`; store the link.
   * `create`: no Tribe organisation yet; create one per `groupKey`.
   * `skip`: not synced (`reason` says why).
   * `ambiguous`: several possible Tribe organisations (`candidates`); a person must decide.
   * `missing-link`: the linked Tribe organisation (`tribeId`) no longer exists; reported, never re-created.
   */
  readonly kind: RelationMatchKind;
  readonly rule: RelationMatchRule;
  readonly tribeId?: string;
  readonly candidates?: readonly string[];
  readonly reason?: string;
  /**
   * Decisions with the same key belong to one Tribe organisation: `tribe:<id>` for a known organisation,
   * `new:<match key>` for a Klant and a Leverancier of the same organisation that are both to be created
   * (create one organisation with both roles), `relatie:<snelstart id>` otherwise.
   */
  readonly groupKey: string;
}

/** What the engine has to look up in Tribe before {@link decideRelationMatches} can decide a batch. */
export interface RelationBatchLookup {
  /** Linked Tribe organisations: fetch them to see whether they still exist. */
  readonly linkedTribeIds: readonly string[];
  /** Klant relatiecodes to look up as `DebtorNumber`. */
  readonly debtorNumbers: readonly string[];
  /** Leverancier relatiecodes to look up as `CreditorNumber`. */
  readonly creditorNumbers: readonly string[];
  /** Normalised postcodes (`1234 AB`) of the addresses used for the name + address rule. */
  readonly postcodes: readonly string[];
  /** Every spelling of those postcodes (`1234 AB`, `1234AB`, `1234 ab`, `1234ab`) for exact-match filters. */
  readonly postcodeSpellings: readonly string[];
  /** Per postcode area (its four digits), the house numbers of the addresses used for the name + address rule. */
  readonly houseNumbersByArea: ReadonlyMap<string, readonly number[]>;
}

export interface RelationMatchInput {
  readonly relaties: readonly SnelStartRelatie[];
  /**
   * Link-table rows for the batch's relaties and for every organisation in `tribeOrganisations` (an
   * organisation already linked to another relatie of the same role is not a candidate).
   */
  readonly links: readonly RelationLink[];
  /**
   * Every Tribe organisation the batch's lookups found (linked ids, debtor and creditor numbers, postcodes),
   * with `VisitingAddress` and `PostalAddress` expanded.
   */
  readonly tribeOrganisations: readonly TribeOrganisation[];
}

/** The roles of a relatie (`Klant`, `Leverancier`), case-insensitive, without duplicates. */
export function relatieRoles(relatie: Pick<SnelStartRelatie, 'relatiesoort'>): RelatieRole[] {
  const soorten = new Set((relatie.relatiesoort ?? []).map((soort) => soort.trim().toLowerCase()));
  const roles: RelatieRole[] = [];
  if (soorten.has('klant')) roles.push('Klant');
  if (soorten.has('leverancier')) roles.push('Leverancier');
  return roles;
}

/**
 * Why a relatie is one of SnelStart's own system rows, or `null`. System rows are exactly: the
 * administration's own relation (relatiesoort contains `Eigen`) and the reserved relations with a negative
 * relatiecode (`-1` Leverancier onbekend, `-2` Klant onbekend). Relatiecode `0` and a missing relatiecode are
 * ordinary relaties.
 */
export function systemRowReason(
  relatie: Pick<SnelStartRelatie, 'relatiesoort' | 'relatiecode'>,
): string | null {
  if ((relatie.relatiesoort ?? []).some((soort) => soort.trim().toLowerCase() === 'eigen')) {
    return "the administration's own relation (relatiesoort Eigen) is not synced";
  }
  const code = relatie.relatiecode;
  if (typeof code === 'number' && code < 0) {
    return `relatiecode ${code} is a SnelStart system relation (negative codes are reserved, e.g. -1 Leverancier onbekend, -2 Klant onbekend) and is not synced`;
  }
  return null;
}

/**
 * The name + address key of a relatie: normalised name, postcode, house number and addition of its
 * vestigingsAdres, or of its correspondentieAdres when the vestigingsAdres has no postcode and house number.
 * `null` when the name, the postcode or the house number is missing: such a relatie is never matched by name.
 */
export function relatieMatchKey(
  relatie: Pick<SnelStartRelatie, 'naam' | 'vestigingsAdres' | 'correspondentieAdres'>,
): string | null {
  const name = normaliseOrganisationName(relatie.naam);
  if (name === '') return null;
  return (
    snelStartAddressKey(name, relatie.vestigingsAdres) ??
    snelStartAddressKey(name, relatie.correspondentieAdres)
  );
}

/** The name + address keys of a Tribe organisation: one per address (visiting and postal) that has a postcode and number. */
export function tribeOrganisationMatchKeys(
  organisation: Pick<TribeOrganisation, 'Name' | 'VisitingAddress' | 'PostalAddress'>,
): string[] {
  const name = normaliseOrganisationName(organisation.Name);
  if (name === '') return [];
  const keys = [organisation.VisitingAddress, organisation.PostalAddress]
    .map((address) => tribeAddressKey(name, address))
    .filter((key): key is string => key !== null);
  return [...new Set(keys)];
}

/** The Tribe look-ups a batch of relaties needs (skipped and linked relaties need none beyond their link). */
export function relationBatchLookup(
  relaties: readonly SnelStartRelatie[],
  links: readonly RelationLink[],
): RelationBatchLookup {
  const linkBySnelStartId = new Map(links.map((link) => [link.snelstartId, link]));
  const linkedTribeIds = new Set<string>();
  const debtorNumbers = new Set<string>();
  const creditorNumbers = new Set<string>();
  const postcodes = new Set<string>();
  const houseNumbers = new Map<string, number[]>();
  for (const relatie of relaties) {
    const roles = relatieRoles(relatie);
    if (systemRowReason(relatie) !== null || relatie.nonactief === true || roles.length === 0) continue;
    const link = linkBySnelStartId.get(relatie.id);
    if (link) {
      linkedTribeIds.add(link.tribeId);
      continue;
    }
    const code = relatie.relatiecode;
    if (typeof code === 'number' && code > 0) {
      if (roles.includes('Klant')) debtorNumbers.add(String(code));
      if (roles.includes('Leverancier')) creditorNumbers.add(String(code));
    }
    const address = matchAddress(relatie);
    if (address !== null) {
      postcodes.add(address.postcode);
      const area = address.postcode.slice(0, 4);
      houseNumbers.set(area, [...new Set([...(houseNumbers.get(area) ?? []), address.houseNumber])]);
    }
  }
  const sortedPostcodes = [...postcodes].sort();
  return {
    linkedTribeIds: [...linkedTribeIds].sort(),
    debtorNumbers: [...debtorNumbers].sort(compareNumeric),
    creditorNumbers: [...creditorNumbers].sort(compareNumeric),
    postcodes: sortedPostcodes,
    postcodeSpellings: [...new Set(sortedPostcodes.flatMap(postcodeSpellings))],
    houseNumbersByArea: new Map(
      [...houseNumbers.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([area, numbers]) => [area, [...numbers].sort((x, y) => x - y)]),
    ),
  };
}

/** Decides every relatie of a batch (same order as `input.relaties`). */
export function decideRelationMatches(input: RelationMatchInput): RelationMatchDecision[] {
  const context = new MatchContext(input);
  const drafts = input.relaties.map((relatie) => context.decide(relatie));
  resolveCompetingClaims(drafts);
  joinSameOrganisation(drafts, context);
  return drafts.map(({ decision }) => ({ ...decision, groupKey: groupKeyOf(decision) }));
}

type DecisionDraft = Omit<RelationMatchDecision, 'groupKey'> & { groupKey?: string };

interface Draft {
  readonly relatie: SnelStartRelatie;
  readonly matchKey: string | null;
  decision: DecisionDraft;
}

class MatchContext {
  private readonly organisations: ReadonlyMap<string, TribeOrganisation>;
  private readonly linkBySnelStartId: ReadonlyMap<string, RelationLink>;
  private readonly linksByTribeId = new Map<string, RelationLink[]>();
  /**
   * Organisations by debtor number, by creditor number and by name + address key: a batch of 500 relaties
   * against thousands of candidates would otherwise compare every pair.
   */
  private readonly byDebtorNumber = new Map<number, TribeOrganisation[]>();
  private readonly byCreditorNumber = new Map<number, TribeOrganisation[]>();
  private readonly byMatchKey = new Map<string, TribeOrganisation[]>();

  constructor(input: RelationMatchInput) {
    this.organisations = new Map(
      input.tribeOrganisations.map((organisation) => [organisation.ID, organisation]),
    );
    for (const organisation of this.organisations.values()) {
      addTo(this.byDebtorNumber, relationNumber(organisation.DebtorNumber), organisation);
      addTo(this.byCreditorNumber, relationNumber(organisation.CreditorNumber), organisation);
      for (const key of new Set(tribeOrganisationMatchKeys(organisation)))
        addTo(this.byMatchKey, key, organisation);
    }
    this.linkBySnelStartId = new Map(input.links.map((link) => [link.snelstartId, link]));
    for (const link of input.links) {
      const list = this.linksByTribeId.get(link.tribeId) ?? [];
      list.push(link);
      this.linksByTribeId.set(link.tribeId, list);
    }
  }

  decide(relatie: SnelStartRelatie): Draft {
    const roles = relatieRoles(relatie);
    const code = typeof relatie.relatiecode === 'number' ? relatie.relatiecode : null;
    const base = { snelstartId: relatie.id, relatiecode: code, roles };
    const draft = (decision: DecisionDraft, matchKey: string | null = null): Draft => ({
      relatie,
      matchKey,
      decision,
    });

    const systemRow = systemRowReason(relatie);
    if (systemRow !== null) return draft({ ...base, kind: 'skip', rule: 'system-row', reason: systemRow });
    if (relatie.nonactief === true) {
      return draft({
        ...base,
        kind: 'skip',
        rule: 'inactive',
        reason: 'inactive in SnelStart (nonactief): not synced',
      });
    }
    if (roles.length === 0) {
      return draft({
        ...base,
        kind: 'skip',
        rule: 'no-role',
        reason: 'neither Klant nor Leverancier: not synced',
      });
    }

    const matchKey = relatieMatchKey(relatie);
    const link = this.linkBySnelStartId.get(relatie.id);
    if (link) {
      if (this.organisations.has(link.tribeId)) {
        return draft({ ...base, kind: 'linked', rule: 'link', tribeId: link.tribeId }, matchKey);
      }
      return draft(
        {
          ...base,
          kind: 'missing-link',
          rule: 'link',
          tribeId: link.tribeId,
          reason: `linked Tribe organisation ${link.tribeId} no longer exists; restore it in Tribe, or remove the link so the relatie is matched again`,
        },
        matchKey,
      );
    }

    if (code !== null && code > 0) {
      const byNumber = [
        ...new Set(
          roles.flatMap(
            (role) => (role === 'Klant' ? this.byDebtorNumber : this.byCreditorNumber).get(code) ?? [],
          ),
        ),
      ];
      const numberLabel = roles.map((role) => (role === 'Klant' ? 'debtor' : 'creditor')).join('/');
      const step = this.step(relatie.id, roles, byNumber, 'number', `${numberLabel} number ${code}`);
      if (step) return draft({ ...base, ...step }, matchKey);
    }

    if (matchKey !== null) {
      const byNameAddress = this.byMatchKey.get(matchKey) ?? [];
      const step = this.step(
        relatie.id,
        roles,
        byNameAddress,
        'name-address',
        'the same name, postcode, house number and addition',
      );
      if (step) return draft({ ...base, ...step }, matchKey);
    }

    return draft({ ...base, kind: 'create', rule: 'no-match' }, matchKey);
  }

  /** A Tribe organisation already linked to another relatie with one of these roles is not free. */
  linkedToOther(
    tribeId: string,
    snelstartId: string,
    roles: readonly RelatieRole[],
  ): RelationLink | undefined {
    return (this.linksByTribeId.get(tribeId) ?? []).find(
      (link) => link.snelstartId !== snelstartId && (link.role == null || roles.includes(link.role)),
    );
  }

  private step(
    snelstartId: string,
    roles: readonly RelatieRole[],
    candidates: readonly TribeOrganisation[],
    rule: 'number' | 'name-address',
    what: string,
  ): Pick<RelationMatchDecision, 'kind' | 'rule' | 'tribeId' | 'candidates' | 'reason'> | null {
    const free = candidates.filter(
      (organisation) => !this.linkedToOther(organisation.ID, snelstartId, roles),
    );
    if (free.length === 1) return { kind: 'matched', rule, tribeId: free[0]?.ID };
    if (free.length > 1) {
      const ids = free.map((organisation) => organisation.ID).sort();
      return {
        kind: 'ambiguous',
        rule,
        candidates: ids,
        reason: `${ids.length} Tribe organisations have ${what}: ${ids.join(', ')}; link the right one by hand or make them differ`,
      };
    }
    if (candidates.length > 0) {
      const ids = candidates.map((organisation) => organisation.ID).sort();
      const taken = ids.map(
        (id) =>
          `${id} (linked to SnelStart relatie ${this.linkedToOther(id, snelstartId, roles)?.snelstartId})`,
      );
      return {
        kind: 'ambiguous',
        rule,
        candidates: ids,
        reason: `Tribe organisation ${taken.join(', ')} has ${what} but is already linked to another SnelStart ${roles.join('/')}; resolve the duplicate by hand`,
      };
    }
    return null;
  }
}

const CLAIM_STRENGTH: Partial<Record<RelationMatchRule, number>> = { link: 3, number: 2, 'name-address': 1 };

/**
 * Within a batch one Tribe organisation can hold one Klant and one Leverancier. When several relaties with
 * the same role claim one organisation, the strongest claim (link > number > name + address) keeps it and
 * the others become ambiguous; equally strong matches are all ambiguous.
 */
function resolveCompetingClaims(drafts: Draft[]): void {
  const claimants = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const { kind, tribeId } = draft.decision;
    if ((kind !== 'linked' && kind !== 'matched') || tribeId === undefined) continue;
    for (const role of draft.decision.roles) {
      const key = `${tribeId}|${role}`;
      claimants.set(key, [...(claimants.get(key) ?? []), draft]);
    }
  }
  for (const [key, claims] of claimants) {
    if (claims.length < 2) continue;
    const tribeId = key.slice(0, key.lastIndexOf('|'));
    const strength = (draft: Draft) => CLAIM_STRENGTH[draft.decision.rule] ?? 0;
    const strongest = Math.max(...claims.map(strength));
    const winners = claims.filter((draft) => strength(draft) === strongest);
    for (const draft of claims) {
      if (draft.decision.kind !== 'matched') continue;
      if (winners.length === 1 && winners[0] === draft) continue;
      const others = claims.filter((other) => other !== draft).map(describeRelatie);
      const { tribeId: _claimed, ...rest } = draft.decision;
      draft.decision = {
        ...rest,
        kind: 'ambiguous',
        candidates: [tribeId],
        reason: `Tribe organisation ${tribeId} is also claimed in this batch by ${others.join(', ')}; link the right relatie by hand`,
      };
    }
  }
}

/**
 * A Klant and a Leverancier with the same name + address key are one organisation: when one of them has a
 * Tribe organisation the other joins it (`same-organisation`); when both are new they share a `new:` group key
 * so the engine creates one organisation with both roles. Nothing is joined when a role occurs more than once
 * in the group, or when the members already belong to different organisations. When the other member still
 * needs a person's decision (ambiguous or missing link), a new member waits for it rather than creating a
 * second organisation.
 */
function joinSameOrganisation(drafts: Draft[], context: MatchContext): void {
  const groups = new Map<string, Draft[]>();
  for (const draft of drafts) {
    if (draft.matchKey === null || draft.decision.kind === 'skip') continue;
    groups.set(draft.matchKey, [...(groups.get(draft.matchKey) ?? []), draft]);
  }
  for (const [matchKey, members] of groups) {
    if (members.length < 2) continue;
    const roleCounts = new Map<RelatieRole, number>();
    for (const member of members)
      for (const role of member.decision.roles) roleCounts.set(role, (roleCounts.get(role) ?? 0) + 1);
    if ([...roleCounts.values()].some((count) => count > 1)) continue;

    const creates = members.filter((member) => member.decision.kind === 'create');
    if (creates.length === 0) continue;
    const pending = members.filter(
      (member) => member.decision.kind === 'ambiguous' || member.decision.kind === 'missing-link',
    );
    if (pending.length > 0) {
      for (const member of creates) {
        member.decision = {
          ...member.decision,
          kind: 'ambiguous',
          rule: 'same-organisation',
          candidates: pending.flatMap(
            (other) => other.decision.candidates ?? (other.decision.tribeId ? [other.decision.tribeId] : []),
          ),
          reason: `same name and address as ${pending.map(describeRelatie).join(', ')}, which needs a decision first`,
        };
      }
      continue;
    }
    const tribeIds = new Set(
      members.map((member) => member.decision.tribeId).filter((id): id is string => id !== undefined),
    );
    if (tribeIds.size > 1) continue;
    const [tribeId] = [...tribeIds];
    for (const member of creates) {
      if (tribeId === undefined) {
        member.decision = { ...member.decision, groupKey: `new:${matchKey}` };
        continue;
      }
      if (context.linkedToOther(tribeId, member.relatie.id, member.decision.roles)) continue;
      const owner = members.find((other) => other.decision.tribeId === tribeId);
      member.decision = {
        ...member.decision,
        kind: 'matched',
        rule: 'same-organisation',
        tribeId,
        reason: `same name and address as ${owner ? describeRelatie(owner) : 'another relatie'} in Tribe organisation ${tribeId}`,
      };
    }
  }
}

function groupKeyOf(decision: DecisionDraft): string {
  if (decision.groupKey !== undefined) return decision.groupKey;
  if (decision.tribeId !== undefined && (decision.kind === 'linked' || decision.kind === 'matched')) {
    return `tribe:${decision.tribeId}`;
  }
  return `relatie:${decision.snelstartId}`;
}

function describeRelatie(draft: Draft): string {
  const { roles, relatiecode, snelstartId } = draft.decision;
  return `SnelStart ${roles.join('/')} ${relatiecode ?? snelstartId}`;
}

function snelStartAddressKey(name: string, address: SnelStartAdres | null | undefined): string | null {
  if (!address) return null;
  const parts = parseStraat(address.straat);
  return addressKey(name, normalisePostcode(address.postcode), parts.houseNumber, parts.addition);
}

function tribeAddressKey(name: string, address: TribeAddress | null | undefined): string | null {
  if (!address) return null;
  const parts = canonicalStreetParts({
    street: address.Street ?? null,
    houseNumber: address.HouseNumber ?? null,
    addition: address.HouseNumberSuffix ?? null,
  });
  return addressKey(name, normalisePostcode(address.Postalcode), parts.houseNumber, parts.addition);
}

function addressKey(
  name: string,
  postcode: string | null,
  houseNumber: number | null,
  addition: string | null,
): string | null {
  if (postcode === null || houseNumber === null) return null;
  return [name, postcode.replace(/\s/g, ''), houseNumber, normaliseAddition(addition)].join('|');
}

/** The postcode of the address that {@link relatieMatchKey} uses. */
function matchAddress(relatie: SnelStartRelatie): { postcode: string; houseNumber: number } | null {
  for (const address of [relatie.vestigingsAdres, relatie.correspondentieAdres]) {
    if (!address) continue;
    const postcode = normalisePostcode(address.postcode);
    const houseNumber = parseStraat(address.straat).houseNumber;
    if (postcode !== null && houseNumber !== null) return { postcode, houseNumber };
  }
  return null;
}

/**
 * Whether `relatie` can be the one an interrupted create sent: of that role, active, changed no later than
 * `latestModifiedOn` (shortly after the create started), and at the addresses the create sent: postcode and
 * house number + addition wherever the create had them. A name alone is not enough: another relatie of the
 * same name, made by a person or changed days later, must never be taken for it.
 */
export function couldBeInterruptedCreate(
  relatie: SnelStartRelatie,
  sent: {
    readonly role: RelatieRole;
    readonly vestigingsAdres: SnelStartAdresWrite | null;
    readonly correspondentieAdres: SnelStartAdresWrite | null;
  },
  latestModifiedOn: string,
): boolean {
  if (relatie.nonactief === true || !relatieRoles(relatie).includes(sent.role)) return false;
  if (parseSnelStartDateTime(relatie.modifiedOn) === null) return false;
  if (compareSnelStartDateTimes(relatie.modifiedOn ?? '', latestModifiedOn) > 0) return false;
  return (
    sameSentAddress(sent.vestigingsAdres, relatie.vestigingsAdres) &&
    sameSentAddress(sent.correspondentieAdres, relatie.correspondentieAdres)
  );
}

function sameSentAddress(
  sent: SnelStartAdresWrite | null,
  stored: SnelStartAdres | null | undefined,
): boolean {
  const postcode = normalisePostcode(sent?.postcode);
  if (postcode !== null && postcode !== normalisePostcode(stored?.postcode)) return false;
  const parts = parseStraat(sent?.straat);
  if (parts.houseNumber === null) return true;
  const storedParts = parseStraat(stored?.straat);
  return (
    storedParts.houseNumber === parts.houseNumber &&
    normaliseAddition(storedParts.addition) === normaliseAddition(parts.addition)
  );
}

/** Tribe keeps numbers as text: `"1001"`, `"01001"` and `" 1001 "` all equal relatiecode 1001. */
export function sameRelationNumber(tribeNumber: string | null | undefined, relatiecode: number): boolean {
  return relationNumber(tribeNumber) === relatiecode;
}

/** A Tribe debtor or creditor number as the relatiecode it stands for; null unless it is digits only. */
function relationNumber(tribeNumber: string | null | undefined): number | null {
  const text = (tribeNumber ?? '').trim();
  return /^\d+$/.test(text) ? Number(text) : null;
}

function addTo<K, V>(index: Map<K, V[]>, key: K | null, value: V): void {
  if (key === null) return;
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function compareNumeric(a: string, b: string): number {
  return Number(a) - Number(b);
}

// ---------------------------------------------------------------------------------------------- products

/** A product row of the link table: SnelStart artikel id → Tribe product id. */
export interface ProductLink {
  readonly snelstartId: string;
  readonly tribeId: string;
}

export type ProductMatchKind = 'linked' | 'create' | 'skip' | 'missing-link';

export interface ProductMatchDecision {
  readonly snelstartId: string;
  readonly kind: ProductMatchKind;
  readonly rule: 'link' | 'no-match' | 'inactive';
  readonly tribeId?: string;
  readonly reason?: string;
}

/** The Tribe products a batch needs fetched: only the linked ones (products match on the SnelStart id only). */
export function productBatchLookup(
  artikelen: readonly Pick<SnelStartArtikel, 'id'>[],
  links: readonly ProductLink[],
): { readonly linkedTribeIds: readonly string[] } {
  const linkBySnelStartId = new Map(links.map((link) => [link.snelstartId, link.tribeId]));
  const ids = artikelen
    .map((artikel) => linkBySnelStartId.get(artikel.id))
    .filter((id): id is string => id !== undefined);
  return { linkedTribeIds: [...new Set(ids)].sort() };
}

/**
 * Artikelen are matched on the SnelStart artikel id only: linked (the link table points at an existing Tribe
 * product), `missing-link` (it points at a product that no longer exists: reported, not re-created), otherwise
 * created. An inactive artikel that is not linked yet is skipped: creating products that are already retired
 * would only fill Tribe with inactive records; a linked one stays linked so Tribe learns it became inactive.
 */
export function decideProductMatches(input: {
  readonly artikelen: readonly Pick<SnelStartArtikel, 'id' | 'isNonActief'>[];
  readonly links: readonly ProductLink[];
  /** IDs of the linked Tribe products that still exist. */
  readonly existingTribeProductIds: ReadonlySet<string>;
}): ProductMatchDecision[] {
  const linkBySnelStartId = new Map(input.links.map((link) => [link.snelstartId, link.tribeId]));
  return input.artikelen.map((artikel): ProductMatchDecision => {
    const tribeId = linkBySnelStartId.get(artikel.id);
    if (tribeId !== undefined) {
      if (input.existingTribeProductIds.has(tribeId))
        return { snelstartId: artikel.id, kind: 'linked', rule: 'link', tribeId };
      return {
        snelstartId: artikel.id,
        kind: 'missing-link',
        rule: 'link',
        tribeId,
        reason: `linked Tribe product ${tribeId} no longer exists; restore it in Tribe, or remove the link so the artikel is created again`,
      };
    }
    if (artikel.isNonActief === true) {
      return {
        snelstartId: artikel.id,
        kind: 'skip',
        rule: 'inactive',
        reason: 'inactive in SnelStart (isNonActief) and not in Tribe yet: not created',
      };
    }
    return { snelstartId: artikel.id, kind: 'create', rule: 'no-match' };
  });
}
