import { tidyText } from '../../domain/tidy-text';

describe('tidyText', () => {
  it.each([
    ['  Acme  BV ', 'Acme BV'],
    ['Acme\u00a0BV', 'Acme BV'],
    ['Bakkerij\u0007 De\u0000 Korf\u001b', 'Bakkerij De Korf'],
    ['Regel 1\r\nRegel 2\tachter tab', 'Regel 1 Regel 2 achter tab'],
    ['C1\u0085\u009fcontrol', 'C1control'],
    ['\u0000\u0001\u0002', null],
    ['   ', null],
    ['', null],
    [null, null],
    [undefined, null],
    ['株式会社 東京商事', '株式会社 東京商事'],
    ["O'Brien' or Name ne 'x", "O'Brien' or Name ne 'x"],
    ['Café Ñandú — “quotes”', 'Café Ñandú — “quotes”'],
  ])('%j → %j', (input, expected) => {
    expect(tidyText(input)).toBe(expected);
  });
});
