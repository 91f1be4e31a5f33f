import { generatePdf } from '../../sandboxes/tribe';

/** Checks the parts a PDF reader relies on: header, every xref offset landing on its object, trailer. */
function expectWellFormed(pdf: Buffer): void {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.endsWith('%%EOF\n')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
  expect(first).toBe('0');
  const entries = text
    .slice(startxref)
    .split('\n')
    .slice(3, 2 + Number(count));
  entries.forEach((entry, index) => {
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
  });
  for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    expect(text.slice(start + Number(match[1]), start + Number(match[1]) + 10)).toBe('\nendstream');
  }
  expect(text).toMatch(/trailer\n<< \/Size \d+ \/Root 1 0 R >>/);
}

describe('sandbox PDF generator', () => {
  it('writes a small, well-formed PDF 1.4 with the invoice number in it', () => {
    const pdf = generatePdf({
      title: 'Factuur 2026-00042',
      lines: ['Klant: Bakker (Bouw) B.V.', 'Totaal € 121,00'],
    });
    expect(pdf.length).toBeGreaterThan(300);
    expect(pdf.length).toBeLessThan(1200);
    expect(pdf.toString('latin1')).toContain('(Factuur 2026-00042) Tj');
    expect(pdf.toString('latin1')).toContain('Bakker \\(Bouw\\) B.V.');
    expectWellFormed(pdf);
  });

  it.each([1000, 4096, 100_000, 25 * 1024 * 1024])('pads to exactly %d bytes', (size) => {
    const pdf = generatePdf({ title: 'Factuur 1', sizeBytes: size });
    expect(pdf.length).toBe(size);
    expectWellFormed(pdf);
  });

  it('refuses sizes beyond 25 MB', () => {
    expect(() => generatePdf({ title: 'x', sizeBytes: 25 * 1024 * 1024 + 1 })).toThrow(/between 0 and/);
  });
});
