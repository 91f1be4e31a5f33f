import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData, writeSeedFile, type GenerateDemoDataOptions } from '../../sandboxes/generator';

const OPTIONS: GenerateDemoDataOptions = {
  relations: 1500,
  products: 300,
  sentInvoices: 120,
  draftInvoices: 20,
  salesOrders: 6,
  pdfBytes: 2000,
};

const json = (options: GenerateDemoDataOptions) => {
  const data = generateDemoData(options);
  return {
    snelstart: JSON.stringify(data.snelstart),
    tribe: JSON.stringify(data.tribe),
    summary: JSON.stringify(data.summary),
  };
};

describe('generateDemoData determinism', () => {
  it('gives byte-identical JSON for the same options', () => {
    const first = json({ ...OPTIONS, seed: 42 });
    const second = json({ ...OPTIONS, seed: 42 });
    expect(second.snelstart).toBe(first.snelstart);
    expect(second.tribe).toBe(first.tribe);
    expect(second.summary).toBe(first.summary);
  });

  it('gives different data for a different seed', () => {
    const first = generateDemoData({ ...OPTIONS, seed: 1 });
    const second = generateDemoData({ ...OPTIONS, seed: 2 });
    expect(second.snelstart.relaties[3]?.id).not.toBe(first.snelstart.relaties[3]?.id);
    expect(JSON.stringify(second.snelstart.relaties)).not.toBe(JSON.stringify(first.snelstart.relaties));
    expect(JSON.stringify(second.tribe.Relation_Organization)).not.toBe(
      JSON.stringify(first.tribe.Relation_Organization),
    );
    // Well-known reference data does not depend on the seed.
    expect(second.snelstart.grootboeken).toEqual(first.snelstart.grootboeken);
    expect(second.tribe.Datastore_VatGroup).toEqual(first.tribe.Datastore_VatGroup);
  });

  it('uses the given moment instead of the clock', () => {
    const now = new Date('2031-06-15T12:00:00.000Z');
    const data = generateDemoData({ ...OPTIONS, now });
    expect(data.summary.now).toBe('2031-06-15T12:00:00.000Z');
    expect(json({ ...OPTIONS, now }).snelstart).toBe(JSON.stringify(data.snelstart));
    const invoiceYears = new Set(
      data.tribe.Activity_Invoice.map((invoice) => invoice.InvoiceDate.slice(0, 4)),
    );
    expect([...invoiceYears]).toEqual(['2031']);
  });

  it('keeps the SnelStart relaties stable when only the invoice volume changes', () => {
    const few = generateDemoData({ ...OPTIONS, sentInvoices: 10 });
    const many = generateDemoData({ ...OPTIONS, sentInvoices: 200 });
    expect(JSON.stringify(many.snelstart.relaties)).toBe(JSON.stringify(few.snelstart.relaties));
    expect(JSON.stringify(many.snelstart.artikelen)).toBe(JSON.stringify(few.snelstart.artikelen));
  });

  it('writes seed files byte-identical to JSON.stringify', () => {
    const data = generateDemoData(OPTIONS);
    const dir = mkdtempSync(join(tmpdir(), 'generator-seed-'));
    try {
      const path = join(dir, 'tribe-seed.json');
      const bytes = writeSeedFile(path, data.tribe);
      const text = readFileSync(path, 'utf8');
      expect(text).toBe(JSON.stringify(data.tribe));
      expect(bytes).toBe(Buffer.byteLength(text));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
