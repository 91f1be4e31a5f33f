import { mergeThreeWay } from '../../domain/merge';
import {
  artikelToCanonical,
  artikelUpdateFromCanonical,
  artikelWriteFromCanonical,
  pairProductGroups,
  productGroupCreateFromOmzetgroep,
  tribeProductToCanonical,
  tribeProductWriteFromCanonical,
  validateArtikelWrite,
  type CanonicalProduct,
  type ProductMappingContext,
} from '../../domain/product-mapping';
import type { SnelStartArtikel, SnelStartArtikelWrite } from '../../domain/snelstart-records';
import type { TribeProduct } from '../../domain/tribe-records';

const GROUP_SS = 'aaaaaaaa-0000-0000-0000-000000000001';
const GROUP_TRIBE = 'bbbbbbbb-0000-0000-0000-000000000001';
const UNIT_STUK = 'cccccccc-0000-0000-0000-000000000001';
const UNIT_UUR = 'cccccccc-0000-0000-0000-000000000002';

const context: ProductMappingContext = {
  units: [
    { ID: UNIT_STUK, Name: 'Stuk', Code: 'st' },
    { ID: UNIT_UUR, Name: 'Uur', Code: 'h' },
  ],
  productGroups: [{ snelstartOmzetgroepId: GROUP_SS, tribeProductGroupId: GROUP_TRIBE }],
};

const artikel: SnelStartArtikel = {
  id: 'art-1',
  artikelcode: 'A-100',
  omschrijving: ' Koffiebonen  1 kg ',
  verkoopprijs: 12.5,
  inkoopprijs: 7.123456,
  eenheid: 'stuk',
  artikelOmzetgroep: { id: GROUP_SS },
  isNonActief: false,
};

const product: TribeProduct = {
  ID: 'prod-1',
  Name: 'Koffiebonen 1 kg',
  Code: 'A-100',
  SalesPrice: 12.5,
  PurchasePrice: 7.1235,
  IsInactive: false,
  Unit: { ID: UNIT_STUK },
  ProductGroup: { ID: GROUP_TRIBE },
};

const canonical: CanonicalProduct = {
  name: 'Koffiebonen 1 kg',
  code: 'A-100',
  salesPrice: 12.5,
  purchasePrice: 7.1235,
  unit: 'stuk',
  productGroup: GROUP_SS,
  inactive: false,
};

describe('canonical product', () => {
  test('SnelStart artikel and the matching Tribe product have the same canonical form', () => {
    expect(artikelToCanonical(artikel)).toEqual(canonical);
    expect(tribeProductToCanonical(product, context)).toEqual(canonical);
    const merge = mergeThreeWay(
      canonical,
      artikelToCanonical(artikel),
      tribeProductToCanonical(product, context),
    );
    expect(merge.snelstartPatch).toEqual({});
    expect(merge.tribePatch).toEqual({});
  });

  test.each<[string, Partial<SnelStartArtikel>, Partial<CanonicalProduct>]>([
    ['deactivated in SnelStart', { isNonActief: true }, { inactive: true }],
    ['no prices', { verkoopprijs: null, inkoopprijs: undefined }, { salesPrice: null, purchasePrice: null }],
    ['unit in capitals', { eenheid: 'STUK ' }, { unit: 'stuk' }],
    ['no omzetgroep', { artikelOmzetgroep: null }, { productGroup: null }],
    ['price noise rounded to 4 decimals', { verkoopprijs: 0.1 + 0.2 }, { salesPrice: 0.3 }],
  ])('from SnelStart: %s', (_title, overrides, expected) => {
    expect(artikelToCanonical({ ...artikel, ...overrides })).toMatchObject(expected);
  });

  test.each<[string, Partial<TribeProduct>, Partial<CanonicalProduct>]>([
    ['unit expanded with its name', { Unit: { ID: 'other', Name: 'Doos' } }, { unit: 'doos' }],
    ['unit known only by code', { Unit: { ID: 'x', Code: 'KG' } }, { unit: 'kg' }],
    ['no unit', { Unit: null }, { unit: null }],
    [
      'a product group without SnelStart counterpart stays recognisable',
      { ProductGroup: { ID: 'lonely' } },
      { productGroup: 'tribe:lonely' },
    ],
    ['inactive', { IsInactive: true }, { inactive: true }],
  ])('from Tribe: %s', (_title, overrides, expected) => {
    expect(tribeProductToCanonical({ ...product, ...overrides }, context)).toMatchObject(expected);
  });
});

