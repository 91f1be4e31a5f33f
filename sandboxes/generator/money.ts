// Built-ins are read once into module constants: in VM contexts (test runners) every global lookup is slow.
const { abs, floor, round } = Math;

/**
 * Money is computed in whole cents so that every total adds up exactly; it is written as euros
 * (a number with at most two decimals) only at the edge.
 */

export function euros(cents: number): number {
  return cents / 100;
}

export interface LineAmounts {
  /** Quantity in hundredths (150 = 1.5). */
  readonly quantityHundredths: number;
  readonly priceCents: number;
  readonly discountPercentage: number;
  readonly vatPercentage: number;
}

export interface LineTotals {
  readonly excludingVatCents: number;
  readonly vatCents: number;
  readonly includingVatCents: number;
}

/** One line: net amount rounded to the cent, VAT on the rounded net amount, rounded to the cent. */
export function lineTotals(line: LineAmounts): LineTotals {
  const excludingVatCents = round(
    (line.quantityHundredths * line.priceCents * (100 - line.discountPercentage)) / 10_000,
  );
  const vatCents = round((excludingVatCents * line.vatPercentage) / 100);
  return { excludingVatCents, vatCents, includingVatCents: excludingVatCents + vatCents };
}

/** `1234.5` → `"1234.50"`. */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const magnitude = abs(cents);
  return `${sign}${floor(magnitude / 100)}.${`${magnitude % 100}`.padStart(2, '0')}`;
}
