import {
  MAX_DOCUMENT_BYTES,
  invoiceToVerkoopBoeking,
  type InvoiceBookingInput,
  type InvoiceBookingResult,
} from '../../domain/invoice-mapping';
import type { SnelStartVerkoopBoekingWrite } from '../../domain/snelstart-records';
import type { TribeInvoice, TribeProductLine } from '../../domain/tribe-records';

const VAT_HOOG = 'a0000000-0000-0000-0000-000000000021';
const VAT_LAAG = 'a0000000-0000-0000-0000-000000000009';
const VAT_NUL = 'a0000000-0000-0000-0000-000000000000';
const VAT_VERLEGD = 'a0000000-0000-0000-0000-0000000000ff';
const VAT_OVERIG = 'a0000000-0000-0000-0000-0000000000ee';
const VAT_UNMAPPED = 'a0000000-0000-0000-0000-0000000000dd';
const LEDGER_GOODS = 'b0000000-0000-0000-0000-000000008000';
const LEDGER_SERVICES = 'b0000000-0000-0000-0000-000000008100';
const LEDGER_UNMAPPED = 'b0000000-0000-0000-0000-000000009999';
const GB_GOODS = 'c0000000-0000-0000-0000-000000008000';
const GB_SERVICES = 'c0000000-0000-0000-0000-000000008100';
const KLANT = 'd0000000-0000-0000-0000-000000000001';

const mappings: InvoiceBookingInput['mappings'] = {
  vatGroups: [
    { tribeVatGroupId: VAT_HOOG, snelstartBtwSoort: 'Hoog' },
    { tribeVatGroupId: VAT_LAAG, snelstartBtwSoort: 'Laag' },
    { tribeVatGroupId: VAT_NUL, snelstartBtwSoort: 'Geen' },
    { tribeVatGroupId: VAT_VERLEGD.toUpperCase(), snelstartBtwSoort: 'Verlegd' },
    { tribeVatGroupId: VAT_OVERIG, snelstartBtwSoort: 'Overig' },
  ],
  ledgerAccounts: [
    { tribeLedgerAccountId: LEDGER_GOODS, snelstartGrootboekId: GB_GOODS },
    { tribeLedgerAccountId: LEDGER_SERVICES, snelstartGrootboekId: GB_SERVICES },
  ],
};

let lineCounter = 0;
function line(overrides: Partial<TribeProductLine> = {}): TribeProductLine {
  lineCounter += 1;
  return {
    ID: `line-${lineCounter}`,
    Description: `Item ${lineCounter}`,
    Quantity: 1,
    Price: 100,
    VatPercentage: 21,
    VatGroup: { ID: VAT_HOOG, Name: 'BTW hoog', Percentage: 21 },
    GeneralLedgerAccount: { ID: LEDGER_GOODS, Name: 'Omzet goederen' },
    ...overrides,
  };
}
const laag = (overrides: Partial<TribeProductLine> = {}) =>
  line({ VatPercentage: 9, VatGroup: { ID: VAT_LAAG, Percentage: 9 }, ...overrides });

const invoice = (overrides: Partial<TribeInvoice> = {}): TribeInvoice => ({
  ID: 'inv-1',
  Number: '2026-001',
  Subject: 'Januari',
  InvoiceDate: '2026-01-05',
  DueDate: '2026-02-04',
  IsCredit: false,
  ...overrides,
});

function book(
  lines: TribeProductLine[],
  overrides: Partial<InvoiceBookingInput> & { invoice?: TribeInvoice } = {},
): InvoiceBookingResult {
  return invoiceToVerkoopBoeking({
    invoice: invoice(),
    lines,
    customer: { snelstartRelatieId: KLANT, paymentTermInDays: 14 },
    mappings,
    ...overrides,
  });
}

function booked(result: InvoiceBookingResult): SnelStartVerkoopBoekingWrite {
  if (!result.ok) throw new Error(`expected a booking, got: ${result.errors.join(' | ')}`);
  return result.booking;
}

function errorsOf(result: InvoiceBookingResult): readonly string[] {
  if (result.ok) throw new Error('expected errors, got a booking');
  return result.errors;
}

const cents = (amount: number) => Math.round(amount * 100);

