import { DAY_MS, HOUR_MS, isoDate, isoDateTime } from './dates';
import { drawQuantity, writeProductLines } from './product-lines';
import type { Random } from './random';
import type { InvoiceCustomer } from './invoice-customer';
import type { SellableProduct } from './tribe-products';
import type { TribeSeed } from './tribe-seed';
import { TRIBE_IDS } from './well-known-ids';

/** A subscription that invoices can refer to. */
export interface Subscription {
  readonly id: string;
  readonly subject: string;
  readonly customer: InvoiceCustomer;
  readonly product: SellableProduct;
  readonly quantityHundredths: number;
}

/**
 * Picks the subscription customers so the SEPA paths are all present: mostly customers with an
 * active SnelStart mandate, then Core-incasso customers without a usable one, then anyone.
 */
export function pickSubscriptionCustomers(
  customers: readonly InvoiceCustomer[],
  count: number,
): InvoiceCustomer[] {
  const withMandate = customers.filter((customer) => customer.mandate === 'active');
  const withoutMandate = customers.filter(
    (customer) => customer.mandate === 'none' || customer.mandate === 'revokedOnly',
  );
  const others = customers.filter(
    (customer) => customer.mandate === 'notCore' || customer.mandate === 'unknown',
  );
  const picked = withMandate.slice(0, Math.ceil((count * 2) / 3));
  picked.push(...withoutMandate.slice(0, count - picked.length));
  picked.push(...others.slice(0, count - picked.length));
  if (picked.length < count) picked.push(...withMandate.slice(picked.length, count));
  return picked.slice(0, count);
}

export function writeSubscriptions(
  seed: TribeSeed,
  random: Random,
  nowMs: number,
  customers: readonly InvoiceCustomer[],
  products: readonly SellableProduct[],
): Subscription[] {
  const recurring = products.filter((product) => product.recurring);
  const pool = recurring.length > 0 ? recurring : products;
  const subscriptions: Subscription[] = [];
  customers.forEach((customer, index) => {
    const id = random.uuid();
    const product = random.pick(pool);
    // Started before the oldest invoice that bills it.
    const startMs = nowMs - random.range(80, 700) * DAY_MS;
    const timestamps = {
      CreationDate: isoDateTime(startMs - random.range(1, 14) * DAY_MS),
      LastMutationDate: isoDateTime(startMs + random.int(nowMs - HOUR_MS - startMs)),
      IsActive: true,
    };
    const subject = product.name;
    seed.Activity_Subscription.push({
      ID: id,
      ...timestamps,
      Subject: subject,
      Number: `ABO-${String(index + 1).padStart(5, '0')}`,
      StartDate: isoDate(startMs),
      EndDate: random.chance(0.2) ? isoDate(startMs + random.range(1, 3) * 365 * DAY_MS) : null,
      Phase: { ID: TRIBE_IDS.subscriptionPhase.active },
      Relationship: { ID: customer.relationshipId },
    });
    const quantityHundredths =
      product.unit === 'stuk' ? 100 * random.range(1, 5) : drawQuantity(product.unit, random);
    writeProductLines(seed, random, id, [{ product, quantityHundredths, discountPercentage: 0 }], timestamps);
    subscriptions.push({ id, subject, customer, product, quantityHundredths });
  });
  return subscriptions;
}
