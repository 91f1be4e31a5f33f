import {
  STRAAT_MAX_LENGTH,
  canonicalStreetParts,
  formatStraat,
  isDutchPostcode,
  normaliseAddition,
  normalisePostcode,
  parseStraat,
  postcodeSpellings,
  type StreetAddressParts,
} from '../../domain/address';

const parts = (
  street: string | null,
  houseNumber: number | null,
  addition: string | null = null,
): StreetAddressParts => ({
  street,
  houseNumber,
  addition,
});

describe('parseStraat', () => {
  const rows: [string | null | undefined, StreetAddressParts][] = [
    ['Dorpsstraat 12', parts('Dorpsstraat', 12)],
    ['Dorpsstraat 12a', parts('Dorpsstraat', 12, 'a')],
    ['Dorpsstraat 12 A', parts('Dorpsstraat', 12, 'A')],
    ['Dorpsstraat 12-a', parts('Dorpsstraat', 12, 'a')],
    ['Dorpsstraat 12 - A', parts('Dorpsstraat', 12, 'A')],
    ['Dorpsstraat 12/2', parts('Dorpsstraat', 12, '2')],
    ['Dorpsstraat 12-14', parts('Dorpsstraat', 12, '14')],
    ['Van Baerlestraat 12 - 14', parts('Van Baerlestraat', 12, '14')],
    ['Dorpsstraat 12 bis', parts('Dorpsstraat', 12, 'bis')],
    ['Dorpsstraat 12 hs', parts('Dorpsstraat', 12, 'hs')],
    ['Dorpsstraat 12-II', parts('Dorpsstraat', 12, 'II')],
    ['Dorpsstraat 12 1hg', parts('Dorpsstraat', 12, '1hg')],
    ['Jan van Galenstraat 7 A 1', parts('Jan van Galenstraat', 7, 'A 1')],
    ['2e Helmersstraat 5', parts('2e Helmersstraat', 5)],
    ['1e Van Swindenstraat 112 III', parts('1e Van Swindenstraat', 112, 'III')],
    ['Laan 1940-1945 10', parts('Laan 1940-1945', 10)],
    ['Straat 12 bus 3', parts('Straat', 12, 'bus 3')],
    ['Straat 12 Bus 3', parts('Straat', 12, 'bus 3')],
    ['Straat 12A bus 3', parts('Straat', 12, 'A bus 3')],
    ['Straat 12/bus 3', parts('Straat', 12, 'bus 3')],
    ['Postbus 123', parts('Postbus', 123)],
    ['Antwoordnummer 4567', parts('Antwoordnummer', 4567)],
    ['Plein 1944 nr 3', parts('Plein 1944', 3)],
    ['Plein 1944 nr. 3', parts('Plein 1944', 3)],
    ['Plein 1944 nr3', parts('Plein 1944', 3)],
    ['Kade no. 4', parts('Kade', 4)],
    ['Dorpsstraat', parts('Dorpsstraat', null)],
    ['Laan 1940-1945', parts('Laan', 1940, '1945')],
    ['1e Weg', parts('1e Weg', null)],
    ['  Dorpsstraat ,  12 , a ', parts('Dorpsstraat', 12, 'a')],
    ['Dorpsstraat\u00a012', parts('Dorpsstraat', 12)],
    ['Dorpsstraat, 12', parts('Dorpsstraat', 12)],
    ['Dorpsstraat12a', parts('Dorpsstraat', 12, 'a')],
    ['St. Jansstraat 4', parts('St. Jansstraat', 4)],
    ["'s-Gravendijkwal 100 B", parts("'s-Gravendijkwal", 100, 'B')],
    ['Rue de la Loi 16', parts('Rue de la Loi', 16)],
    ['Hoofdweg 12 zwart', parts('Hoofdweg', 12, 'zwart')],
    ['Dorpsstraat 1234567', parts('Dorpsstraat 1234567', null)],
    ['Dorpsstraat 12 achter de kerk', parts('Dorpsstraat 12 achter de kerk', null)],
    ['12 A', parts(null, 12, 'A')],
    ['Straße 5', parts('Straße', 5)],
    ['', parts(null, null)],
    ['   ', parts(null, null)],
    [null, parts(null, null)],
    [undefined, parts(null, null)],
  ];

  test.each(rows)('%j', (input, expected) => {
    expect(parseStraat(input)).toEqual(expected);
  });

  test.each(rows)('formatting %j and parsing again gives the same parts', (input) => {
    const parsed = parseStraat(input);
    expect(parseStraat(formatStraat(parsed))).toEqual(parsed);
  });
});

