import { TRIBE_IDS, generateDemoData, type AttachmentFile } from '../../sandboxes/generator';

const data = generateDemoData({
  seed: 11,
  relations: 1200,
  products: 100,
  sentInvoices: 240,
  draftInvoices: 40,
  salesOrders: 12,
  pdfBytes: 6000,
});
const { tribe, summary } = data;
const cents = (euros: number) => Math.round(euros * 100);

const linesByActivity = new Map<string, typeof tribe.ProductLine>();
for (const line of tribe.ProductLine) {
  const lines = linesByActivity.get(line.Activity.ID) ?? [];
  lines.push(line);
  linesByActivity.set(line.Activity.ID, lines);
}

function decode(file: AttachmentFile): string {
  return Buffer.from(file.Data, 'base64').toString('latin1');
}

/** Every object the xref table lists starts where it says. */
function xrefIsConsistent(pdf: string): boolean {
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
  if (!pdf.startsWith('%PDF-1.') || pdf.slice(startxref, startxref + 4) !== 'xref') return false;
  const entries = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) =>
    Number(match[1]),
  );
  return entries.length > 0 && entries.every((offset, index) => pdf.startsWith(`${index + 1} 0 obj`, offset));
}

describe('Tribe invoices, sales orders and their lines', () => {
  const sent = tribe.Activity_Invoice.filter((invoice) => invoice.Phase.ID === TRIBE_IDS.invoicePhase.sent);
  const drafts = tribe.Activity_Invoice.filter(
    (invoice) => invoice.Phase.ID === TRIBE_IDS.invoicePhase.draft,
  );

  it('honours the requested numbers per phase', () => {
    expect(sent).toHaveLength(240);
    expect(drafts).toHaveLength(40);
    expect(tribe.Activity_SalesOrder).toHaveLength(12);
    expect(
      tribe.Activity_SalesOrder.every((order) => order.Phase.ID === TRIBE_IDS.salesOrderPhase.linked),
    ).toBe(true);
    expect(summary.tribe).toMatchObject({ sentInvoices: 240, draftInvoices: 40, salesOrders: 12 });
  });

  it('keeps every line rounded to the cent and consistent', () => {
    const problems = tribe.ProductLine.filter((line) => {
      const excl = cents(line.TotalExcludingVat);
      const quantityHundredths = Math.round(line.Quantity * 100);
      const expectedExcl = Math.round(
        (quantityHundredths * cents(line.Price) * (100 - line.DiscountPercentage)) / 10_000,
      );
      return (
        Math.abs(excl - expectedExcl) > 0 ||
        cents(line.VatAmount) !== Math.round((excl * line.VatPercentage) / 100) ||
        cents(line.TotalIncludingVat) !== excl + cents(line.VatAmount) ||
        [line.TotalExcludingVat, line.VatAmount, line.TotalIncludingVat, line.Price].some(
          (amount) => Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6,
        )
      );
    });
    expect(problems).toEqual([]);
  });

  it('makes invoice and order totals the exact sums of their lines', () => {
    const problems = [...tribe.Activity_Invoice, ...tribe.Activity_SalesOrder].filter((activity) => {
      const lines = linesByActivity.get(activity.ID) ?? [];
      if (lines.length === 0) return true;
      if (!('TotalExcludingVat' in activity)) return false;
      const sum = (pick: (line: (typeof lines)[number]) => number) =>
        lines.reduce((total, line) => total + cents(pick(line)), 0);
      return (
        sum((line) => line.TotalExcludingVat) !== cents(activity.TotalExcludingVat) ||
        sum((line) => line.VatAmount) !== cents(activity.VatAmount) ||
        sum((line) => line.TotalIncludingVat) !== cents(activity.TotalIncludingVat) ||
        cents(activity.TotalExcludingVat) + cents(activity.VatAmount) !== cents(activity.TotalIncludingVat)
      );
    });
    expect(problems).toEqual([]);
  });

  it('uses the VAT group and percentage of the line product', () => {
    const products = new Map(tribe.Product.map((product) => [product.ID, product]));
    const vatGroups = new Map(tribe.Datastore_VatGroup.map((group) => [group.ID, group.Percentage]));
    const problems = tribe.ProductLine.filter((line) => {
      const product = products.get(line.Product.ID);
      return (
        product === undefined ||
        product.IsInactive ||
        product.VatGroup.ID !== line.VatGroup.ID ||
        product.GeneralLedgerAccount.ID !== line.GeneralLedgerAccount.ID ||
        vatGroups.get(line.VatGroup.ID) !== line.VatPercentage
      );
    });
    expect(problems).toEqual([]);
  });

  it('numbers invoices per year, dates them in the past and gives a due date', () => {
    const numbers = tribe.Activity_Invoice.map((invoice) => invoice.Number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const problems = tribe.Activity_Invoice.filter(
      (invoice) =>
        !/^\d{4}-\d{5}$/.test(invoice.Number) ||
        invoice.Number.slice(0, 4) !== invoice.InvoiceDate.slice(0, 4) ||
        invoice.DueDate < invoice.InvoiceDate ||
        invoice.Currency !== 'EUR' ||
        invoice.IsCredit ||
        invoice.InvoiceDate > summary.now.slice(0, 10),
    );
    expect(problems).toEqual([]);
  });

  it('attaches a valid PDF carrying the invoice number to every sent invoice, and none to drafts', () => {
    const attachments = new Map(tribe.Attachment.map((attachment) => [attachment.Entity.ID, attachment]));
    for (const invoice of drafts) expect(attachments.has(invoice.ID)).toBe(false);
    const problems = sent.filter((invoice) => {
      const attachment = attachments.get(invoice.ID);
      if (!attachment) return true;
      const { File: file } = attachment;
      const pdf = decode(file);
      return (
        file.Name !== `factuur-${invoice.Number}.pdf` ||
        file.MimeType !== 'application/pdf' ||
        file.Size !== pdf.length ||
        !pdf.includes(`(Factuur ${invoice.Number})`) ||
        !xrefIsConsistent(pdf) ||
        Math.abs(file.Size - 6000) > 300
      );
    });
    expect(problems).toEqual([]);
  });

  it('attaches the order confirmation to every sales order', () => {
    const attachments = new Map(tribe.Attachment.map((attachment) => [attachment.Entity.ID, attachment]));
    for (const order of tribe.Activity_SalesOrder) {
      const file = attachments.get(order.ID)?.File;
      expect(file?.Name).toBe(`order-${order.Number}.pdf`);
      expect(file && xrefIsConsistent(decode(file))).toBe(true);
    }
  });

  it('bills subscriptions to the subscription customer, and every subscription at least once', () => {
    const subscriptions = new Map(
      tribe.Activity_Subscription.map((subscription) => [subscription.ID, subscription]),
    );
    const billed = sent.filter((invoice) => invoice.Subscription !== null);
    expect(subscriptions.size).toBeGreaterThan(0);
    expect(billed.length).toBeGreaterThanOrEqual(subscriptions.size);
    for (const invoice of billed) {
      const subscription = subscriptions.get(invoice.Subscription?.ID ?? '');
      expect(subscription?.Relationship.ID).toBe(invoice.Relationship.ID);
    }
    expect(new Set(billed.map((invoice) => invoice.Subscription?.ID)).size).toBe(subscriptions.size);
  });

  it('writes a minimal PDF of under a kilobyte when no size is asked', () => {
    const small = generateDemoData({ relations: 60, products: 5, sentInvoices: 3 });
    for (const attachment of small.tribe.Attachment) {
      const pdf = decode(attachment.File);
      expect(pdf.length).toBeLessThan(1024);
      expect(xrefIsConsistent(pdf)).toBe(true);
    }
  });
});
