import { DAY_MS, HOUR_MS, isoDate, isoDateTime, yearOf } from './dates';
import { formatEuros } from './money';
import { OWN_ORGANISATION } from './own-organisation';
import type { PdfFactory } from './pdf-documents';
import { drawLines, writeProductLines } from './product-lines';
import type { Random } from './random';
import type { InvoiceCustomer } from './invoice-customer';
import { attachPdf } from './tribe-attachments';
import type { SellableProduct } from './tribe-products';
import type { TribeSeed } from './tribe-seed';
import { TRIBE_IDS } from './well-known-ids';

/**
 * Sales orders in phase Linked (`Gekoppeld`), ready for sales-order mode, each with lines and its
 * order confirmation attached.
 */
export function writeSalesOrders(
  seed: TribeSeed,
  random: Random,
  nowMs: number,
  count: number,
  customers: readonly InvoiceCustomer[],
  products: readonly SellableProduct[],
  pdf: PdfFactory,
): void {
  for (let i = 0; i < count; i++) {
    const id = random.uuid();
    const customer = random.pick(customers);
    const createdMs = nowMs - random.range(1, 10) * DAY_MS - random.int(DAY_MS);
    const number = `ORD-${yearOf(createdMs)}-${String(i + 1).padStart(5, '0')}`;
    const timestamps = {
      CreationDate: isoDateTime(createdMs),
      LastMutationDate: isoDateTime(createdMs + random.int(nowMs - HOUR_MS - createdMs)),
      IsActive: true,
    };
    const lines = drawLines(products, random.range(1, 4), random);
    const totals = writeProductLines(seed, random, id, lines, timestamps);
    const deliveryDate = isoDate(nowMs + random.range(3, 30) * DAY_MS);
    const customerReference = random.chance(0.6) ? `PO-${random.digits(6)}` : null;
    seed.Activity_SalesOrder.push({
      ID: id,
      ...timestamps,
      Subject: `Order ${lines[0]?.product.name ?? customer.name}`,
      Number: number,
      CustomerReference: customerReference,
      DeliveryDate: deliveryDate,
      Phase: { ID: TRIBE_IDS.salesOrderPhase.linked },
      Relationship: { ID: customer.relationshipId },
    });
    const document = pdf.document(`Orderbevestiging ${number}`, [
      OWN_ORGANISATION.name,
      `Klant: ${customer.name}`,
      `Uw referentie: ${customerReference ?? '-'}   Leverdatum: ${deliveryDate}`,
      `Totaal excl. btw: EUR ${formatEuros(totals.excludingVatCents)}`,
      `Totaal incl. btw: EUR ${formatEuros(totals.includingVatCents)}`,
    ]);
    attachPdf(seed, random, id, `Orderbevestiging ${number}`, `order-${number}.pdf`, document, timestamps);
  }
}
