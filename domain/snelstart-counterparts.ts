import { normalisePostcode } from './address';
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
    (relatie) => typeof relatie.relatiecode === 'number' && sameRelationNumber(number, relatie.relatiecode),
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
