import { isBookable } from '../../domain/bookable-phases';
import { judgeExistingVerkoopfactuur } from '../../domain/existing-verkoopfactuur';
import {
  SNELSTART_FILE_NAME_MAX_LENGTH,
  snelstartDocumentFileName,
} from '../../domain/snelstart-document-name';

const KLANT = '2123f50b-d844-4122-8378-61626ce314f5';
const OTHER = '67984b91-74c8-4fcf-aa81-dd2681eff218';
const intended = { factuurnummer: '2026-042', klantId: KLANT, factuurbedrag: 121 };
const factuur = (overrides: Record<string, unknown> = {}) => ({
  factuurnummer: '2026-042',
  relatie: { id: KLANT },
  factuurBedrag: 121,
  verkoopBoeking: { id: 'boeking-1' },
  ...overrides,
});

describe('judgeExistingVerkoopfactuur', () => {
  test('nothing under the number: book it', () => {
    expect(judgeExistingVerkoopfactuur(intended, [])).toEqual({ kind: 'none' });
  });

  test('a row whose number only resembles it is not the invoice', () => {
    expect(judgeExistingVerkoopfactuur(intended, [factuur({ factuurnummer: '2026-0420' })])).toEqual({
      kind: 'none',
    });
  });

  test('same number, relatie and amount: adopt its verkoopboeking', () => {
    expect(
      judgeExistingVerkoopfactuur(intended, [factuur({ relatie: { id: KLANT.toUpperCase() } })]),
    ).toEqual({ kind: 'adopt', verkoopboekingId: 'boeking-1' });
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['another relatie', { relatie: { id: OTHER } }, /by another relatie \(67984b91/],
    ['another amount', { factuurBedrag: 120.99 }, /by another amount \(120\.99, not 121\.00\)/],
    ['no relatie', { relatie: null }, /another relatie \(none/],
  ])('same number, %s: fails with what to do', (_title, overrides, problem) => {
    const verdict = judgeExistingVerkoopfactuur(intended, [factuur(overrides)]);
    expect(verdict.kind).toBe('conflict');
    if (verdict.kind !== 'conflict') return;
    expect(verdict.message).toMatch(/^factuurnummer 2026-042 is already used in SnelStart by /);
    expect(verdict.message).toMatch(problem);
    expect(verdict.message).toMatch(/give the invoice another number in Tribe/);
  });
});

describe('snelstartDocumentFileName', () => {
  test.each<[string, 'invoice' | 'sales_order', string, string]>([
    ['a plain number', 'invoice', '2026-042', 'factuur-2026-042.pdf'],
    ['a sales order', 'sales_order', 'ORD-2026-00007', 'verkooporder-ORD-2026-00007.pdf'],
    ['characters SnelStart refuses (BLG-0016)', 'invoice', 'INV/26:7', 'factuur-INV_2f26_3a7.pdf'],
    ['spaces and accents', 'invoice', ' F 2026 é ', 'factuur-F_202026_20_e9.pdf'],
  ])('%s', (_title, kind, number, expected) => {
    expect(snelstartDocumentFileName(kind, number)).toBe(expected);
  });

  test('two numbers that differ only in refused characters keep different names', () => {
    expect(snelstartDocumentFileName('sales_order', 'A/1')).not.toBe(
      snelstartDocumentFileName('sales_order', 'A:1'),
    );
  });

  test('never longer than SnelStart allows (BLG-0017), and always a .pdf', () => {
    const name = snelstartDocumentFileName('invoice', 'x'.repeat(500));
    expect(name.length).toBeLessThanOrEqual(SNELSTART_FILE_NAME_MAX_LENGTH);
    expect(name).toMatch(/^factuur-x+\.pdf$/);
  });
});

describe('bookable documents', () => {
  const activatedAt = new Date('2026-03-01T09:00:00Z');
  const before = '2026-02-20T10:00:00Z';
  const after = '2026-03-05T10:00:00Z';
  test.each<['invoice' | 'sales_order', string | null, string | null, Date | null, boolean]>([
    ['invoice', 'Draft', after, activatedAt, false],
    ['invoice', 'Sent', after, activatedAt, true],
    ['invoice', 'Sent', before, activatedAt, true],
    ['invoice', 'Paid', after, activatedAt, true],
    ['invoice', 'Paid', before, activatedAt, false],
    ['invoice', 'Paid', '2026-03-01T09:00:00Z', activatedAt, true],
    ['invoice', 'Paid', null, activatedAt, false],
    ['invoice', 'Paid', after, null, false],
    ['invoice', null, after, activatedAt, false],
    ['sales_order', 'Open', after, activatedAt, false],
    ['sales_order', 'Linked', before, activatedAt, true],
    ['sales_order', 'Delivered', after, activatedAt, true],
    ['sales_order', 'Delivered', before, activatedAt, false],
  ])('%s in phase %s changed %s (activated %s): %s', (kind, phaseCode, changedAt, activated, bookable) => {
    expect(isBookable(kind, { phaseCode, changedAt }, activated)).toBe(bookable);
  });
});
