import { buildCountryMapping, isoAlpha2 } from '../../domain/country-mapping';
import { mergeThreeWay } from '../../domain/merge';
import {
  RELATION_MERGE_OPTIONS,
  relatieCreatesFromTribe,
  relatieRolesForTribeRelationships,
  relatieToCanonical,
  relatieUpdateFromCanonical,
  relatieWriteFromCanonical,
  tribeOrganisationCreateFromRelaties,
  tribeOrganisationToCanonical,
  tribeOrganisationUpdateFromCanonical,
  validateRelatieWrite,
  type CanonicalRelation,
  type RelationMappingContext,
} from '../../domain/relation-mapping';
import type { SnelStartRelatie, SnelStartRelatieWrite } from '../../domain/snelstart-records';
import type { TribeAddress, TribeOrganisation } from '../../domain/tribe-records';

const LAND_NL = 'aaaaaaaa-0000-0000-0000-00000000000a';
const LAND_BE = 'aaaaaaaa-0000-0000-0000-00000000000b';
const COUNTRY_NL = 'cccccccc-0000-0000-0000-00000000000a';
const COUNTRY_BE = 'cccccccc-0000-0000-0000-00000000000b';
const COUNTRY_FR = 'cccccccc-0000-0000-0000-00000000000f';
const VISIT_TYPE = 'dddddddd-0000-0000-0000-000000000001';
const POSTAL_TYPE = 'dddddddd-0000-0000-0000-000000000002';
const INVOICE_TYPE = 'dddddddd-0000-0000-0000-000000000003';

const context: RelationMappingContext = {
  countries: buildCountryMapping(
    [
      { id: LAND_NL, naam: 'Nederland', landcode: 'NL', landcodeISO: 'NLD' },
      { id: LAND_BE, naam: 'België', landcode: 'be', landcodeISO: 'BEL' },
      { id: 'no-code', naam: 'Onbekend', landcode: '' },
    ],
    [
      { ID: COUNTRY_NL, Code: 'NL', Name: 'Netherlands' },
      { ID: COUNTRY_BE, Code: 'BE', Name: 'Belgium' },
      { ID: COUNTRY_FR, Code: 'FR', Name: 'France' },
    ],
  ),
  addressTypes: { vestigingsAdres: VISIT_TYPE, correspondentieAdres: POSTAL_TYPE },
};

const relatie: SnelStartRelatie = {
  id: 'r1',
  relatiesoort: ['Klant'],
  relatiecode: 1001,
  naam: ' Acme  B.V. ',
  vestigingsAdres: {
    contactpersoon: 'J. Jansen',
    straat: 'Dorpsstraat 12-a',
    postcode: '1234ab',
    plaats: 'Utrecht',
    land: { id: LAND_NL },
  },
  correspondentieAdres: {
    straat: 'Postbus 55',
    postcode: '4321 zx',
    plaats: 'Utrecht',
    land: { id: LAND_NL },
  },
  telefoon: '030-1234567',
  email: 'Info@Acme.nl ; Sales@Acme.nl',
  websiteUrl: 'https://acme.nl',
  btwNummer: 'nl 8123.45.678.B01',
  kvkNummer: '1234 5678',
  iban: 'NL91 ABNA 0417 1643 00',
  bic: 'abnanl2a',
  nonactief: false,
};

const visiting: TribeAddress = {
  ID: 'addr-visit',
  Street: 'Dorpsstraat',
  HouseNumber: 12,
  HouseNumberSuffix: 'a',
  Postalcode: '1234 AB',
  City: 'Utrecht',
  Country: { ID: COUNTRY_NL, Code: 'NL' },
  AddressType: { ID: VISIT_TYPE, Code: 'Visiting' },
};
const postal: TribeAddress = {
  ID: 'addr-postal',
  Street: 'Postbus 55',
  HouseNumber: null,
  Postalcode: '4321ZX',
  City: 'Utrecht',
  Country: { ID: COUNTRY_NL },
  AddressType: { ID: POSTAL_TYPE },
};

