import type { TribeClient, TribeOrganization } from '../../api-clients/tribe';
import { odataString, tribeOrganizationSchema } from '../../api-clients/tribe';
import { ORGANIZATION_EXPAND } from '../../api-clients/tribe/organizations';
import type { RelationBatchLookup } from '../../domain/matching';
import { mapWithConcurrency } from '../../lib/concurrency';

/**
 * Encoded characters of `$filter` per look-up, so that with the expand the URL stays under 4,000 (a common
 * server default); one area with one house number takes about 300.
 */
const AREA_FILTER_CHARACTERS = 3_500;

/** Look-ups of one batch in flight at once: a page of 500 relaties needs about 25, one after another 0.25 s. */
const LOOKUP_CONCURRENCY = 4;

/**
 * The Tribe organisations a batch of relaties could match: linked ones, those with the batch's debtor or
 * creditor numbers, and those whose visiting or postal address is in one of the batch's postcode areas with
 * one of its house numbers (or no separate house number: Tribe may keep it in `Street`). The matcher keys an
 * organisation by both addresses, so a candidate found only through its postal address would otherwise be
 * created a second time. `startswith` on the four digits
 * is case-insensitive in Tribe and covers every spelling of a postcode; the matcher then compares normalised
 * keys, so the wider candidate set is harmless, while the house number keeps it small in a large CRM.
 */
export async function findTribeCandidates(
  tribe: TribeClient,
  lookup: RelationBatchLookup,
): Promise<Map<string, TribeOrganization>> {
  const queries: Array<() => Promise<{ items: readonly TribeOrganization[] }>> = [
    () => tribe.organizations.getMany(lookup.linkedTribeIds),
    () => tribe.organizations.findByDebtorNumbers(lookup.debtorNumbers),
    () => tribe.organizations.findByCreditorNumbers(lookup.creditorNumbers),
    ...areaFilters(lookup.houseNumbersByArea).map(
      (filter) => () =>
        tribe.odata.all('Relation_Organization', tribeOrganizationSchema, {
          filter,
          expand: ORGANIZATION_EXPAND,
        }),
    ),
  ];
  const results = await mapWithConcurrency(queries, LOOKUP_CONCURRENCY, (query) => query());
  const organisations = new Map<string, TribeOrganization>();
  for (const { items } of results) for (const org of items) organisations.set(org.ID, org);
  return organisations;
}

const ADDRESSES = ['VisitingAddress', 'PostalAddress'] as const;
const OR = ' or ';

/** `or`-joined area clauses, as few requests as the URL length allows; a crowded area is split over several. */
export function areaFilters(houseNumbersByArea: ReadonlyMap<string, readonly number[]>): string[] {
  const filters: string[] = [];
  let clauses: string[] = [];
  let length = 0;
  const add = (clause: string) => {
    const encoded = encodedLength(clause);
    if (clauses.length > 0 && length + encodedLength(OR) + encoded > AREA_FILTER_CHARACTERS) {
      filters.push(clauses.join(OR));
      clauses = [];
      length = 0;
    }
    length += (clauses.length > 0 ? encodedLength(OR) : 0) + encoded;
    clauses.push(clause);
  };
  for (const [area, numbers] of houseNumbersByArea) {
    let chunk: number[] = [];
    for (const number of numbers) {
      if (chunk.length > 0 && encodedLength(areaClause(area, [...chunk, number])) > AREA_FILTER_CHARACTERS) {
        add(areaClause(area, chunk));
        chunk = [];
      }
      chunk.push(number);
    }
    add(areaClause(area, chunk));
  }
  if (clauses.length > 0) filters.push(clauses.join(OR));
  return filters;
}

/** Organisations with a visiting or postal address in the area and one of the numbers, or no number of its own. */
function areaClause(area: string, numbers: readonly number[]): string {
  return ADDRESSES.map((address) => {
    const numberTest = [...numbers, null].map((n) => `${address}/HouseNumber eq ${n}`).join(OR);
    return `(startswith(${address}/Postalcode,${odataString(area)}) and (${numberTest}))`;
  }).join(OR);
}

function encodedLength(text: string): number {
  return encodeURIComponent(text).length;
}