describe('writing products', () => {
  test('to Tribe: unit and group resolved to Tribe records', () => {
    expect(tribeProductWriteFromCanonical(canonical, context)).toEqual({
      product: {
        Name: 'Koffiebonen 1 kg',
        Code: 'A-100',
        SalesPrice: 12.5,
        PurchasePrice: 7.1235,
        IsInactive: false,
        Unit: { ID: UNIT_STUK },
        ProductGroup: { ID: GROUP_TRIBE },
      },
      problems: [],
    });
  });

  test('to Tribe: a product deactivated in SnelStart becomes inactive, and only that field is written', () => {
    expect(tribeProductWriteFromCanonical({ ...canonical, inactive: true }, context, ['inactive'])).toEqual({
      product: { IsInactive: true },
      problems: [],
    });
  });

  test.each<[string, Partial<CanonicalProduct>, string, RegExp]>([
    ['an unknown unit', { unit: 'pallet' }, 'Unit', /unit "pallet" does not exist in Tribe/],
    [
      'an omzetgroep without a Tribe group',
      { productGroup: 'unpaired' },
      'ProductGroup',
      /sync the product groups first/,
    ],
    ['no name', { name: null }, 'Name', /requires a product name/],
  ])('to Tribe: %s is a problem', (_title, overrides, field, message) => {
    const { product: body, problems } = tribeProductWriteFromCanonical(
      { ...canonical, ...overrides },
      context,
    );
    expect(problems).toEqual([{ field, message: expect.stringMatching(message) }]);
    expect(body).not.toHaveProperty(field);
  });

  test('to Tribe: the unit is found by code as well', () => {
    expect(tribeProductWriteFromCanonical({ ...canonical, unit: 'h' }, context, ['unit']).product).toEqual({
      Unit: { ID: UNIT_UUR },
    });
  });

  test('to SnelStart: eenheid takes the Tribe unit name', () => {
    const { artikel: body, problems } = artikelWriteFromCanonical(
      tribeProductToCanonical(product, context),
      context,
    );
    expect(problems).toEqual([]);
    expect(body).toEqual<SnelStartArtikelWrite>({
      artikelcode: 'A-100',
      omschrijving: 'Koffiebonen 1 kg',
      verkoopprijs: 12.5,
      inkoopprijs: 7.1235,
      eenheid: 'Stuk',
      artikelOmzetgroep: { id: GROUP_SS },
      isNonActief: false,
    });
  });

  const write = (overrides: Partial<SnelStartArtikelWrite>): SnelStartArtikelWrite => ({
    artikelcode: 'A-100',
    omschrijving: 'Koffie',
    verkoopprijs: 1,
    inkoopprijs: 1,
    eenheid: null,
    artikelOmzetgroep: { id: GROUP_SS },
    isNonActief: false,
    ...overrides,
  });

  test.each<
    [
      string,
      Partial<SnelStartArtikelWrite>,
      ProductMappingContext['artikelcode'],
      string | null,
      RegExp | null,
    ]
  >([
    ['valid', {}, undefined, null, null],
    ['no code', { artikelcode: null }, undefined, 'artikelcode', /ART-0002/],
    ['blank code', { artikelcode: ' ' }, undefined, 'artikelcode', /ART-0002/],
    [
      'letters in a numeric administration',
      {},
      { numeric: true, maxLength: null },
      'artikelcode',
      /must be numeric/,
    ],
    [
      'numeric code in a numeric administration',
      { artikelcode: '100' },
      { numeric: true, maxLength: 10 },
      null,
      null,
    ],
    [
      'code too long',
      { artikelcode: 'A-100000' },
      { numeric: false, maxLength: 6 },
      'artikelcode',
      /at most 6 \(ART-0004\)/,
    ],
    ['no name', { omschrijving: null }, undefined, 'omschrijving', /ART-0006/],
    [
      'name of 251 characters',
      { omschrijving: 'x'.repeat(251) },
      undefined,
      'omschrijving',
      /251 characters.*ART-0007/,
    ],
    ['name of 250 characters', { omschrijving: 'x'.repeat(250) }, undefined, null, null],
    ['no omzetgroep', { artikelOmzetgroep: null }, undefined, 'artikelOmzetgroep', /ART-0008/],
  ])('artikel validation: %s', (_title, overrides, rules, field, message) => {
    const problems = validateArtikelWrite(write(overrides), { artikelcode: rules });
    if (field === null) expect(problems).toEqual([]);
    else expect(problems).toEqual([{ field, message: expect.stringMatching(message ?? /./) }]);
  });

  test('to SnelStart: a Tribe group without omzetgroep cannot be created through the API', () => {
    const { artikel: body, problems } = artikelWriteFromCanonical(
      { ...canonical, productGroup: 'tribe:lonely' },
      context,
    );
    expect(body.artikelOmzetgroep).toBeNull();
    expect(problems.map((problem) => problem.field)).toEqual(['artikelOmzetgroep']);
    expect(problems[0]?.message).toMatch(/cannot be created through the API/);
  });

  test('update: only changed fields replaced, read-only fields dropped', () => {
    const current = {
      ...artikel,
      uri: '/artikelen/art-1',
      modifiedOn: '2026-01-01T00:00:00',
      vrijeVoorraad: 5,
      technischeVoorraad: 6,
    };
    const { artikel: body, problems } = artikelUpdateFromCanonical(
      current,
      { ...canonical, salesPrice: 13 },
      ['salesPrice'],
      context,
    );
    expect(problems).toEqual([]);
    expect(body).toEqual({
      id: 'art-1',
      artikelcode: 'A-100',
      omschrijving: ' Koffiebonen  1 kg ',
      verkoopprijs: 13,
      inkoopprijs: 7.123456,
      eenheid: 'stuk',
      artikelOmzetgroep: { id: GROUP_SS },
      isNonActief: false,
    });
  });
});

