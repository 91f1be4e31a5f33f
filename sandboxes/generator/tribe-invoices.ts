import { DAY_MS, HOUR_MS, dutchMonthYear, isoDate, isoDateTime, startOfDay, yearOf } from './dates';
import { euros, formatEuros } from './money';
import { OWN_ORGANISATION } from './own-organisation';
import type { PdfFactory } from './pdf-documents';
import { drawLines, writeProductLines, type LineRequest } from './product-lines';
import type { Random } from './random';
import type { InvoiceCustomer } from './invoice-customer';
import { attachPdf } from './tribe-attachments';
import type { SellableProduct } from './tribe-products';
import type { TribeSeed } from './tribe-seed';
import type { Subscription } from './tribe-subscriptions';
import { TRIBE_IDS } from './well-known-ids';

export interface InvoiceOptions {
  readonly nowMs: number;
  readonly sent: number;
  readonly drafts: number;
  /** How many of the sent invoices bill a subscription (spread over all subscriptions). */
  readonly subscriptionInvoices: number;
}

/** Sent invoices span 75 days up to the last 5, which hold the drafts. */
const SENT_WINDOW_DAYS = 75;
const DRAFT_WINDOW_DAYS = 5;

const SUBJECTS: readonly ((product: string, month: string) => string)[] = [
  (product) => `Levering ${product}`,
  (product) => `Bestelling ${product}`,
  (_, month) => `Werkzaamheden ${month}`,
  (_, month) => `Factuur ${month}`,
  () => 'Diverse leveringen',
  () => 'Projectfactuur',
];

/**
 * Invoices in date order with yearly numbers (`2026-00042`): sent ones with their PDF attached, then
 * drafts. Some sent invoices bill a subscription and then belong to that subscription's customer.
 */
export function writeInvoices(
  seed: TribeSeed,
  random: Random,
  options: InvoiceOptions,
  customers: readonly InvoiceCustomer[],
  products: readonly SellableProduct[],
  subscriptions: readonly Subscription[],
  pdf: PdfFactory,
): void {
  const { nowMs, sent, drafts } = options;
  const subscriptionOf = subscriptionAssignment(random, sent, options.subscriptionInvoices, subscriptions);
  const counters = new Map<number, number>();
  const sentStart = nowMs - SENT_WINDOW_DAYS * DAY_MS;
  const sentStep = ((SENT_WINDOW_DAYS - DRAFT_WINDOW_DAYS) * DAY_MS) / Math.max(sent, 1);
  const draftStart = nowMs - DRAFT_WINDOW_DAYS * DAY_MS;
  const draftStep = (DRAFT_WINDOW_DAYS * DAY_MS - HOUR_MS) / Math.max(drafts, 1);

  for (let i = 0; i < sent + drafts; i++) {
    const isSent = i < sent;
    const createdMs = isSent
      ? sentStart + Math.floor(i * sentStep + random.next() * sentStep)
      : draftStart + Math.floor((i - sent) * draftStep + random.next() * draftStep);
    const invoiceDayMs = startOfDay(createdMs);
    const year = yearOf(invoiceDayMs);
    const sequence = (counters.get(year) ?? 0) + 1;
    counters.set(year, sequence);
    const number = `${year}-${String(sequence).padStart(5, '0')}`;

    const subscription = isSent ? subscriptionOf[i] : undefined;
    const customer = subscription ? subscription.customer : random.pick(customers);
    const lines: LineRequest[] = subscription
      ? [
          {
            product: subscription.product,
            quantityHundredths: subscription.quantityHundredths,
            discountPercentage: 0,
          },
        ]
      : drawLines(products, random.range(1, 5), random);
    const month = dutchMonthYear(invoiceDayMs);
    const subject = subscription
      ? `${subscription.subject}, ${month}`
      : random.pick(SUBJECTS)((lines[0] as LineRequest).product.name, month);
    const sentMs = createdMs + random.int(2 * HOUR_MS);
    const timestamps = {
      CreationDate: isoDateTime(createdMs),
      LastMutationDate: isoDateTime(isSent ? sentMs : createdMs),
      IsActive: true,
    };
    const id = random.uuid();
    const totals = writeProductLines(seed, random, id, lines, timestamps);
    const invoiceDate = isoDate(invoiceDayMs);
    const dueDate = isoDate(invoiceDayMs + customer.paymentTermDays * DAY_MS);
    seed.Activity_Invoice.push({
      ID: id,
      ...timestamps,
      Subject: subject,
      Number: number,
      InvoiceDate: invoiceDate,
      DueDate: dueDate,
      Currency: 'EUR',
      TotalExcludingVat: euros(totals.excludingVatCents),
      VatAmount: euros(totals.vatCents),
      TotalIncludingVat: euros(totals.includingVatCents),
      IsCredit: false,
      Phase: { ID: isSent ? TRIBE_IDS.invoicePhase.sent : TRIBE_IDS.invoicePhase.draft },
      Relationship: { ID: customer.relationshipId },
      Subscription: subscription ? { ID: subscription.id } : null,
    });
    if (isSent) {
      const document = pdf.document(`Factuur ${number}`, [
        OWN_ORGANISATION.name,
        `Klant: ${customer.name}`,
        `Factuurdatum: ${invoiceDate}   Vervaldatum: ${dueDate}`,
        `Totaal excl. btw: EUR ${formatEuros(totals.excludingVatCents)}`,
        `Btw: EUR ${formatEuros(totals.vatCents)}`,
        `Totaal incl. btw: EUR ${formatEuros(totals.includingVatCents)}`,
      ]);
      attachPdf(seed, random, id, `Factuur ${number}`, `factuur-${number}.pdf`, document, timestamps);
    }
  }
}

/** Which sent invoice (by index) bills which subscription; every subscription gets at least one. */
function subscriptionAssignment(
  random: Random,
  sent: number,
  count: number,
  subscriptions: readonly Subscription[],
): (Subscription | undefined)[] {
  const assignment = new Array<Subscription | undefined>(sent);
  if (subscriptions.length === 0 || count === 0) return assignment;
  const indices = random.shuffle(Array.from({ length: sent }, (_, i) => i));
  for (let k = 0; k < Math.min(count, sent); k++) {
    assignment[indices[k] as number] = subscriptions[k % subscriptions.length];
  }
  return assignment;
}
