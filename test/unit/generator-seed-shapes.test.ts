import {
  FIRST_KLANT_CODE,
  FIRST_LEVERANCIER_CODE,
  SNELSTART_IDS,
  TRIBE_IDS,
  generateDemoData,
  type TribeSeed,
} from '../../sandboxes/generator';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const data = generateDemoData({
  seed: 7,
  relations: 4000,
  products: 800,
  sentInvoices: 150,
  draftInvoices: 30,
  salesOrders: 8,
  now: NOW,
});
const { snelstart, tribe, summary } = data;
const isSystem = (relatiecode: number) => relatiecode <= 0;
const businessRelaties = snelstart.relaties.filter((relatie) => !isSystem(relatie.relatiecode));

const ZONELESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function elfproef(vat: string): boolean {
  const digits = vat.slice(2, 11);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  return sum % 11 === Number(digits[8]);
}

function ibanValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    remainder = code >= 65 ? (remainder * 100 + code - 55) % 97 : (remainder * 10 + code - 48) % 97;
  }
  return remainder === 1;
}

describe('SnelStart seed', () => {
  it('honours the requested sizes', () => {
    expect(businessRelaties).toHaveLength(4000);
    expect(snelstart.relaties).toHaveLength(4003);
    expect(snelstart.artikelen).toHaveLength(800);
    expect(summary.snelstart.relaties).toBe(4003);
    expect(summary.snelstart.klanten + summary.snelstart.leveranciers).toBe(4000);
  });

  it('contains the system rows', () => {
    const byCode = new Map(snelstart.relaties.map((relatie) => [relatie.relatiecode, relatie]));
    expect(byCode.get(-1)).toMatchObject({ naam: 'Leverancier onbekend', relatiesoort: ['Leverancier'] });
    expect(byCode.get(-2)).toMatchObject({ naam: 'Klant onbekend', relatiesoort: ['Klant'] });
    const own = snelstart.relaties.filter((relatie) => relatie.relatiesoort.includes('Eigen'));
    expect(own).toHaveLength(1);
    expect(own[0]?.id).toBe(SNELSTART_IDS.relatie.eigen);
  });

  it('has unique ids and relatiecodes, customers from 1000 and suppliers from 70000', () => {
    const ids = [
      ...snelstart.relaties,
      ...snelstart.artikelen,
      ...snelstart.doorlopendeincassomachtigingen,
    ].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !UUID_V4.test(id))).toEqual([]);
    const codes = snelstart.relaties.map((relatie) => relatie.relatiecode);
    expect(new Set(codes).size).toBe(codes.length);
    const misnumbered = businessRelaties.filter((relatie) =>
      relatie.relatiesoort[0] === 'Klant'
        ? relatie.relatiecode < FIRST_KLANT_CODE
        : relatie.relatiecode < FIRST_LEVERANCIER_CODE,
    );
    expect(misnumbered).toEqual([]);
  });

  it('never makes one relatie both Klant and Leverancier', () => {
    expect(snelstart.relaties.filter((relatie) => relatie.relatiesoort.length !== 1)).toEqual([]);
    expect(
      businessRelaties.filter(
        (relatie) => relatie.relatiesoort[0] !== 'Klant' && relatie.relatiesoort[0] !== 'Leverancier',
      ),
    ).toEqual([]);
  });

  it('respects the field limits and formats', () => {
    const landIds = new Set(snelstart.landen.map((land) => land.id));
    const problems: string[] = [];
    for (const relatie of snelstart.relaties) {
      const { naam, vestigingsAdres: adres } = relatie;
      const fail = (what: string) => problems.push(`${relatie.relatiecode} ${what}`);
      if (naam.length === 0 || naam.length > 50) fail(`naam "${naam}"`);
      if (adres.straat.length > 50) fail(`straat "${adres.straat}"`);
      if (adres.contactpersoon.length > 50) fail('contactpersoon');
      if (!landIds.has(adres.land.id)) fail('land');
      if (!ZONELESS.test(relatie.modifiedOn) || Date.parse(`${relatie.modifiedOn}Z`) >= NOW.getTime())
        fail('modifiedOn');
      if (relatie.kvkNummer !== null && !/^\d{8}$/.test(relatie.kvkNummer)) fail('kvkNummer');
      if (relatie.websiteUrl !== null && relatie.websiteUrl.length > 100) fail('websiteUrl');
      if (relatie.bic !== null && relatie.bic.length > 15) fail('bic');
      if (relatie.iban !== null && !ibanValid(relatie.iban)) fail(`iban ${relatie.iban}`);
      if (
        relatie.btwNummer?.startsWith('NL') &&
        !(/^NL\d{9}B\d{2}$/.test(relatie.btwNummer) && elfproef(relatie.btwNummer))
      ) {
        fail(`btwNummer ${relatie.btwNummer}`);
      }
      if (
        relatie.incassoSoort === 'Core' &&
        (relatie.iban === null || relatie.relatiesoort[0] !== 'Klant' || !relatie.bankieren)
      ) {
        fail('Core incasso without iban, klant or bankieren');
      }
      if (
        adres.land.id === SNELSTART_IDS.land.NL &&
        !isSystem(relatie.relatiecode) &&
        !/^\d{4} ?[A-Z]{2}$/.test(adres.postcode)
      ) {
        fail(`postcode ${adres.postcode}`);
      }
    }
    expect(problems).toEqual([]);
    expect(businessRelaties.some((relatie) => /^\d+e /.test(relatie.vestigingsAdres.straat))).toBe(true);
    expect(businessRelaties.some((relatie) => /[éëüöäçı]/i.test(relatie.naam))).toBe(true);
  });

  it('marks about 3% of the relaties nonactief', () => {
    const inactive = businessRelaties.filter((relatie) => relatie.nonactief).length;
    expect(inactive).toBe(120);
    expect(summary.snelstart.nonactief).toBe(inactive);
  });

  it('links artikelen to omzetgroepen and omzetgroepen to grootboeken', () => {
    const groups = new Map(snelstart.artikelomzetgroepen.map((group) => [group.id, group]));
    const ledgers = new Map(snelstart.grootboeken.map((ledger) => [ledger.id, ledger]));
    const leveranciers = new Set(
      snelstart.relaties
        .filter((relatie) => relatie.relatiesoort[0] === 'Leverancier')
        .map((relatie) => relatie.id),
    );
    for (const group of snelstart.artikelomzetgroepen) {
      expect(ledgers.get(group.verkoopGrootboekNederlandIdentifier.id)?.btwSoort).toContain(
        group.verkoopNederlandBtwSoort,
      );
    }
    const codes = new Set<string>();
    for (const artikel of snelstart.artikelen) {
      expect(groups.has(artikel.artikelOmzetgroep.id)).toBe(true);
      expect(['stuk', 'uur', 'kg', 'm', 'doos']).toContain(artikel.eenheid);
      expect(artikel.omschrijving.length).toBeLessThanOrEqual(250);
      expect(artikel.inkoopprijs).toBeLessThan(artikel.verkoopprijs);
      expect(Math.round(artikel.verkoopprijs * 100)).toBeCloseTo(artikel.verkoopprijs * 100, 6);
      if (artikel.relatie !== null) expect(leveranciers.has(artikel.relatie.id)).toBe(true);
      codes.add(artikel.artikelcode);
    }
    expect(codes.size).toBe(snelstart.artikelen.length);
    expect(snelstart.artikelen.some((artikel) => artikel.isNonActief)).toBe(true);
  });

  it('has the reference data the demo mappings name', () => {
    const landen = new Map(snelstart.landen.map((land) => [land.landcode, land]));
    for (const [iso2, iso3] of [
      ['NL', 'NLD'],
      ['BE', 'BEL'],
      ['DE', 'DEU'],
      ['FR', 'FRA'],
      ['GB', 'GBR'],
    ]) {
      expect(landen.get(iso2 as string)?.landcodeISO).toBe(iso3);
    }
    expect(landen.get('NL')?.id).toBe(SNELSTART_IDS.land.NL);
    const byNumber = new Map(snelstart.grootboeken.map((ledger) => [ledger.nummer, ledger]));
    expect(byNumber.get(8000)).toMatchObject({
      omschrijving: 'Omzet hoog',
      grootboekfunctie: 'VerkopenOmzetHoog',
      btwSoort: ['Hoog'],
    });
    expect(byNumber.get(8010)).toMatchObject({ omschrijving: 'Omzet laag', btwSoort: ['Laag'] });
    expect(byNumber.get(8020)).toMatchObject({
      omschrijving: 'Omzet verlegd',
      grootboekfunctie: 'VerkopenOmzetOnbelastVerlegd',
    });
    expect(byNumber.get(8030)?.btwSoort).toEqual(['Geen']);
    expect(byNumber.get(1300)).toMatchObject({ omschrijving: 'Debiteuren', rekeningCode: 'Balans' });
    expect(byNumber.get(8000)?.id).toBe(SNELSTART_IDS.grootboek.omzetHoog);
    const current = snelstart.btwtarieven.filter((rate) => rate.datumTotEnMet.startsWith('2400'));
    expect(Object.fromEntries(current.map((rate) => [rate.btwSoort, rate.btwPercentage]))).toMatchObject({
      Hoog: 21,
      Laag: 9,
      Geen: 0,
    });
    expect(snelstart.verkoopordersjablonen.map((sjabloon) => sjabloon.id)).toContain(
      SNELSTART_IDS.verkoopordersjabloon.standaard,
    );
    expect(snelstart.companyInfo.administratieIdentifier).toBe(SNELSTART_IDS.administratie);
  });

  it('gives about half of the Core-incasso customers a mandate, some revoked', () => {
    const core = businessRelaties.filter((relatie) => relatie.incassoSoort === 'Core');
    const coreIds = new Set(core.map((relatie) => relatie.id));
    const mandates = snelstart.doorlopendeincassomachtigingen;
    const holders = new Set(mandates.map((mandate) => mandate.klant.id));
    for (const mandate of mandates) {
      expect(coreIds.has(mandate.klant.id)).toBe(true);
      expect(mandate.afsluitDatum).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00$/);
      if (mandate.intrekkingsDatum !== null)
        expect(mandate.intrekkingsDatum > mandate.afsluitDatum).toBe(true);
    }
    expect(new Set(mandates.map((mandate) => mandate.kenmerk)).size).toBe(mandates.length);
    expect(holders.size).toBe(Math.ceil(core.length / 2));
    expect(mandates.some((mandate) => mandate.intrekkingsDatum !== null)).toBe(true);
    expect(summary.snelstart.coreIncassoKlanten).toBe(core.length);
  });
});

