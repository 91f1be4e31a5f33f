import { normalisePostcode } from './address';
import { normaliseOrganisationName } from './organisation-name';
import {
  relatieMatchKey,
  relatieRoles,
  sameRelationNumber,
  systemRowReason,
  tribeOrganisationMatchKeys,
} from './matching';
import type { RelatieRole, SnelStartRelatie } from './snelstart-records';
import type { TribeOrganisation } from './tribe-records';

/**
 * Before a Tribe organisation becomes a new SnelStart relatie, SnelStart is asked for the relaties it could
 * already be, by the initial sync's rules read the other way: the organisation's debtor (Klant) or creditor
 * (Leverancier) number as relatiecode, then name + postcode + house number + addition. Inactive relaties
 * count too: creating a second relatie next to an inactive one is still a duplicate in the books.
 */
export interface CounterpartLookup {
  /** Relatiecodes to ask for: the organisations' numeric debtor and creditor numbers. */
  readonly relatiecodes: readonly number[];
  /** Postcode areas (first four characters) of the organisations' visiting and postal addresses. */
  readonly postcodeAreas: readonly string[];
}

export type CounterpartRule = 'number' | 'name-address';

export interface Counterpart {
  readonly relatie: SnelStartRelatie;
  readonly rule: CounterpartRule;
}

export function counterpartLookup(organisations: readonly TribeOrganisation[]): CounterpartLookup {
  const codes = new Set<number>();
  const areas = new Set<string>();
  for (const organisation of organisations) {
    for (const number of [organisation.DebtorNumber, organisation.CreditorNumber]) {
      const text = (number ?? '').trim();
      if (/^\d{1,9}$/.test(text) && Number(text) > 0) codes.add(Number(text));
    }
    if (tribeOrganisationMatchKeys(organisation).length === 0) continue;
    for (const address of [organisation.VisitingAddress, organisation.PostalAddress]) {
      const postcode = normalisePostcode(address?.Postalcode);
      if (postcode !== null && postcode.length >= 4) areas.add(postcode.slice(0, 4));
    }
  }
  return {
    relatiecodes: [...codes].sort((a, b) => a - b),
    postcodeAreas: [...areas].sort(),
  };
}

/**
 * The relaties of `role` that a new relatie for the organisation would duplicate. Number matches come first,
 * as in the initial sync: when there are any, name + address matches are not considered. System rows never
 * count.
 *
 * Unlike the initial sync, a number alone is not enough here: Tribe gives every new customer and supplier a
 * number of its own until SnelStart's overwrites it, and that number may well be another relatie's
 * relatiecode. A number match therefore also needs the same name or the same address (postcode + house
 * number + addition); without either it is taken for Tribe's own number and ignored.
 */
export function snelstartCounterparts(
  organisation: TribeOrganisation,
  role: RelatieRole,
  relaties: readonly SnelStartRelatie[],
): Counterpart[] {
  const sameRole = relaties.filter(
    (relatie) => systemRowReason(relatie) === null && relatieRoles(relatie).includes(role),
  );
  const number = role === 'Klant' ? organisation.DebtorNumber : organisation.CreditorNumber;
  const byNumber = sameRole.filter(
    (relatie) =>
      typeof relatie.relatiecode === 'number' &&
      sameRelationNumber(number, relatie.relatiecode) &&
      sameNameOrAddress(organisation, relatie),
  );
  if (byNumber.length > 0) return byNumber.map((relatie) => ({ relatie, rule: 'number' }));
  const keys = new Set(tribeOrganisationMatchKeys(organisation));
  if (keys.size === 0) return [];
  return sameRole
    .filter((relatie) => {
      const key = relatieMatchKey(relatie);
      return key !== null && keys.has(key);
    })
    .map((relatie) => ({ relatie, rule: 'name-address' }));
}

// Both keys carry the same stand-in name, so only their addresses are compared.
const ANY_NAME = 'x';

function sameNameOrAddress(organisation: TribeOrganisation, relatie: SnelStartRelatie): boolean {
  const name = normaliseOrganisationName(organisation.Name);
  if (name !== '' && name === normaliseOrganisationName(relatie.naam)) return true;
  const tribeAddresses = tribeOrganisationMatchKeys({ ...organisation, Name: ANY_NAME });
  return [relatie.vestigingsAdres, relatie.correspondentieAdres].some((adres) => {
    const key = relatieMatchKey({ naam: ANY_NAME, vestigingsAdres: adres, correspondentieAdres: null });
    return key !== null && tribeAddresses.includes(key);
  });
}

/**
 * What two look-ups of one SnelStart role must not do at the same time: both find nothing and both create.
 * One key per organisation, and per role its number and its name, which everything a counterpart rule
 * compares includes; unrelated organisations rarely share a key, and sharing one only makes them wait.
 */
export function counterpartLockKeys(
  tenantId: string,
  organisation: TribeOrganisation,
  roles: readonly RelatieRole[],
): string[] {
  const keys = [`relatie-create:${tenantId}:org:${organisation.ID.toLowerCase()}`];
  const name = normaliseOrganisationName(organisation.Name);
  for (const role of roles) {
    const number = (role === 'Klant' ? organisation.DebtorNumber : organisation.CreditorNumber)?.trim() ?? '';
    if (/^\d{1,9}$/.test(number)) keys.push(`relatie-create:${tenantId}:${role}:number:${Number(number)}`);
    if (name !== '') keys.push(`relatie-create:${tenantId}:${role}:name:${name}`);
  }
  return keys;
}

/**
 * What can still be read of a relatie row that does not match SnelStart's model (an unknown enum value, a
 * field of the wrong type): its code, name and addresses where they have the expected shape.
 */
export type UnreadableRelatie = Pick<
  SnelStartRelatie,
  'relatiecode' | 'naam' | 'vestigingsAdres' | 'correspondentieAdres'
>;

export function readableParts(row: unknown): UnreadableRelatie {
  const record = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const adres = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return null;
    const fields = value as Record<string, unknown>;
    return { straat: text(fields.straat), postcode: text(fields.postcode) };
  };
  return {
    relatiecode: typeof record.relatiecode === 'number' ? record.relatiecode : null,
    naam: text(record.naam),
    vestigingsAdres: adres(record.vestigingsAdres),
    correspondentieAdres: adres(record.correspondentieAdres),
  };
}

/**
 * Whether an unreadable relatie could be what the organisation already is, for one of these roles. Its role
 * is not trusted (an unknown relatiesoort is a common reason a row is unreadable); a row without a readable
 * code, name or address could be anything.
 */
export function couldBeCounterpart(
  organisation: TribeOrganisation,
  roles: readonly RelatieRole[],
  relatie: UnreadableRelatie,
): boolean {
  const code = relatie.relatiecode;
  const name = normaliseOrganisationName(relatie.naam);
  const hasAddress = [relatie.vestigingsAdres, relatie.correspondentieAdres].some(
    (adres) =>
      relatieMatchKey({ naam: ANY_NAME, vestigingsAdres: adres, correspondentieAdres: null }) !== null,
  );
  if (typeof code !== 'number' && name === '' && !hasAddress) return true;
  if (typeof code === 'number') {
    const numbers = roles.map((role) =>
      role === 'Klant' ? organisation.DebtorNumber : organisation.CreditorNumber,
    );
    if (numbers.some((number) => sameRelationNumber(number, code))) return true;
  }
  return sameNameOrAddress(organisation, { ...relatie, naam: relatie.naam ?? null } as SnelStartRelatie);
}