describe('invoiceToVerkoopBoeking: amounts', () => {
  type Row = [
    string,
    TribeProductLine[],
    Partial<TribeInvoice>,
    { regels: [string, string, number][]; btw: [string, number][]; total: number },
  ];
  const rows: Row[] = [
    [
      'one line at 21%',
      [line()],
      {},
      { regels: [[GB_GOODS, 'Hoog', 100]], btw: [['VerkopenHoog', 21]], total: 121 },
    ],
    [
      'mixed VAT: 21% and 9% on one ledger are two booking lines',
      [line(), laag({ Price: 50 })],
      {},
      {
        regels: [
          [GB_GOODS, 'Hoog', 100],
          [GB_GOODS, 'Laag', 50],
        ],
        btw: [
          ['VerkopenHoog', 21],
          ['VerkopenLaag', 4.5],
        ],
        total: 175.5,
      },
    ],
    [
      'lines with the same ledger and VAT are grouped',
      [line({ Price: 100 }), line({ Price: 200 })],
      {},
      { regels: [[GB_GOODS, 'Hoog', 300]], btw: [['VerkopenHoog', 63]], total: 363 },
    ],
    [
      'two ledgers at one rate are two booking lines, one VAT total',
      [line(), line({ GeneralLedgerAccount: { ID: LEDGER_SERVICES } })],
      {},
      {
        regels: [
          [GB_GOODS, 'Hoog', 100],
          [GB_SERVICES, 'Hoog', 100],
        ],
        btw: [['VerkopenHoog', 42]],
        total: 242,
      },
    ],
    [
      'rounding: 3 × 33.33 at 21% = 99.99 + 21.00 (VAT rounded once)',
      [line({ Quantity: 3, Price: 33.33 })],
      { TotalExcludingVat: 99.99, VatAmount: 21, TotalIncludingVat: 120.99 },
      { regels: [[GB_GOODS, 'Hoog', 99.99]], btw: [['VerkopenHoog', 21]], total: 120.99 },
    ],
    [
      'rounding: three lines of 33.33 with their own VAT amounts of 7.00',
      [
        line({ Price: 33.33, VatAmount: 7 }),
        line({ Price: 33.33, VatAmount: 7 }),
        line({ Price: 33.33, VatAmount: 7 }),
      ],
      { TotalIncludingVat: 120.99 },
      { regels: [[GB_GOODS, 'Hoog', 99.99]], btw: [['VerkopenHoog', 21]], total: 120.99 },
    ],
    [
      'rounding: VAT per line as on the invoice (3 × 0.11) …',
      [
        laag({ Price: 1.25, VatAmount: 0.11 }),
        laag({ Price: 1.25, VatAmount: 0.11 }),
        laag({ Price: 1.25, VatAmount: 0.11 }),
      ],
      {},
      { regels: [[GB_GOODS, 'Laag', 3.75]], btw: [['VerkopenLaag', 0.33]], total: 4.08 },
    ],
    [
      '… or once on the total when the lines carry no VAT amount (3.75 × 9% = 0.3375 → 0.34)',
      [laag({ Price: 1.25 }), laag({ Price: 1.25 }), laag({ Price: 1.25 })],
      {},
      { regels: [[GB_GOODS, 'Laag', 3.75]], btw: [['VerkopenLaag', 0.34]], total: 4.09 },
    ],
    [
      'half cents round away from zero (1.005 → 1.01)',
      [line({ TotalExcludingVat: 1.005, VatAmount: 0.21 })],
      {},
      { regels: [[GB_GOODS, 'Hoog', 1.01]], btw: [['VerkopenHoog', 0.21]], total: 1.22 },
    ],
    [
      'TotalExcludingVat of the line wins over quantity × price',
      [line({ Quantity: 3, Price: 10, TotalExcludingVat: 27 })],
      {},
      { regels: [[GB_GOODS, 'Hoog', 27]], btw: [['VerkopenHoog', 5.67]], total: 32.67 },
    ],
    [
      'discount percentage',
      [line({ Quantity: 2, Price: 50, DiscountPercentage: 10 })],
      {},
      { regels: [[GB_GOODS, 'Hoog', 90]], btw: [['VerkopenHoog', 18.9]], total: 108.9 },
    ],
    [
      'reverse charge (verlegd): line Geen, document VerkopenVerlegd 0.00',
      [line({ VatPercentage: 0, VatAmount: 0, VatGroup: { ID: VAT_VERLEGD } })],
      {},
      { regels: [[GB_GOODS, 'Geen', 100]], btw: [['VerkopenVerlegd', 0]], total: 100 },
    ],
    [
      'zero rate (Geen): no VAT entry',
      [line({ VatPercentage: 0, VatGroup: { ID: VAT_NUL } })],
      {},
      { regels: [[GB_GOODS, 'Geen', 100]], btw: [], total: 100 },
    ],
    [
      'Overig with its own percentage',
      [line({ VatPercentage: 5, VatGroup: { ID: VAT_OVERIG } })],
      {},
      { regels: [[GB_GOODS, 'Overig', 100]], btw: [['VerkopenOverig', 5]], total: 105 },
    ],
    [
      'two percentages mapped to one soort are rounded per percentage',
      [
        line({ Price: 0.1, VatPercentage: 21 }),
        line({ Price: 0.1, VatPercentage: 19, VatGroup: { ID: VAT_HOOG } }),
      ],
      {},
      { regels: [[GB_GOODS, 'Hoog', 0.2]], btw: [['VerkopenHoog', 0.04]], total: 0.24 },
    ],
    [
      'credit invoice: positive Tribe amounts are booked negative',
      [line(), laag({ Price: 50 })],
      { IsCredit: true, TotalExcludingVat: 150, VatAmount: 25.5, TotalIncludingVat: 175.5 },
      {
        regels: [
          [GB_GOODS, 'Hoog', -100],
          [GB_GOODS, 'Laag', -50],
        ],
        btw: [
          ['VerkopenHoog', -21],
          ['VerkopenLaag', -4.5],
        ],
        total: -175.5,
      },
    ],
    [
      'credit invoice with negative Tribe amounts stays negative',
      [line({ Quantity: -1 })],
      { IsCredit: true, TotalIncludingVat: -121 },
      { regels: [[GB_GOODS, 'Hoog', -100]], btw: [['VerkopenHoog', -21]], total: -121 },
    ],
    [
      'a discount line on the same ledger nets within its group',
      [line({ Price: 100 }), line({ Price: -10, Description: 'Korting' })],
      {},
      { regels: [[GB_GOODS, 'Hoog', 90]], btw: [['VerkopenHoog', 18.9]], total: 108.9 },
    ],
    [
      'a free line on its own ledger is left out',
      [line(), line({ Price: 0, GeneralLedgerAccount: { ID: LEDGER_SERVICES } })],
      {},
      { regels: [[GB_GOODS, 'Hoog', 100]], btw: [['VerkopenHoog', 21]], total: 121 },
    ],
    [
      'VAT group and ledger taken from the product when the line has none',
      [
        line({
          VatGroup: null,
          GeneralLedgerAccount: null,
          Product: {
            ID: 'p',
            VatGroup: { ID: VAT_LAAG, Percentage: 9 },
            GeneralLedgerAccount: { ID: LEDGER_SERVICES },
          },
          VatPercentage: null,
        }),
      ],
      {},
      { regels: [[GB_SERVICES, 'Laag', 100]], btw: [['VerkopenLaag', 9]], total: 109 },
    ],
  ];

  test.each(rows)('%s', (_title, lines, invoiceOverrides, expected) => {
    const booking = booked(book(lines, { invoice: invoice(invoiceOverrides) }));
    expect(booking.boekingsregels.map((regel) => [regel.grootboek.id, regel.btwSoort, regel.bedrag])).toEqual(
      expected.regels,
    );
    expect(booking.btw.map((entry) => [entry.btwSoort, entry.btwBedrag])).toEqual(expected.btw);
    expect(booking.factuurbedrag).toBe(expected.total);
    const sum =
      booking.boekingsregels.reduce((total, regel) => total + cents(regel.bedrag), 0) +
      booking.btw.reduce((total, entry) => total + cents(entry.btwBedrag), 0);
    expect(cents(booking.factuurbedrag)).toBe(sum);
  });
});