const organisation: TribeOrganisation = {
  ID: 'org-1',
  Name: 'Acme B.V.',
  PhoneNumber: '030-1234567',
  EmailAddress: 'info@acme.nl;sales@acme.nl',
  Website: 'https://acme.nl',
  VATNumber: 'NL8123.45.678.B01',
  ChamberOfCommerceNumber: '12345678',
  IBAN: 'NL91ABNA0417164300',
  BIC: 'ABNANL2A',
  DebtorNumber: '01001',
  CreditorNumber: '77',
  VisitingAddress: visiting,
  PostalAddress: postal,
};

const expectedCanonical: CanonicalRelation = {
  name: 'Acme B.V.',
  visitingStreet: 'Dorpsstraat',
  visitingHouseNumber: 12,
  visitingAddition: 'a',
  visitingPostcode: '1234 AB',
  visitingCity: 'Utrecht',
  visitingCountry: 'NL',
  postalStreet: 'Postbus',
  postalHouseNumber: 55,
  postalAddition: null,
  postalPostcode: '4321 ZX',
  postalCity: 'Utrecht',
  postalCountry: 'NL',
  phone: '030-1234567',
  email: 'info@acme.nl;sales@acme.nl',
  website: 'https://acme.nl',
  vatNumber: 'NL812345678B01',
  chamberOfCommerceNumber: '12345678',
  iban: 'NL91ABNA0417164300',
  bic: 'ABNANL2A',
  relationNumber: '1001',
};

describe('canonical relation', () => {
  test('from a SnelStart relatie: parsed street, normalised codes', () => {
    expect(relatieToCanonical(relatie, context)).toEqual(expectedCanonical);
  });

  test('from the same organisation in Tribe spelled differently: identical, so nothing to write', () => {
    const fromTribe = tribeOrganisationToCanonical(organisation, 'Klant', context);
    expect(fromTribe).toEqual(expectedCanonical);
    const merge = mergeThreeWay(
      null,
      relatieToCanonical(relatie, context),
      fromTribe,
      RELATION_MERGE_OPTIONS,
    );
    expect(merge.snelstartPatch).toEqual({});
    expect(merge.tribePatch).toEqual({});
  });

  test.each<[string, TribeOrganisation, 'Klant' | 'Leverancier', Partial<CanonicalRelation>]>([
    [
      'a Klant link reads DebtorNumber (leading zeros dropped)',
      organisation,
      'Klant',
      { relationNumber: '1001' },
    ],
    ['a Leverancier link reads CreditorNumber', organisation, 'Leverancier', { relationNumber: '77' }],
    [
      'a non-numeric number is kept as text',
      { ...organisation, DebtorNumber: 'T-0001' },
      'Klant',
      { relationNumber: 'T-0001' },
    ],
    [
      'address types decide, not slots: vestigingsAdres found in the PostalAddress slot',
      { ...organisation, VisitingAddress: postal, PostalAddress: visiting },
      'Klant',
      { visitingStreet: 'Dorpsstraat', postalStreet: 'Postbus' },
    ],
    [
      'an address without a known type falls back to its slot',
      {
        ...organisation,
        VisitingAddress: { ...visiting, AddressType: null },
        PostalAddress: { ...postal, AddressType: undefined },
      },
      'Klant',
      { visitingStreet: 'Dorpsstraat', postalStreet: 'Postbus' },
    ],
    [
      'an address of another type (e.g. Invoice) is not used',
      { ...organisation, PostalAddress: { ...postal, AddressType: { ID: INVOICE_TYPE } } },
      'Klant',
      { postalStreet: null, postalHouseNumber: null, postalPostcode: null, postalCountry: null },
    ],
    [
      'an unknown Tribe country is no country',
      { ...organisation, VisitingAddress: { ...visiting, Country: { ID: 'unknown' } } },
      'Klant',
      { visitingCountry: null },
    ],
    [
      'a number typed into Street is split like SnelStart would',
      {
        ...organisation,
        VisitingAddress: {
          ...visiting,
          Street: 'Dorpsstraat 12a',
          HouseNumber: null,
          HouseNumberSuffix: null,
        },
      },
      'Klant',
      { visitingStreet: 'Dorpsstraat', visitingHouseNumber: 12, visitingAddition: 'a' },
    ],
    [
      'empty texts are null',
      { ...organisation, PhoneNumber: '  ', Website: '' },
      'Klant',
      { phone: null, website: null },
    ],
  ])('from Tribe: %s', (_title, org, role, expected) => {
    expect(tribeOrganisationToCanonical(org, role, context)).toMatchObject(expected);
  });

  test.each<[string, Partial<SnelStartRelatie>, Partial<CanonicalRelation>]>([
    ['no relatiecode', { relatiecode: null }, { relationNumber: null }],
    [
      'no addresses',
      { vestigingsAdres: null, correspondentieAdres: undefined },
      { visitingStreet: null, postalPostcode: null, visitingCountry: null },
    ],
    [
      'an unknown land id is no country',
      { vestigingsAdres: { straat: 'Kerkweg 1', land: { id: 'nope' } } },
      { visitingCountry: null, visitingHouseNumber: 1 },
    ],
    [
      'a Belgian box number',
      { vestigingsAdres: { straat: 'Wetstraat 16 bus 3', postcode: '1040', land: { id: LAND_BE } } },
      { visitingAddition: 'bus 3', visitingCountry: 'BE' },
    ],
  ])('from SnelStart: %s', (_title, overrides, expected) => {
    expect(relatieToCanonical({ ...relatie, ...overrides }, context)).toMatchObject(expected);
  });

  test.each<[string | null | undefined, string | null]>([
    ['nl', 'NL'],
    [' BE ', 'BE'],
    ['NLD', null],
    ['', null],
    [null, null],
  ])('isoAlpha2(%j) = %j', (code, expected) => {
    expect(isoAlpha2(code)).toBe(expected);
  });
});