/** Every `{ ID }` reference of every record, with the entity set(s) it may point into. */
const NAVIGATION_TARGETS: Record<string, Record<string, (keyof TribeSeed)[]>> = {
  Relation_Organization: { VisitingAddress: ['Address'], PostalAddress: ['Address'] },
  Address: {
    Organization: ['Relation_Organization'],
    Country: ['Datastore_Country'],
    AddressType: ['Datastore_AdressType'],
  },
  Relationship_Organization_Identity: { Relation: ['Relation_Organization'] },
  Relationship_Organization_CommercialRelationship_Customer: {
    Organization: ['Relation_Organization'],
    Relation: ['Relation_Organization'],
  },
  Relationship_Organization_Supplier: {
    Organization: ['Relation_Organization'],
    Relation: ['Relation_Organization'],
  },
  Relationship_Organization_CommercialRelationship_Prospect: {
    Organization: ['Relation_Organization'],
    Relation: ['Relation_Organization'],
  },
  Product: {
    Unit: ['Datastore_Unit'],
    VatGroup: ['Datastore_VatGroup'],
    GeneralLedgerAccount: ['Datastore_GeneralLedgerAccount'],
    ProductGroup: ['ProductGroup'],
  },
  Activity_Subscription: {
    Phase: ['Datastore_Phase_ActivitySubscription'],
    Relationship: ['Relationship_Organization_CommercialRelationship_Customer'],
  },
  Activity_Invoice: {
    Phase: ['Datastore_Phase_ActivityInvoice'],
    Relationship: ['Relationship_Organization_CommercialRelationship_Customer'],
    Subscription: ['Activity_Subscription'],
  },
  Activity_SalesOrder: {
    Phase: ['Datastore_Phase_ActivitySalesOrder'],
    Relationship: ['Relationship_Organization_CommercialRelationship_Customer'],
  },
  ProductLine: {
    Activity: ['Activity_Invoice', 'Activity_SalesOrder', 'Activity_Subscription'],
    Product: ['Product'],
    VatGroup: ['Datastore_VatGroup'],
    GeneralLedgerAccount: ['Datastore_GeneralLedgerAccount'],
  },
  Attachment: { Entity: ['Activity_Invoice', 'Activity_SalesOrder', 'Activity_Subscription'] },
};

