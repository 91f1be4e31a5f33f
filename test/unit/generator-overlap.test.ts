import {
  generateDemoData,
  TRIBE_IDS,
  type OrganizationEntity,
  type RelatieModel,
} from '../../sandboxes/generator';

/**
 * Classifies the generated data with an independent, straightforward matcher (the rules of the
 * initial sync: number first, then name + postcode + house number + addition, normalised), and checks
 * that every category is present in the stated numbers.
 */

const foldName = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();
const foldPostcode = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();
const foldSuffix = (suffix: string | null) => (suffix ?? '').replace(/[\s-]/g, '').toUpperCase();

/** `Kerkstraat 12 A`, `2e Helmersstraat 7-II`, `Königsallee 92a` → number and addition. */
function parseStraat(straat: string): { houseNumber: number; suffix: string } | null {
  const match = /^(.*\D)\s(\d+)(?:\s*-?\s*([A-Za-z]+|\d+))?$/.exec(straat.trim());
  if (!match) return null;
  return { houseNumber: Number(match[2]), suffix: foldSuffix(match[3] ?? null) };
}

function snelstartKey(relatie: RelatieModel): string {
  const parsed = parseStraat(relatie.vestigingsAdres.straat);
  if (!parsed) throw new Error(`unparsable straat "${relatie.vestigingsAdres.straat}"`);
  return [
    foldName(relatie.naam),
    foldPostcode(relatie.vestigingsAdres.postcode),
    parsed.houseNumber,
    parsed.suffix,
  ].join('|');
}

const OPTIONS = { seed: 5, relations: 5000, products: 10, sentInvoices: 0, salesOrders: 0 } as const;
const REQUESTED = { tribeOverlap: 0.6, ambiguousPairs: 7, klantLeverancierPairs: 60, tribeOnly: 150 };
const { snelstart, tribe, summary } = generateDemoData({ ...OPTIONS, ...REQUESTED });

const addresses = new Map(tribe.Address.map((address) => [address.ID, address]));
function tribeKey(organisation: OrganizationEntity): string | null {
  const address = organisation.VisitingAddress && addresses.get(organisation.VisitingAddress.ID);
  if (!address) return null;
  return [
    foldName(organisation.Name),
    foldPostcode(address.Postalcode),
    address.HouseNumber,
    foldSuffix(address.HouseNumberSuffix),
  ].join('|');
}

const crm = tribe.Relation_Organization.filter(
  (organisation) => organisation.ID !== TRIBE_IDS.ownOrganization,
);
const byDebtor = new Map(crm.filter((o) => o.DebtorNumber !== null).map((o) => [o.DebtorNumber, o]));
const byCreditor = new Map(crm.filter((o) => o.CreditorNumber !== null).map((o) => [o.CreditorNumber, o]));
const byKey = new Map<string, OrganizationEntity[]>();
for (const organisation of crm) {
  const key = tribeKey(organisation);
  if (key === null) continue;
  byKey.set(key, [...(byKey.get(key) ?? []), organisation]);
}

const business = snelstart.relaties.filter((relatie) => relatie.relatiecode > 0);
/** SnelStart organisations: relaties grouped by normalised name and address. */
const organisations = new Map<string, RelatieModel[]>();
for (const relatie of business) {
  const key = snelstartKey(relatie);
  organisations.set(key, [...(organisations.get(key) ?? []), relatie]);
}

type Category = 'number' | 'nameAddress' | 'ambiguous' | 'none';
function classify(key: string, relaties: RelatieModel[]): Category {
  const numbered = relaties.some((relatie) =>
    relatie.relatiesoort[0] === 'Klant'
      ? byDebtor.has(String(relatie.relatiecode))
      : byCreditor.has(String(relatie.relatiecode)),
  );
  if (numbered) return 'number';
  const candidates = byKey.get(key)?.length ?? 0;
  return candidates === 0 ? 'none' : candidates === 1 ? 'nameAddress' : 'ambiguous';
}

const categories = new Map<Category, number>();
const matchedTribeIds = new Set<string>();
for (const [key, relaties] of organisations) {
  const category = classify(key, relaties);
  categories.set(category, (categories.get(category) ?? 0) + 1);
  for (const organisation of byKey.get(key) ?? []) matchedTribeIds.add(organisation.ID);
  for (const relatie of relaties) {
    const numbered =
      relatie.relatiesoort[0] === 'Klant'
        ? byDebtor.get(String(relatie.relatiecode))
        : byCreditor.get(String(relatie.relatiecode));
    if (numbered) matchedTribeIds.add(numbered.ID);
  }
}

