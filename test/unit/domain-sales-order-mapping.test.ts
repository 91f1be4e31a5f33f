import {
  memoCarriesTribeOrder,
  salesOrderToVerkoopOrder,
  type SalesOrderInput,
  type SalesOrderResult,
} from '../../domain/sales-order-mapping';
import type { TribeProductLine, TribeSalesOrder } from '../../domain/tribe-records';

const KLANT = 'd0000000-0000-0000-0000-000000000001';
const SJABLOON = 'e0000000-0000-0000-0000-000000000001';
const artikelIdByTribeProductId = new Map([
  ['prod-koffie', 'art-koffie'],
  ['prod-thee', 'art-thee'],
]);

const order = (overrides: Partial<TribeSalesOrder> = {}): TribeSalesOrder => ({
  ID: 'so-1',
  Number: 'VO-2026-007',
  Subject: 'Bestelling januari',
  CustomerReference: null,
  CreationDate: '2026-01-05T09:30:00.000Z',
  ...overrides,
});

const line = (overrides: Partial<TribeProductLine> = {}): TribeProductLine => ({
  ID: 'pl-1',
  Description: 'Koffiebonen',
  Quantity: 2,
  Price: 12.5,
  Product: { ID: 'prod-koffie', Name: 'Koffie' },
  ...overrides,
});

function build(lines: TribeProductLine[], overrides: Partial<SalesOrderInput> = {}): SalesOrderResult {
  return salesOrderToVerkoopOrder({
    order: order(),
    lines,
    snelstartRelatieId: KLANT,
    verkoopordersjabloonId: SJABLOON,
    artikelIdByTribeProductId,
    ...overrides,
  });
}

describe('salesOrderToVerkoopOrder', () => {
  test('an order on linked artikelen', () => {
    expect(
      build([
        line(),
        line({
          ID: 'pl-2',
          Description: null,
          Quantity: 1,
          Price: 4,
          DiscountPercentage: 10,
          Product: { ID: 'prod-thee' },
        }),
      ]),
    ).toEqual({
      ok: true,
      warnings: [],
      order: {
        relatie: { id: KLANT },
        datum: '2026-01-05T00:00:00',
        procesStatus: 'Order',
        verkooporderBtwIngaveModel: 'Exclusief',
        verkoopordersjabloon: { id: SJABLOON },
        omschrijving: 'Bestelling januari',
        orderreferentie: 'VO-2026-007',
        memo: 'Tribe verkooporder VO-2026-007 (so-1)',
        regels: [
          { artikel: { id: 'art-koffie' }, omschrijving: 'Koffiebonen', stuksprijs: 12.5, aantal: 2 },
          {
            artikel: { id: 'art-thee' },
            omschrijving: null,
            stuksprijs: 4,
            aantal: 1,
            kortingsPercentage: 10,
          },
        ],
      },
    });
  });

  test.each<[string, Partial<TribeSalesOrder>, string | null | undefined, string]>([
    ['a Dutch morning', { CreationDate: '2026-01-05T09:30:00Z' }, undefined, '2026-01-05T00:00:00'],
    [
      'late evening UTC is the next day in the Netherlands (winter)',
      { CreationDate: '2026-01-05T23:30:00Z' },
      undefined,
      '2026-01-06T00:00:00',
    ],
    [
      '22:30 UTC is the next day in summer',
      { CreationDate: '2026-07-05T22:30:00Z' },
      undefined,
      '2026-07-06T00:00:00',
    ],
    [
      'a zone-less creation date is taken as written',
      { CreationDate: '2026-01-05T23:30:00' },
      undefined,
      '2026-01-05T00:00:00',
    ],
    ['an explicit order date wins', {}, '2026-02-01', '2026-02-01T00:00:00'],
  ])('datum: %s', (_title, orderOverrides, orderDate, expected) => {
    const result = build([line()], { order: order(orderOverrides), orderDate });
    expect(result.ok && result.order.datum).toBe(expected);
  });

  test.each<[string, Partial<TribeSalesOrder>, string | null]>([
    ['the customer reference when there is one', { CustomerReference: ' PO-4711 ' }, 'PO-4711'],
    ['otherwise the order number', { CustomerReference: '' }, 'VO-2026-007'],
    ['none when neither exists', { CustomerReference: null, Number: null }, null],
    ['exactly 50 characters', { CustomerReference: 'r'.repeat(50) }, 'r'.repeat(50)],
  ])('orderreferentie: %s', (_title, orderOverrides, expected) => {
    const result = build([line()], { order: order(orderOverrides) });
    expect(result.ok && result.order.orderreferentie).toBe(expected);
  });

  test.each<[string, TribeProductLine[], Partial<SalesOrderInput>, RegExp]>([
    ['no lines', [], {}, /has no product lines/],
    [
      'a line without a product',
      [line({ Product: null })],
      {},
      /line 1 \("Koffiebonen"\) \(ProductLine pl-1\) has no product/,
    ],
    [
      'a product without a linked artikel (named, with what to do)',
      [line({ Product: { ID: 'prod-new', Name: 'Nieuw' } })],
      {},
      /product "Nieuw" \(prod-new\) is not linked to a SnelStart artikel and could not be created as one/,
    ],
    ['a line without a quantity', [line({ Quantity: null })], {}, /has no quantity/],
    [
      'a customer reference over 50 characters',
      [line()],
      { order: order({ CustomerReference: 'r'.repeat(51) }) },
      /customer reference is 51 characters.*VOR-0011/,
    ],
    [
      'an order number over 50 characters',
      [line()],
      { order: order({ Number: 'n'.repeat(51) }) },
      /order number is 51 characters/,
    ],
    ['no date at all', [line()], { order: order({ CreationDate: null }) }, /has no order date/],
  ])('error: %s', (_title, lines, overrides, message) => {
    const result = build(lines, overrides);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.stringMatching(message)]);
  });

  test('every unlinked line is named', () => {
    const result = build([
      line({ ID: 'a', Product: { ID: 'x' } }),
      line({ ID: 'b' }),
      line({ ID: 'c', Product: { ID: 'y' } }),
    ]);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringContaining('(x)'),
      expect.stringContaining('(y)'),
    ]);
  });

  test('a line description over 250 characters is shortened with a warning', () => {
    const result = build([line({ Description: 'd'.repeat(300) })]);
    expect(result.ok && result.order.regels[0]?.omschrijving).toHaveLength(250);
    expect(result.warnings).toEqual([expect.stringMatching(/shortened to 250/)]);
  });
});

describe('the Tribe order key in the memo', () => {
  test('a verkooporder is recognised only by the id of the Tribe order it was made from', () => {
    expect(memoCarriesTribeOrder('Tribe verkooporder VO-1 (SO-1)', 'so-1')).toBe(true);
    expect(memoCarriesTribeOrder('Tribe verkooporder VO-2 (so-2)', 'so-1')).toBe(false);
    expect(memoCarriesTribeOrder(null, 'so-1')).toBe(false);
    expect(memoCarriesTribeOrder('', 'so-1')).toBe(false);
  });
});