describe('SnelStart roles from Tribe relationship types', () => {
  const CUSTOMER = 'Relationship_Organization_CommercialRelationship_Customer';
  const SUPPLIER = 'Relationship_Organization_Supplier';
  const PROSPECT = 'Relationship_Organization_CommercialRelationship_Prospect';
  test.each<[string[], { customer: boolean; supplier: boolean; extra: string[] }, string[]]>([
    [[CUSTOMER], { customer: true, supplier: true, extra: [] }, ['Klant']],
    [[SUPPLIER], { customer: true, supplier: true, extra: [] }, ['Leverancier']],
    [[CUSTOMER, SUPPLIER], { customer: true, supplier: true, extra: [] }, ['Klant', 'Leverancier']],
    [[CUSTOMER], { customer: false, supplier: true, extra: [] }, []],
    [[SUPPLIER], { customer: true, supplier: false, extra: [] }, []],
    [[PROSPECT], { customer: true, supplier: true, extra: [] }, []],
    [[PROSPECT], { customer: false, supplier: false, extra: [PROSPECT] }, ['Klant']],
    [[PROSPECT, SUPPLIER], { customer: true, supplier: true, extra: [PROSPECT] }, ['Klant', 'Leverancier']],
    [[], { customer: true, supplier: true, extra: [] }, []],
  ])('%j with %j → %j', (sets, relationTypes, expected) => {
    expect(relatieRolesForTribeRelationships(sets, relationTypes)).toEqual(expected);
  });
});

