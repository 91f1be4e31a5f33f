/**
 * Money arithmetic in whole cents. Amounts arrive as JSON numbers (binary floating point); they are turned
 * into integers once and all sums are integer sums, so totals are exact.
 */

/**
 * Rounds half away from zero (the usual commercial rule: 0.005 → 0.01, -0.005 → -0.01), after removing the
 * floating-point noise of the input (`1.005 * 100` is 100.49999999999999 in binary, but means 100.5).
 */
export function roundHalfAwayFromZero(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  const cleaned = Number(value.toPrecision(15));
  const rounded = Math.sign(cleaned) * Math.round(Math.abs(cleaned));
  return rounded === 0 ? 0 : rounded;
}

/** An amount in euros as whole cents, rounded half away from zero. */
export function toCents(amount: number): number {
  return roundHalfAwayFromZero(amount * 100);
}

/** Whole cents back to a euro amount for the wire (`12099` → `120.99`). */
export function centsToAmount(cents: number): number {
  if (!Number.isInteger(cents)) throw new RangeError(`cents must be an integer, got ${cents}`);
  const amount = cents / 100;
  return amount === 0 ? 0 : amount;
}

/** `percentage` % of an amount in cents, rounded to whole cents (`9999` at 21 → `2100`). */
export function percentageOfCents(cents: number, percentage: number): number {
  return roundHalfAwayFromZero((cents * percentage) / 100);
}

/** Rounds to a number of decimals, half away from zero (prices are compared at 4 decimals). */
export function roundDecimal(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = roundHalfAwayFromZero(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** Cents as a plain amount with two decimals for messages: `-12099` → `-120.99`. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
