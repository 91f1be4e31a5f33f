import { selectMandate, type MandateSelectionInput } from '../../domain/mandate-selection';
import type { SnelStartDoorlopendeIncassoMachtiging } from '../../domain/snelstart-records';

const customer: MandateSelectionInput['customer'] = {
  id: 'klant-1',
  naam: 'Acme B.V.',
  relatiecode: 1001,
  iban: 'NL91ABNA0417164300',
  incassoSoort: 'Core',
};

const mandate = (
  id: string,
  afsluitDatum: string | null,
  intrekkingsDatum: string | null = null,
  extra: Partial<SnelStartDoorlopendeIncassoMachtiging> = {},
) => ({
  id,
  kenmerk: `K-${id}`,
  afsluitDatum,
  intrekkingsDatum,
  omschrijving: 'Abonnement',
  ...extra,
});

const select = (
  mandates: SnelStartDoorlopendeIncassoMachtiging[],
  overrides: Partial<MandateSelectionInput> = {},
) =>
  selectMandate({
    mandates,
    invoiceDate: '2026-03-15',
    today: '2026-03-15',
    invoiceNumber: '2026-042',
    customer,
    ...overrides,
  });

describe('selectMandate: which mandate', () => {
  test.each<[string, SnelStartDoorlopendeIncassoMachtiging[], string]>([
    ['one active mandate', [mandate('m1', '2025-01-01T00:00:00')], 'm1'],
    ['signed on the invoice date', [mandate('m1', '2026-03-15T00:00:00')], 'm1'],
    [
      'revoked after the invoice date and after today is still active',
      [mandate('m1', '2025-01-01T00:00:00', '2026-03-16T00:00:00')],
      'm1',
    ],
    [
      'the latest signed wins',
      [
        mandate('old', '2024-01-01T00:00:00'),
        mandate('new', '2025-06-01T00:00:00'),
        mandate('older', '2023-01-01T00:00:00'),
      ],
      'new',
    ],
    [
      'a revoked newer one is passed over',
      [mandate('old', '2024-01-01T00:00:00'), mandate('new', '2025-06-01T00:00:00', '2026-01-01T00:00:00')],
      'old',
    ],
    [
      'one signed after the invoice date is passed over',
      [mandate('current', '2024-01-01T00:00:00'), mandate('future', '2026-04-01T00:00:00')],
      'current',
    ],
    [
      'same day: the highest kenmerk, repeatably',
      [
        mandate('a', '2025-01-01T00:00:00', null, { kenmerk: 'K-1' }),
        mandate('b', '2025-01-01T00:00:00', null, { kenmerk: 'K-2' }),
      ],
      'b',
    ],
    [
      'a mandate of another klant is passed over (BOE-0066)',
      [
        mandate('mine', '2024-01-01T00:00:00'),
        mandate('theirs', '2025-01-01T00:00:00', null, { klant: { id: 'klant-2' } }),
      ],
      'mine',
    ],
  ])('%s', (_title, mandates, expected) => {
    const selection = select(mandates);
    expect(selection).toMatchObject({ kind: 'use', mandate: { id: expected } });
  });

  test('the choice does not depend on the order of the list', () => {
    const list = [
      mandate('a', '2024-01-01T00:00:00'),
      mandate('b', '2025-01-01T00:00:00'),
      mandate('c', '2025-01-01T00:00:00', '2025-02-01T00:00:00'),
    ];
    expect(select(list)).toEqual(select([...list].reverse()));
    expect(select(list)).toEqual({
      kind: 'use',
      mandate: { id: 'b' },
      kenmerk: 'K-b',
      afsluitDatum: '2025-01-01',
    });
  });
});

describe('selectMandate: none, with a warning for the tenant', () => {
  test.each<
    [string, SnelStartDoorlopendeIncassoMachtiging[], Partial<MandateSelectionInput>, string, RegExp]
  >([
    [
      'no mandates at all',
      [],
      {},
      'no-mandate',
      /has no doorlopende incassomachtiging.*Create the doorlopende incassomachtiging in SnelStart \(the SnelStart API cannot create mandates\)/,
    ],
    [
      'only revoked (on the invoice date counts as revoked)',
      [mandate('m1', '2025-01-01T00:00:00', '2026-03-15T00:00:00')],
      {},
      'revoked',
      /only revoked/,
    ],
    [
      'revoked after the invoice date but before the booking is made (BOE-0079)',
      [mandate('m1', '2025-01-01T00:00:00', '2026-03-16T00:00:00')],
      { today: '2026-03-20' },
      'revoked',
      /only revoked doorlopende incassomachtigingen on 2026-03-20/,
    ],
    [
      'revoked long ago',
      [mandate('m1', '2020-01-01T00:00:00', '2021-01-01T00:00:00')],
      {},
      'revoked',
      /Create the doorlopende incassomachtiging in SnelStart/,
    ],
    [
      'not yet valid on the invoice date',
      [mandate('m1', '2026-03-16T00:00:00')],
      {},
      'not-yet-valid',
      /signed after the invoice date 2026-03-15/,
    ],
    ['no afsluitdatum', [mandate('m1', null)], {}, 'no-mandate', /valid afsluitdatum/],
    [
      'only mandates of another klant',
      [mandate('m1', '2025-01-01T00:00:00', null, { klant: { id: 'klant-2' } })],
      {},
      'no-mandate',
      /has no doorlopende/,
    ],
    [
      'customer without IBAN (BOE-0052)',
      [mandate('m1', '2025-01-01T00:00:00')],
      { customer: { ...customer, iban: ' ' } },
      'missing-iban',
      /no IBAN.*BOE-0052.*Add the IBAN/,
    ],
    [
      'customer with incassoSoort Geen (BOE-0055)',
      [mandate('m1', '2025-01-01T00:00:00')],
      { customer: { ...customer, incassoSoort: 'Geen' } },
      'incasso-not-allowed',
      /incassoSoort Geen.*BOE-0055.*Core or B2B/,
    ],
    [
      'customer without incassoSoort',
      [mandate('m1', '2025-01-01T00:00:00')],
      { customer: { ...customer, incassoSoort: null } },
      'incasso-not-allowed',
      /\(empty\)/,
    ],
  ])('%s', (_title, mandates, overrides, reason, warning) => {
    const selection = select(mandates, overrides);
    expect(selection).toMatchObject({ kind: 'none', reason });
    if (selection.kind === 'none') {
      expect(selection.warning).toMatch(warning);
      expect(selection.warning).toMatch(/^Acme B\.V\. \(relatie 1001\)/);
      expect(selection.warning).toMatch(/invoice 2026-042 was booked without a direct-debit mandate/);
    }
  });

  test('B2B customers may be collected', () => {
    expect(
      select([mandate('m1', '2025-01-01T00:00:00')], { customer: { ...customer, incassoSoort: 'B2B' } }).kind,
    ).toBe('use');
  });

  test('an invoice date that is not a date is a programming error', () => {
    expect(() => select([], { invoiceDate: 'soon' })).toThrow(RangeError);
  });
});