describe('creating SnelStart relaties from Tribe', () => {
  test('an organisation with both roles becomes a Klant and a Leverancier with the same data, without relatiecode', () => {
    const { creates, problems } = relatieCreatesFromTribe(organisation, ['Klant', 'Leverancier'], context);
    expect(problems).toEqual([]);
    expect(creates.map((create) => create.role)).toEqual(['Klant', 'Leverancier']);
    expect(creates.map((create) => create.relatie.relatiesoort)).toEqual([['Klant'], ['Leverancier']]);
    const [klant] = creates;
    expect(klant?.relatie).toEqual({
      relatiesoort: ['Klant'],
      naam: 'Acme B.V.',
      vestigingsAdres: {
        straat: 'Dorpsstraat 12a',
        postcode: '1234 AB',
        plaats: 'Utrecht',
        land: { id: LAND_NL },
      },
      correspondentieAdres: {
        straat: 'Postbus 55',
        postcode: '4321 ZX',
        plaats: 'Utrecht',
        land: { id: LAND_NL },
      },
      telefoon: '030-1234567',
      email: 'info@acme.nl;sales@acme.nl',
      websiteUrl: 'https://acme.nl',
      btwNummer: 'NL812345678B01',
      kvkNummer: '12345678',
      iban: 'NL91ABNA0417164300',
      bic: 'ABNANL2A',
    });
    expect(klant?.relatie).not.toHaveProperty('relatiecode');
    expect(creates[1]?.relatie.naam).toBe('Acme B.V.');
  });

  test('a Dutch postcode without a country is written with the Netherlands (REL-0060 needs a land)', () => {
    const org = { ...organisation, VisitingAddress: { ...visiting, Country: null }, PostalAddress: null };
    const { creates, problems } = relatieCreatesFromTribe(org, ['Klant'], context);
    expect(problems).toEqual([]);
    expect(creates[0]?.relatie.vestigingsAdres?.land).toEqual({ id: LAND_NL });
    expect(creates[0]?.relatie.correspondentieAdres).toBeNull();
  });

  test('an organisation without an exported role creates nothing and says so', () => {
    const result = relatieCreatesFromTribe(organisation, [], context);
    expect(result.creates).toEqual([]);
    expect(result.problems[0]?.message).toMatch(/no relation type that is exported/);
  });

  const long = (length: number, char = 'x') => char.repeat(length);
  const rows: [string, Partial<TribeOrganisation>, string, RegExp][] = [
    ['name missing', { Name: ' ' }, 'naam', /requires a name \(REL-0007\)/],
    ['name 51 characters', { Name: long(51) }, 'naam', /51 characters; SnelStart allows at most 50/],
    ['phone 26 characters', { PhoneNumber: long(26, '1') }, 'telefoon', /at most 25/],
    ['e-mail 251 characters', { EmailAddress: `${long(240)}@example.nl` }, 'email', /at most 250/],
    ['e-mail not an address', { EmailAddress: 'info at acme' }, 'email', /not a valid e-mail address/],
    ['one of several e-mails invalid', { EmailAddress: 'a@b.nl; nope' }, 'email', /REL-0061/],
    ['website 101 characters', { Website: `https://${long(93)}` }, 'websiteUrl', /at most 100/],
    ['KvK 13 characters', { ChamberOfCommerceNumber: long(13, '1') }, 'kvkNummer', /at most 12/],
    ['IBAN 51 characters', { IBAN: long(51, 'A') }, 'iban', /at most 50/],
    ['BIC 16 characters', { BIC: long(16, 'A') }, 'bic', /at most 15/],
    ['VAT number with odd characters', { VATNumber: 'NL-123/B01' }, 'btwNummer', /letters and digits/],
    ['VAT number of one character', { VATNumber: 'N' }, 'btwNummer', /2 to 50/],
    [
      'street + number 51 characters',
      { VisitingAddress: { ...visiting, Street: long(45, 's'), HouseNumber: 1234, HouseNumberSuffix: 'a' } },
      'vestigingsAdres.straat',
      /51 characters; SnelStart allows at most 50 \(vestigingsAdres.straat\)/,
    ],
    [
      'postcode 26 characters',
      { VisitingAddress: { ...visiting, Postalcode: long(26, '9') } },
      'vestigingsAdres.postcode',
      /at most 25/,
    ],
    [
      'city 51 characters',
      { VisitingAddress: { ...visiting, City: long(51, 'c') } },
      'vestigingsAdres.plaats',
      /at most 50/,
    ],
    [
      'postal city 51 characters',
      { PostalAddress: { ...postal, City: long(51, 'c') } },
      'correspondentieAdres.plaats',
      /postal address city/,
    ],
    [
      'visiting address without city (REL-0060)',
      { VisitingAddress: { ...visiting, City: null } },
      'vestigingsAdres',
      /incomplete.*REL-0060.*missing: city/,
    ],
    [
      'foreign postcode without country (REL-0060)',
      { VisitingAddress: { ...visiting, Postalcode: 'B-1000', Country: null } },
      'vestigingsAdres',
      /missing: country/,
    ],
    [
      'a country SnelStart does not know',
      { VisitingAddress: { ...visiting, Country: { ID: COUNTRY_FR } } },
      'vestigingsAdres.land',
      /country FR has no SnelStart land/,
    ],
  ];

  test.each(rows)('%s', (_title, overrides, field, message) => {
    const { creates, problems } = relatieCreatesFromTribe(
      { ...organisation, ...overrides },
      ['Klant'],
      context,
    );
    expect(creates).toEqual([]);
    const problem = problems.find((candidate) => candidate.field === field);
    expect(problem?.message).toMatch(message);
  });

  test('an address that is empty on all fields needs nothing (REL-0060 only applies once something is filled)', () => {
    const { problems } = relatieCreatesFromTribe(
      { ...organisation, VisitingAddress: null, PostalAddress: null },
      ['Klant'],
      context,
    );
    expect(problems).toEqual([]);
  });

  test('exactly at the limits is fine', () => {
    const write: SnelStartRelatieWrite = {
      naam: long(50),
      vestigingsAdres: { straat: long(50), postcode: long(25), plaats: long(50), land: { id: LAND_NL } },
      correspondentieAdres: null,
      telefoon: long(25),
      email: `${long(239)}@example.nl`,
      websiteUrl: long(100),
      btwNummer: long(50, 'A'),
      kvkNummer: long(12),
      iban: long(50),
      bic: long(15),
    };
    expect(validateRelatieWrite(write)).toEqual([]);
  });
});