describe('invoiceToVerkoopBoeking: the booking', () => {
  test('header fields', () => {
    const result = book([line({ Description: 'Koffie' })], { mandate: { id: 'mandate-1' } });
    expect(result).toEqual({
      ok: true,
      warnings: [],
      booking: {
        factuurnummer: '2026-001',
        factuurdatum: '2026-01-05T00:00:00',
        klant: { id: KLANT },
        omschrijving: 'Januari',
        factuurbedrag: 121,
        betalingstermijn: 30,
        doorlopendeIncassoMachtiging: { id: 'mandate-1' },
        boekingsregels: [
          { omschrijving: 'Koffie', grootboek: { id: GB_GOODS }, bedrag: 100, btwSoort: 'Hoog' },
        ],
        btw: [{ btwSoort: 'VerkopenHoog', btwBedrag: 21 }],
      },
    });
  });

  test('grouped lines get their descriptions joined', () => {
    const booking = booked(
      book([line({ Description: 'Koffie' }), line({ Description: 'Thee' }), line({ Description: 'Koffie' })]),
    );
    expect(booking.boekingsregels[0]?.omschrijving).toBe('Koffie; Thee');
  });

  test('a very long line description is cut to 250 characters for the booking line', () => {
    const booking = booked(book([line({ Description: 'x'.repeat(400) })]));
    expect(booking.boekingsregels[0]?.omschrijving).toHaveLength(250);
  });

  test.each<[string, Partial<TribeInvoice>, number | null | undefined, number | undefined]>([
    ['due date − invoice date', { DueDate: '2026-02-04' }, 14, 30],
    ['due on the invoice date', { DueDate: '2026-01-05' }, 14, 0],
    ['across a year end', { InvoiceDate: '2025-12-20', DueDate: '2026-01-19' }, 14, 30],
    ['no due date: the customer’s payment term', { DueDate: null }, 14, 14],
    ['no due date and no customer term: left to SnelStart', { DueDate: null }, null, undefined],
    ['due date as a timestamp', { DueDate: '2026-02-04T00:00:00Z' }, 14, 30],
  ])('betalingstermijn: %s', (_title, invoiceOverrides, customerTerm, expected) => {
    const result = book([line()], {
      invoice: invoice(invoiceOverrides),
      customer: { snelstartRelatieId: KLANT, paymentTermInDays: customerTerm },
    });
    expect(booked(result).betalingstermijn).toBe(expected);
  });

  test('a customer payment term outside 0..999 is not sent, with a warning', () => {
    const result = book([line()], {
      invoice: invoice({ DueDate: null }),
      customer: { snelstartRelatieId: KLANT, paymentTermInDays: 1200 },
    });
    expect(booked(result).betalingstermijn).toBeUndefined();
    expect(result.warnings[0]).toMatch(/1200/);
  });

  test('a zero group is left out with a warning', () => {
    const result = book([line(), line({ Price: 0, GeneralLedgerAccount: { ID: LEDGER_SERVICES } })]);
    expect(result.warnings).toEqual([expect.stringMatching(new RegExp(`${GB_SERVICES}.*0\\.00.*BOE-0028`))]);
  });

  test('no mandate, no incasso field', () => {
    expect(booked(book([line()]))).not.toHaveProperty('doorlopendeIncassoMachtiging');
  });
});

