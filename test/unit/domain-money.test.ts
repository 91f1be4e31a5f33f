import {
  centsToAmount,
  formatCents,
  percentageOfCents,
  roundDecimal,
  roundHalfAwayFromZero,
  toCents,
} from '../../domain/money';

describe('money in cents', () => {
  test.each<[number, number]>([
    [0, 0],
    [1, 100],
    [1.005, 101],
    [1.004, 100],
    [-1.005, -101],
    [0.1 + 0.2, 30],
    [99.99, 9999],
    [3 * 33.33, 9999],
    [1234567.895, 123456790],
    [-0.001, 0],
  ])('toCents(%d) = %d', (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
  });

  test.each<[number, number]>([
    [12099, 120.99],
    [-12099, -120.99],
    [1, 0.01],
    [0, 0],
  ])('centsToAmount(%d) = %d', (cents, amount) => {
    expect(centsToAmount(cents)).toBe(amount);
  });

  test('centsToAmount rejects fractions of a cent', () => {
    expect(() => centsToAmount(1.5)).toThrow(RangeError);
  });

  test.each<[number, number, number]>([
    [9999, 21, 2100],
    [375, 9, 34],
    [125, 9, 11],
    [-9999, 21, -2100],
    [10, 21, 2],
    [250, 21, 53],
    [1000, 5.5, 55],
  ])('%d cents at %d%% = %d cents', (cents, percentage, vat) => {
    expect(percentageOfCents(cents, percentage)).toBe(vat);
  });

  test.each<[number, number]>([
    [2.5, 3],
    [-2.5, -3],
    [2.4999999999999996, 3],
    [-0.4, 0],
  ])('roundHalfAwayFromZero(%d) = %d', (value, rounded) => {
    expect(Object.is(roundHalfAwayFromZero(value), rounded)).toBe(true);
  });

  test.each<[number, number, number]>([
    [7.123456, 4, 7.1235],
    [0.1 + 0.2, 4, 0.3],
    [-1.23455, 4, -1.2346],
  ])('roundDecimal(%d, %d) = %d', (value, decimals, rounded) => {
    expect(roundDecimal(value, decimals)).toBe(rounded);
  });

  test.each<[number, string]>([
    [12099, '120.99'],
    [-5, '-0.05'],
    [0, '0.00'],
    [100000, '1000.00'],
  ])('formatCents(%d) = %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  test('non-finite amounts are refused', () => {
    expect(() => toCents(Number.NaN)).toThrow(RangeError);
  });
});