describe('updating a SnelStart relatie', () => {
  const current = {
    ...relatie,
    uri: '/relaties/r1',
    modifiedOn: '2026-01-05T10:00:00',
    verkoopBoekingenUri: '/relaties/r1/verkoopboekingen',
    vestigingsAdres: { ...relatie.vestigingsAdres, straat: 'Dorpsstraat 12 - a' },
    memo: 'keep me',
  };

  test('only the changed fields are replaced; the rest keeps SnelStart’s own spelling; read-only fields are dropped', () => {
    const merged = { ...relatieToCanonical(current, context), phone: '06-12345678' };
    const { relatie: body, problems } = relatieUpdateFromCanonical(current, merged, ['phone'], context);
    expect(problems).toEqual([]);
    expect(body.telefoon).toBe('06-12345678');
    expect(body.vestigingsAdres?.straat).toBe('Dorpsstraat 12 - a');
    expect(body.btwNummer).toBe('nl 8123.45.678.B01');
    expect(body.memo).toBe('keep me');
    expect(body).not.toHaveProperty('uri');
    expect(body).not.toHaveProperty('modifiedOn');
    expect(body).not.toHaveProperty('verkoopBoekingenUri');
    expect(body.id).toBe('r1');
  });

  test('an address change rewrites the whole address and keeps its contact person', () => {
    const merged = {
      ...relatieToCanonical(current, context),
      visitingHouseNumber: 14,
      visitingAddition: 'bis',
    };
    const { relatie: body } = relatieUpdateFromCanonical(
      current,
      merged,
      ['visitingHouseNumber', 'visitingAddition'],
      context,
    );
    expect(body.vestigingsAdres).toEqual({
      contactpersoon: 'J. Jansen',
      straat: 'Dorpsstraat 14 bis',
      postcode: '1234 AB',
      plaats: 'Utrecht',
      land: { id: LAND_NL },
    });
    expect(body.correspondentieAdres).toEqual(current.correspondentieAdres);
  });

  test('problems are reported for changed fields only', () => {
    const merged = {
      ...relatieToCanonical(current, context),
      phone: '1'.repeat(30),
      name: 'x'.repeat(60),
    };
    const { problems } = relatieUpdateFromCanonical(current, merged, ['phone'], context);
    expect(problems.map((problem) => problem.field)).toEqual(['telefoon']);
  });

  test('clearing an address sends empty fields, keeping the contact person', () => {
    const merged = {
      ...relatieToCanonical(current, context),
      postalStreet: null,
      postalHouseNumber: null,
      postalPostcode: null,
      postalCity: null,
      postalCountry: null,
    };
    const { relatie: body, problems } = relatieUpdateFromCanonical(
      current,
      merged,
      ['postalStreet', 'postalCity'],
      context,
    );
    expect(problems).toEqual([]);
    expect(body.correspondentieAdres).toEqual({
      contactpersoon: null,
      straat: null,
      postcode: null,
      plaats: null,
      land: null,
    });
  });

  test('writing the canonical form and reading it back gives the same canonical form', () => {
    const { relatie: write } = relatieWriteFromCanonical(expectedCanonical, context);
    expect(relatieToCanonical({ id: 'r', relatiecode: 1001, ...write }, context)).toEqual(expectedCanonical);
  });
});

