// A timing: it runs with the integration tests, one file at a time, not beside other test files on the same cores.
import { generateDemoData } from '../../sandboxes/generator';

describe('generateDemoData at scale', () => {
  it('generates 100,000 relations and 20,000 products in under 5 s', () => {
    const started = performance.now();
    const data = generateDemoData({
      relations: 100_000,
      products: 20_000,
      sentInvoices: 2_000,
      pdfBytes: 20_000,
    });
    const elapsedMs = performance.now() - started;
    console.log(
      `generator: 100,000 relations + 20,000 products + 2,000 sent invoices in ${Math.round(elapsedMs)} ms ` +
        `(${data.tribe.Relation_Organization.length} Tribe organisations, ${data.tribe.Attachment.length} PDFs)`,
    );
    expect(data.snelstart.relaties).toHaveLength(100_003);
    expect(data.snelstart.artikelen).toHaveLength(20_000);
    expect(elapsedMs).toBeLessThan(5_000);
  }, 30_000);
});