describe('overlap between the SnelStart administration and the Tribe CRM', () => {
  it('groups the relaties into the stated number of organisations, pairs included', () => {
    expect(organisations.size).toBe(OPTIONS.relations - REQUESTED.klantLeverancierPairs);
    expect(summary.overlap.snelstartOrganisations).toBe(organisations.size);
  });

  it('has exactly the requested Klant + Leverancier pairs: same name and address, two relatiecodes', () => {
    const pairs = [...organisations.values()].filter((relaties) => relaties.length > 1);
    expect(pairs).toHaveLength(REQUESTED.klantLeverancierPairs);
    for (const relaties of pairs) {
      expect(relaties.map((relatie) => relatie.relatiesoort[0]).sort()).toEqual(['Klant', 'Leverancier']);
      expect(relaties[0]?.relatiecode).not.toBe(relaties[1]?.relatiecode);
      expect(relaties[0]?.id).not.toBe(relaties[1]?.id);
    }
    expect(summary.overlap.klantLeverancierPairs).toBe(REQUESTED.klantLeverancierPairs);
  });

  it('exercises every matching rule in the stated counts', () => {
    expect(categories.get('ambiguous')).toBe(REQUESTED.ambiguousPairs);
    expect(categories.get('number')).toBe(summary.overlap.matchByNumber);
    expect(categories.get('nameAddress')).toBe(
      summary.overlap.matchByNameAddress + summary.overlap.matchByNameAddressFormatted,
    );
    expect(categories.get('none')).toBe(summary.overlap.snelstartOnly);
    expect(summary.overlap.ambiguousPairs).toBe(REQUESTED.ambiguousPairs);
    const known = organisations.size - (categories.get('none') ?? 0);
    expect(known).toBe(Math.round(REQUESTED.tribeOverlap * organisations.size));
    expect(summary.overlap.matchByNumber).toBeGreaterThan(0);
    expect(summary.overlap.matchByNameAddress).toBeGreaterThan(0);
    expect(summary.overlap.matchByNameAddressFormatted).toBeGreaterThan(0);
  });

  it('writes name-and-address matches with real formatting differences', () => {
    let differentPostcode = 0;
    let differentSuffix = 0;
    let differentName = 0;
    for (const [key, relaties] of organisations) {
      const candidates = byKey.get(key);
      if (candidates?.length !== 1 || classify(key, relaties) !== 'nameAddress') continue;
      const [organisation] = candidates;
      const relatie = relaties[0] as RelatieModel;
      const address = addresses.get(organisation?.VisitingAddress?.ID ?? '');
      if (address?.Postalcode !== relatie.vestigingsAdres.postcode) differentPostcode++;
      if (
        address?.HouseNumberSuffix &&
        !relatie.vestigingsAdres.straat.endsWith(` ${address.HouseNumberSuffix}`)
      )
        differentSuffix++;
      if (organisation?.Name !== relatie.naam) differentName++;
    }
    expect(differentPostcode).toBeGreaterThan(summary.overlap.matchByNameAddressFormatted / 2);
    expect(differentSuffix).toBeGreaterThan(0);
    expect(differentName).toBeGreaterThan(summary.overlap.matchByNameAddressFormatted / 3);
  });

  it('makes ambiguous pairs two Tribe organisations without numbers', () => {
    const ambiguous = [...byKey.values()].filter((list) => list.length > 1);
    expect(ambiguous).toHaveLength(REQUESTED.ambiguousPairs);
    for (const list of ambiguous) {
      expect(list).toHaveLength(2);
      for (const organisation of list) {
        expect(organisation.DebtorNumber).toBeNull();
        expect(organisation.CreditorNumber).toBeNull();
      }
    }
  });

  it('keeps inactive relaties out of Tribe', () => {
    const inactive = [...organisations.entries()].filter(([, relaties]) =>
      relaties.some((relatie) => relatie.nonactief),
    );
    expect(inactive.length).toBe(summary.snelstart.nonactief);
    for (const [key, relaties] of inactive) expect(classify(key, relaties)).toBe('none');
  });

  it('has the requested Tribe-only customers and suppliers, without numbers, matching nothing', () => {
    const unmatched = crm.filter((organisation) => !matchedTribeIds.has(organisation.ID));
    expect(unmatched).toHaveLength(REQUESTED.tribeOnly + summary.overlap.tribeProspects);
    expect(
      unmatched.every(
        (organisation) => organisation.DebtorNumber === null && organisation.CreditorNumber === null,
      ),
    ).toBe(true);
    const customers = new Set(
      tribe.Relationship_Organization_CommercialRelationship_Customer.map((r) => r.Organization.ID),
    );
    const suppliers = new Set(tribe.Relationship_Organization_Supplier.map((r) => r.Organization.ID));
    const tradePartners = unmatched.filter(
      (organisation) => customers.has(organisation.ID) || suppliers.has(organisation.ID),
    );
    expect(tradePartners).toHaveLength(REQUESTED.tribeOnly);
    expect(summary.overlap.tribeOnly).toBe(REQUESTED.tribeOnly);
    expect(tradePartners.filter((o) => customers.has(o.ID) && !suppliers.has(o.ID))).toHaveLength(
      summary.overlap.tribeOnlyCustomers,
    );
    expect(tradePartners.filter((o) => suppliers.has(o.ID) && !customers.has(o.ID))).toHaveLength(
      summary.overlap.tribeOnlySuppliers,
    );
  });

  it('gives numbered Tribe organisations the right roles', () => {
    const customers = new Set(
      tribe.Relationship_Organization_CommercialRelationship_Customer.map((r) => r.Organization.ID),
    );
    const suppliers = new Set(tribe.Relationship_Organization_Supplier.map((r) => r.Organization.ID));
    for (const organisation of byDebtor.values()) expect(customers.has(organisation.ID)).toBe(true);
    for (const organisation of byCreditor.values()) expect(suppliers.has(organisation.ID)).toBe(true);
    const both = crm.filter(
      (organisation) => organisation.DebtorNumber !== null && organisation.CreditorNumber !== null,
    );
    expect(both.length).toBeGreaterThan(0);
  });
});