describe('Tribe organisations from SnelStart', () => {
  const leverancier: SnelStartRelatie = {
    id: 'r2',
    relatiesoort: ['Leverancier'],
    relatiecode: 2001,
    naam: 'Acme B.V.',
    vestigingsAdres: {
      straat: 'Dorpsstraat 12a',
      postcode: '1234 AB',
      plaats: 'Utrecht',
      land: { id: LAND_NL },
    },
    telefoon: null,
    email: null,
    websiteUrl: 'https://www.acme.nl',
    iban: 'NL02RABO0123456789',
  };

  test('a Klant and a Leverancier become one organisation with both numbers; empty Klant fields are filled from the Leverancier', () => {
    const klant = { ...relatie, websiteUrl: null };
    const {
      organisation: body,
      roles,
      problems,
    } = tribeOrganisationCreateFromRelaties(
      [
        { relatie: leverancier, role: 'Leverancier' },
        { relatie: klant, role: 'Klant' },
      ],
      context,
    );
    expect(problems).toEqual([]);
    expect(roles).toEqual(['Klant', 'Leverancier']);
    expect(body).toMatchObject({
      Name: 'Acme B.V.',
      DebtorNumber: '1001',
      CreditorNumber: '2001',
      Website: 'https://www.acme.nl',
      IBAN: 'NL91ABNA0417164300',
      VisitingAddress: {
        Street: 'Dorpsstraat',
        HouseNumber: 12,
        HouseNumberSuffix: 'a',
        Postalcode: '1234 AB',
        City: 'Utrecht',
        Country: { ID: COUNTRY_NL },
        AddressType: { ID: VISIT_TYPE },
      },
      PostalAddress: { Street: 'Postbus', HouseNumber: 55, AddressType: { ID: POSTAL_TYPE } },
    });
  });

  test('a single Leverancier has only a CreditorNumber and no empty address', () => {
    const { organisation: body } = tribeOrganisationCreateFromRelaties(
      [{ relatie: leverancier, role: 'Leverancier' }],
      context,
    );
    expect(body.DebtorNumber).toBeNull();
    expect(body.CreditorNumber).toBe('2001');
    expect(body.PostalAddress).toBeUndefined();
  });

  test('a country Tribe does not have is a problem, not a silently empty country', () => {
    const landen = buildCountryMapping([{ id: 'land-de', landcode: 'DE' }], []);
    const { problems } = tribeOrganisationCreateFromRelaties(
      [
        {
          relatie: {
            ...leverancier,
            vestigingsAdres: { straat: 'Hauptstraße 1', postcode: '10115', land: { id: 'land-de' } },
          },
          role: 'Leverancier',
        },
      ],
      { ...context, countries: landen },
    );
    expect(problems).toEqual([
      {
        field: 'VisitingAddress.Country',
        message: expect.stringMatching(/country DE does not exist in Tribe/),
      },
    ]);
  });

  test('created and read back, the organisation equals the SnelStart relatie: no writes on the next cycle', () => {
    const { organisation: body } = tribeOrganisationCreateFromRelaties([{ relatie, role: 'Klant' }], context);
    const readBack: TribeOrganisation = {
      ID: 'new',
      ...body,
      VisitingAddress: { ...body.VisitingAddress, AddressType: body.VisitingAddress?.AddressType ?? null },
      PostalAddress: { ...body.PostalAddress, AddressType: body.PostalAddress?.AddressType ?? null },
    };
    expect(tribeOrganisationToCanonical(readBack, 'Klant', context)).toEqual(
      relatieToCanonical(relatie, context),
    );
  });

  test('an update writes only changed fields; the relation number goes to the role’s number field', () => {
    const merged = { ...expectedCanonical, phone: '06-1', relationNumber: '1050' };
    const asKlant = tribeOrganisationUpdateFromCanonical(
      organisation,
      merged,
      ['phone', 'relationNumber'],
      'Klant',
      context,
    );
    expect(asKlant).toEqual({
      organisation: { PhoneNumber: '06-1', DebtorNumber: '1050' },
      addresses: [],
      problems: [],
    });
    const asLeverancier = tribeOrganisationUpdateFromCanonical(
      organisation,
      merged,
      ['relationNumber'],
      'Leverancier',
      context,
    );
    expect(asLeverancier.organisation).toEqual({ CreditorNumber: '1050' });
  });

  test('an address update targets the existing address of that type', () => {
    const swapped = { ...organisation, VisitingAddress: postal, PostalAddress: visiting };
    const merged = { ...expectedCanonical, visitingCity: 'Amersfoort' };
    const { addresses } = tribeOrganisationUpdateFromCanonical(
      swapped,
      merged,
      ['visitingCity'],
      'Klant',
      context,
    );
    expect(addresses).toEqual([
      {
        kind: 'vestigingsAdres',
        slot: 'PostalAddress',
        addressId: 'addr-visit',
        address: {
          Street: 'Dorpsstraat',
          HouseNumber: 12,
          HouseNumberSuffix: 'a',
          Postalcode: '1234 AB',
          City: 'Amersfoort',
          Country: { ID: COUNTRY_NL },
          AddressType: { ID: VISIT_TYPE },
        },
      },
    ]);
  });

  test('an address update for an organisation without that address creates it inline', () => {
    const { addresses } = tribeOrganisationUpdateFromCanonical(
      { ...organisation, PostalAddress: null },
      expectedCanonical,
      ['postalCity'],
      'Klant',
      context,
    );
    expect(addresses).toMatchObject([
      { kind: 'correspondentieAdres', slot: 'PostalAddress', addressId: null },
    ]);
  });

  test('an emptied name is not written to Tribe (it requires one)', () => {
    const result = tribeOrganisationUpdateFromCanonical(
      organisation,
      { ...expectedCanonical, name: null },
      ['name'],
      'Klant',
      context,
    );
    expect(result.organisation).toEqual({});
    expect(result.problems).toHaveLength(1);
  });
});
