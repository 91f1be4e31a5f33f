import { euros, lineTotals } from './money';
import type { Random } from './random';
import { REVENUE_KINDS } from './revenue-kinds';
import type { SellableProduct } from './tribe-products';
import type { TribeSeed } from './tribe-seed';
import type { UnitCode } from './words/product-catalog';

export interface LineRequest {
  readonly product: SellableProduct;
  /** Quantity in hundredths (150 = 1.5). */
  readonly quantityHundredths: number;
  readonly discountPercentage: number;
}

export interface ActivityTotals {
  readonly excludingVatCents: number;
  readonly vatCents: number;
  readonly includingVatCents: number;
}

export interface Timestamps {
  readonly CreationDate: string;
  readonly LastMutationDate: string;
  readonly IsActive: boolean;
}

/** A realistic amount for the unit: quarter hours, whole pieces, half kilos, metres. */
export function drawQuantity(unit: UnitCode, random: Random): number {
  switch (unit) {
    case 'uur':
      return 25 * random.range(2, 40);
    case 'kg':
      return 50 * random.range(1, 60);
    case 'm':
      return 100 * random.range(2, 120);
    case 'doos':
      return 100 * random.range(1, 12);
    case 'stuk':
      return 100 * (random.chance(0.7) ? random.range(1, 3) : random.range(4, 25));
  }
}

export function drawDiscount(random: Random): number {
  const roll = random.next();
  return roll < 0.85 ? 0 : roll < 0.95 ? 5 : 10;
}

/** `count` lines of random products. */
export function drawLines(
  products: readonly SellableProduct[],
  count: number,
  random: Random,
): LineRequest[] {
  const lines: LineRequest[] = [];
  // Reverse-charged lines are never mixed with other VAT on one invoice (SnelStart refuses it, BOE-0062).
  const first = random.pick(products);
  const reverse = first.revenue === 'reverseCharge';
  const sameKind = products.filter((candidate) => (candidate.revenue === 'reverseCharge') === reverse);
  for (let i = 0; i < count; i++) {
    const product = i === 0 ? first : random.pick(sameKind);
    lines.push({
      product,
      quantityHundredths: drawQuantity(product.unit, random),
      discountPercentage: drawDiscount(random),
    });
  }
  return lines;
}

/**
 * Writes the ProductLines of an activity. Each line is rounded to the cent on its own; the activity
 * totals are the exact sums of the lines.
 */
export function writeProductLines(
  seed: TribeSeed,
  random: Random,
  activityId: string,
  lines: readonly LineRequest[],
  timestamps: Timestamps,
): ActivityTotals {
  let excludingVatCents = 0;
  let vatCents = 0;
  for (const line of lines) {
    const kind = REVENUE_KINDS[line.product.revenue];
    const totals = lineTotals({
      quantityHundredths: line.quantityHundredths,
      priceCents: line.product.priceCents,
      discountPercentage: line.discountPercentage,
      vatPercentage: kind.vatPercentage,
    });
    excludingVatCents += totals.excludingVatCents;
    vatCents += totals.vatCents;
    seed.ProductLine.push({
      ID: random.uuid(),
      ...timestamps,
      Description: line.product.name,
      Quantity: line.quantityHundredths / 100,
      Price: euros(line.product.priceCents),
      DiscountPercentage: line.discountPercentage,
      VatPercentage: kind.vatPercentage,
      TotalExcludingVat: euros(totals.excludingVatCents),
      VatAmount: euros(totals.vatCents),
      TotalIncludingVat: euros(totals.includingVatCents),
      Activity: { ID: activityId },
      Product: { ID: line.product.id },
      VatGroup: { ID: kind.tribe.vatGroupId },
      GeneralLedgerAccount: { ID: kind.tribe.ledgerAccountId },
    });
  }
  return { excludingVatCents, vatCents, includingVatCents: excludingVatCents + vatCents };
}