describe('invoiceToVerkoopBoeking: validation', () => {
  type Row = [
    string,
    TribeProductLine[],
    Partial<InvoiceBookingInput> & { invoice?: TribeInvoice },
    RegExp[],
  ];
  const rows: Row[] = [
    ['no lines', [], {}, [/has no product lines/]],
    [
      'VAT group not in the mapping (names the line and the Tribe id)',
      [line({ ID: 'pl-7', Description: 'Advies', VatGroup: { ID: VAT_UNMAPPED, Name: 'BTW export' } })],
      {},
      [
        new RegExp(
          `line 1 \\("Advies"\\) \\(ProductLine pl-7\\): Tribe VAT group "BTW export" \\(${VAT_UNMAPPED}\\).*mappings\\.vatGroups`,
        ),
      ],
    ],
    [
      'ledger account not in the mapping',
      [line({ GeneralLedgerAccount: { ID: LEDGER_UNMAPPED } })],
      {},
      [
        new RegExp(
          `Tribe ledger account ${LEDGER_UNMAPPED} has no SnelStart grootboek.*mappings\\.ledgerAccounts`,
        ),
      ],
    ],
    ['no VAT group on line or product', [line({ VatGroup: null })], {}, [/has no VAT group/]],
    [
      'no ledger account on line or product',
      [line({ GeneralLedgerAccount: null })],
      {},
      [/has no ledger account/],
    ],
    [
      'every problem is listed, not just the first',
      [line({ VatGroup: null }), line({ GeneralLedgerAccount: { ID: LEDGER_UNMAPPED } })],
      {},
      [/line 1 .*no VAT group/, /line 2 .*ledger account/],
    ],
    ['a line without an amount', [line({ Quantity: null, Price: null })], {}, [/has no amount/]],
    [
      'neither VAT amount nor percentage',
      [line({ VatPercentage: null, VatGroup: { ID: VAT_HOOG } })],
      {},
      [/neither a VAT amount nor a VAT percentage/],
    ],
    [
      'reverse charge mixed with 21% (BOE-0062)',
      [line(), line({ VatPercentage: 0, VatGroup: { ID: VAT_VERLEGD } })],
      {},
      [/BOE-0062/],
    ],
    [
      'a reverse-charged line with VAT',
      [line({ VatAmount: 21, VatGroup: { ID: VAT_VERLEGD } })],
      {},
      [/btw soort Verlegd but carries VAT 21\.00/],
    ],
    [
      'a zero-rated line with VAT',
      [line({ VatAmount: 2, VatGroup: { ID: VAT_NUL } })],
      {},
      [/btw soort Geen but carries VAT 2\.00/],
    ],
    ['invoice number missing', [line()], { invoice: invoice({ Number: ' ' }) }, [/has no number.*BOE-0058/]],
    [
      'invoice number of 26 characters',
      [line()],
      { invoice: invoice({ Number: '2'.repeat(26) }) },
      [/26 characters; SnelStart allows at most 25 \(BOE-0058\)/],
    ],
    [
      'subject of 251 characters',
      [line()],
      { invoice: invoice({ Subject: 's'.repeat(251) }) },
      [/251 characters; SnelStart allows at most 250 for the omschrijving/],
    ],
    ['no invoice date', [line()], { invoice: invoice({ InvoiceDate: null }) }, [/no valid invoice date/]],
    [
      'an impossible invoice date',
      [line()],
      { invoice: invoice({ InvoiceDate: '2026-02-30' }) },
      [/no valid invoice date/],
    ],
    [
      'due before the invoice date',
      [line()],
      { invoice: invoice({ DueDate: '2026-01-04' }) },
      [/due \(2026-01-04\) before its invoice date \(2026-01-05\)/],
    ],
    [
      'payment term over 999 days',
      [line()],
      { invoice: invoice({ DueDate: '2028-12-31' }) },
      [/at most 999 days/],
    ],
    [
      'a foreign currency',
      [line()],
      { invoice: invoice({ Currency: 'usd' }) },
      [/in USD; SnelStart books in EUR/],
    ],
    [
      'a PDF over 10 MB',
      [line()],
      { document: { fileName: 'f.pdf', sizeBytes: MAX_DOCUMENT_BYTES + 1 } },
      [/document f\.pdf is 10\.0 MB; SnelStart accepts attachments up to 10 MB/],
    ],
    ['everything adds up to zero (BOE-0028)', [line({ Price: 0 })], {}, [/adds up to 0\.00.*BOE-0028/]],
    [
      'the lines do not reproduce the invoice total (BOE-0039)',
      [line()],
      { invoice: invoice({ TotalIncludingVat: 121.01 }) },
      [/does not balance: lines 100\.00 \+ VAT 21\.00 = 121\.00 but the invoice total is 121\.01.*BOE-0039/],
    ],
    [
      'per-line VAT that differs from the invoice’s VAT total',
      [
        laag({ Price: 1.25, VatAmount: 0.11 }),
        laag({ Price: 1.25, VatAmount: 0.11 }),
        laag({ Price: 1.25, VatAmount: 0.11 }),
      ],
      { invoice: invoice({ VatAmount: 0.34 }) },
      [/the VAT adds up to 0\.33 but the invoice says 0\.34/],
    ],
    [
      'the excl. total differs',
      [line()],
      { invoice: invoice({ TotalExcludingVat: 99 }) },
      [/the lines add up to 100\.00 excl\. VAT but the invoice says 99\.00/],
    ],
  ];

  test.each(rows)('%s', (_title, lines, overrides, messages) => {
    const errors = errorsOf(book(lines, overrides));
    for (const message of messages) expect(errors).toContainEqual(expect.stringMatching(message));
    expect(errors).toHaveLength(messages.length);
  });

  test.each<[string, Partial<InvoiceBookingInput> & { invoice?: TribeInvoice }]>([
    ['an invoice number of exactly 25 characters', { invoice: invoice({ Number: '2'.repeat(25) }) }],
    ['a subject of exactly 250 characters', { invoice: invoice({ Subject: 's'.repeat(250) }) }],
    ['a PDF of exactly 10 MB', { document: { sizeBytes: MAX_DOCUMENT_BYTES } }],
    ['EUR in lower case', { invoice: invoice({ Currency: 'eur' }) }],
    [
      'totals that match',
      { invoice: invoice({ TotalExcludingVat: 100, VatAmount: 21, TotalIncludingVat: 121 }) },
    ],
  ])('accepted: %s', (_title, overrides) => {
    expect(book([line()], overrides).ok).toBe(true);
  });
});
