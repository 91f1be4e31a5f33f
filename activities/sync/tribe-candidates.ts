import type { TribeClient, TribeOrganization } from '../../api-clients/tribe';
import { odataString, tribeOrganizationSchema } from '../../api-clients/tribe';
import { ORGANIZATION_EXPAND } from '../../api-clients/tribe/organizations';
import type { RelationBatchLookup } from '../../domain/matching';

/** Keeps a look-up URL under 4,000 characters (as the postcode look-ups always have); a clause is about 150. */
const AREA_CLAUSE_CHARACTERS = 3_500;

/**
 * The Tribe organisations a batch of relaties could match: linked ones, those with the batch's debtor or
 * creditor numbers, and those whose visiting address is in one of the batch's postcode areas with one of its
 * house numbers (or no separate house number: Tribe may keep it in `Street`). `startswith` on the four digits
 * is case-insensitive in Tribe and covers every spelling of a postcode; the matcher then compares normalised
 * keys, so the wider candidate set is harmless, while the house number keeps it small in a large CRM.
 */
export async function findTribeCandidates(
  tribe: TribeClient,
  lookup: RelationBatchLookup,
): Promise<Map<string, TribeOrganization>> {
  const organisations = new Map<string, TribeOrganization>();
  const add = (items: readonly TribeOrganization[]) => items.forEach((org) => organisations.set(org.ID, org));
  add((await tribe.organizations.getMany(lookup.linkedTribeIds)).items);
  add((await tribe.organizations.findByDebtorNumbers(lookup.debtorNumbers)).items);
  add((await tribe.organizations.findByCreditorNumbers(lookup.creditorNumbers)).items);
  for (const filter of areaFilters(lookup.houseNumbersByArea)) {
    add(
      (
        await tribe.odata.all('Relation_Organization', tribeOrganizationSchema, {
          filter,
          expand: ORGANIZATION_EXPAND,
        })
      ).items,
    );
  }
  return organisations;
}

/** `or`-joined area clauses, as few requests as the URL length allows. */
export function areaFilters(houseNumbersByArea: ReadonlyMap<string, readonly number[]>): string[] {
  const filters: string[] = [];
  let clauses: string[] = [];
  let length = 0;
  for (const [area, numbers] of houseNumbersByArea) {
    const numberTest = [
      ...numbers.map((n) => `VisitingAddress/HouseNumber eq ${n}`),
      'VisitingAddress/HouseNumber eq null',
    ];
    const clause = `(startswith(VisitingAddress/Postalcode,${odataString(area)}) and (${numberTest.join(' or ')}))`;
    if (clauses.length > 0 && length + clause.length > AREA_CLAUSE_CHARACTERS) {
      filters.push(clauses.join(' or '));
      clauses = [];
      length = 0;
    }
    clauses.push(clause);
    length += clause.length + 4;
  }
  if (clauses.length > 0) filters.push(clauses.join(' or '));
  return filters;
}
