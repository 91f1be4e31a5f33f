import type { TribeClient, TribeOrganization } from '../../api-clients/tribe';
import { odataString, tribeOrganizationSchema } from '../../api-clients/tribe';
import { ORGANIZATION_EXPAND } from '../../api-clients/tribe/organizations';
import type { RelationBatchLookup } from '../../domain/matching';

const POSTCODE_PREFIXES_PER_REQUEST = 60;

/**
 * The Tribe organisations a batch of relaties could match: linked ones, those with the batch's debtor or
 * creditor numbers, and those whose visiting address is in one of the batch's postcode areas. `startswith`
 * on the four digits is case-insensitive in Tribe and covers every spelling of a postcode; the matcher then
 * compares normalised keys, so the wider candidate set is harmless.
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
  const prefixes = [...new Set(lookup.postcodes.map((postcode) => postcode.slice(0, 4)))];
  for (let start = 0; start < prefixes.length; start += POSTCODE_PREFIXES_PER_REQUEST) {
    const filter = prefixes
      .slice(start, start + POSTCODE_PREFIXES_PER_REQUEST)
      .map((prefix) => `startswith(VisitingAddress/Postalcode,${odataString(prefix)})`)
      .join(' or ');
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