describe('Tribe seed', () => {
  const sets = Object.entries(tribe) as [keyof TribeSeed, { ID: string }[]][];
  const idsBySet = new Map(
    sets.map(([name, records]) => [name, new Set(records.map((record) => record.ID))]),
  );

  it('has unique GUIDs across all entity sets and the base fields on every record', () => {
    const all = sets.flatMap(([, records]) => records.map((record) => record.ID));
    expect(new Set(all).size).toBe(all.length);
    const problems: string[] = [];
    for (const [setName, records] of sets) {
      for (const record of records as unknown as Record<string, unknown>[]) {
        const created = record.CreationDate as string;
        const mutated = record.LastMutationDate as string;
        if (
          !UUID_V4.test(record.ID as string) ||
          !ISO_UTC.test(created) ||
          !ISO_UTC.test(mutated) ||
          mutated < created ||
          Date.parse(mutated) >= NOW.getTime() ||
          record.IsActive !== true
        ) {
          problems.push(`${setName} ${String(record.ID)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('resolves every navigation reference', () => {
    const dangling: string[] = [];
    for (const [setName, navigations] of Object.entries(NAVIGATION_TARGETS)) {
      for (const record of tribe[setName as keyof TribeSeed] as unknown as Record<string, unknown>[]) {
        for (const [navigation, targets] of Object.entries(navigations)) {
          const ref = record[navigation] as { ID: string } | null;
          if (ref !== null && !targets.some((target) => idsBySet.get(target)?.has(ref.ID))) {
            dangling.push(`${setName}.${navigation} → ${ref.ID}`);
          }
        }
      }
    }
    expect(dangling).toEqual([]);
  });

  it('has the datastores with their well-known ids and codes', () => {
    expect(tribe.Datastore_VatGroup.map((group) => [group.ID, group.Percentage])).toEqual([
      [TRIBE_IDS.vatGroup.high21, 21],
      [TRIBE_IDS.vatGroup.low9, 9],
      [TRIBE_IDS.vatGroup.zero0, 0],
      [TRIBE_IDS.vatGroup.reverseCharge, 0],
    ]);
    expect(tribe.Datastore_AdressType.map((type) => type.Code)).toEqual(['Visiting', 'Postal', 'Invoice']);
    expect(tribe.Datastore_Phase_ActivityInvoice.map((phase) => [phase.Code, phase.Name])).toEqual([
      ['Draft', 'Concept'],
      ['Sent', 'Verstuurd'],
      ['Paid', 'Betaald'],
    ]);
    expect(tribe.Datastore_Phase_ActivitySalesOrder.map((phase) => phase.Code)).toEqual([
      'Open',
      'Linked',
      'Delivered',
    ]);
    expect(tribe.Datastore_Country.find((country) => country.Code === 'NL')?.ID).toBe(TRIBE_IDS.country.NL);
    expect(tribe.Relationship_Organization_Identity).toEqual([
      expect.objectContaining({ Relation: { ID: TRIBE_IDS.ownOrganization } }),
    ]);
  });

  it('points every relationship at the own organisation and gives addresses whole house numbers', () => {
    const relationships = [
      ...tribe.Relationship_Organization_CommercialRelationship_Customer,
      ...tribe.Relationship_Organization_Supplier,
      ...tribe.Relationship_Organization_CommercialRelationship_Prospect,
    ];
    expect(
      relationships.filter((relationship) => relationship.Relation.ID !== TRIBE_IDS.ownOrganization),
    ).toEqual([]);
    expect(
      tribe.Address.filter((address) => !Number.isInteger(address.HouseNumber) || address.HouseNumber <= 0),
    ).toEqual([]);
    const organisations = new Map(
      tribe.Relation_Organization.map((organisation) => [organisation.ID, organisation]),
    );
    const orphans = tribe.Address.filter((address) => {
      const owner = organisations.get(address.Organization.ID);
      return owner?.VisitingAddress?.ID !== address.ID && owner?.PostalAddress?.ID !== address.ID;
    });
    expect(orphans).toEqual([]);
  });

  it('has CRM products covering every VAT group, with unique codes', () => {
    expect(tribe.Product).toHaveLength(summary.tribe.products);
    expect(new Set(tribe.Product.map((product) => product.Code)).size).toBe(tribe.Product.length);
    expect(new Set(tribe.Product.map((product) => product.VatGroup.ID))).toEqual(
      new Set(Object.values(TRIBE_IDS.vatGroup)),
    );
  });
});