describe('product groups', () => {
  test('paired by code = nummer, then by name; each Tribe group used once', () => {
    const result = pairProductGroups(
      [
        { id: 'g10', nummer: 10, omschrijving: 'Koffie' },
        { id: 'g20', nummer: 20, omschrijving: 'Thee' },
        { id: 'g30', nummer: 30, omschrijving: 'Thee' },
        { id: 'g40', nummer: 40, omschrijving: 'Gebak' },
      ],
      [
        { ID: 't-koffie', Name: 'Koffie & co', Code: '10' },
        { ID: 't-thee', Name: 'THEE', Code: null },
      ],
    );
    expect(result.pairs).toEqual([
      { snelstartOmzetgroepId: 'g10', tribeProductGroupId: 't-koffie' },
      { snelstartOmzetgroepId: 'g20', tribeProductGroupId: 't-thee' },
    ]);
    expect(result.unpaired.map((group) => group.id)).toEqual(['g30', 'g40']);
  });

  test.each<
    [
      { id: string; nummer?: number | null; omschrijving?: string | null },
      { Name: string; Code: string | null },
    ]
  >([
    [
      { id: 'g1', nummer: 40, omschrijving: ' Gebak ' },
      { Name: 'Gebak', Code: '40' },
    ],
    [
      { id: 'g2', nummer: 50, omschrijving: null },
      { Name: 'Omzetgroep 50', Code: '50' },
    ],
    [
      { id: 'g3', nummer: null, omschrijving: 'Los' },
      { Name: 'Los', Code: null },
    ],
  ])('a Tribe group for %j', (omzetgroep, expected) => {
    expect(productGroupCreateFromOmzetgroep(omzetgroep)).toEqual(expected);
  });
});