describe('formatStraat', () => {
  test.each<[StreetAddressParts, string]>([
    [parts('Dorpsstraat', 12), 'Dorpsstraat 12'],
    [parts('Dorpsstraat', 12, 'a'), 'Dorpsstraat 12a'],
    [parts('Dorpsstraat', 12, 'A'), 'Dorpsstraat 12A'],
    [parts('Dorpsstraat', 12, '-a'), 'Dorpsstraat 12a'],
    [parts('Dorpsstraat', 12, '14'), 'Dorpsstraat 12-14'],
    [parts('Dorpsstraat', 12, 'bis'), 'Dorpsstraat 12 bis'],
    [parts('Dorpsstraat', 12, 'II'), 'Dorpsstraat 12 II'],
    [parts('Straat', 12, 'bus 3'), 'Straat 12 bus 3'],
    [parts('  Lange   Laan ', 3, ' b '), 'Lange Laan 3b'],
    [parts('Dorpsstraat', null), 'Dorpsstraat'],
    [parts('Dorpsstraat', null, 'A'), 'Dorpsstraat A'],
    [parts(null, 12, 'A'), '12A'],
    [parts(null, null), ''],
  ])('%j → %j', (input, expected) => {
    expect(formatStraat(input)).toBe(expected);
  });

  test('never shortens; the 50-character limit is checked where relaties are written', () => {
    const street = 'Burgemeester van Karnebeeklaan-Zuidwestelijke Zijde';
    const formatted = formatStraat(parts(street, 1234, 'bis'));
    expect(formatted).toBe(`${street} 1234 bis`);
    expect(formatted.length).toBeGreaterThan(STRAAT_MAX_LENGTH);
  });
});

describe('canonicalStreetParts', () => {
  test.each<[StreetAddressParts, StreetAddressParts]>([
    [parts('Dorpsstraat 12', null), parts('Dorpsstraat', 12)],
    [parts('Dorpsstraat', 12, '-a'), parts('Dorpsstraat', 12, 'a')],
    [parts('Dorpsstraat', 12, ' A '), parts('Dorpsstraat', 12, 'A')],
    [parts('Dorpsstraat', 12, 'bus 3'), parts('Dorpsstraat', 12, 'bus 3')],
    [parts('2e Helmersstraat', 5), parts('2e Helmersstraat', 5)],
    [parts('Laan 1940-1945', 10), parts('Laan 1940-1945', 10)],
    [parts(null, null), parts(null, null)],
  ])('%j is stored by SnelStart as %j', (input, expected) => {
    expect(canonicalStreetParts(input)).toEqual(expected);
  });
});

describe('normalisePostcode', () => {
  test.each<[string | null | undefined, string | null]>([
    ['1234 AB', '1234 AB'],
    ['1234ab', '1234 AB'],
    ['1234AB', '1234 AB'],
    ['1234 ab', '1234 AB'],
    [' 1234  ab ', '1234 AB'],
    ['1234-AB', '1234 AB'],
    ['1234\u00a0AB', '1234 AB'],
    ['0123 AB', '0123 AB'],
    ['1000', '1000'],
    ['B-1000', 'B-1000'],
    ['sw1a  1aa', 'SW1A 1AA'],
    ['12345', '12345'],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  test.each<[string, boolean]>([
    ['1234ab', true],
    ['1234 AB', true],
    ['0123 AB', false],
    ['1000', false],
    ['D-10115', false],
  ])('isDutchPostcode(%j) = %s', (input, expected) => {
    expect(isDutchPostcode(input)).toBe(expected);
  });

  test('spellings for exact-match lookups', () => {
    expect(postcodeSpellings('1234ab')).toEqual(['1234 AB', '1234AB', '1234 ab', '1234ab']);
    expect(postcodeSpellings('b-1000')).toEqual(['B-1000']);
    expect(postcodeSpellings(null)).toEqual([]);
  });
});

describe('normaliseAddition', () => {
  test.each<[string | null | undefined, string]>([
    ['a', 'A'],
    ['A', 'A'],
    ['-a', 'A'],
    [' A', 'A'],
    ['-A ', 'A'],
    ['/2', '2'],
    ['bis', 'BIS'],
    ['II', 'II'],
    ['bus 3', 'BUS3'],
    ['A-1', 'A1'],
    ['é', 'E'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseAddition(input)).toBe(expected);
  });

  test('12-a and 12 A have the same addition', () => {
    expect(normaliseAddition(parseStraat('Dorpsstraat 12-a').addition)).toBe(
      normaliseAddition(parseStraat('Dorpsstraat 12 A').addition),
    );
  });
});
