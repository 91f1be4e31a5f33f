import {
  advanceCursor,
  changedSinceSnapshot,
  compareSnelStartDateTimes,
  daysBetween,
  formatSnelStartDateTime,
  instantToSnelStartDateTime,
  isRepeatedWallClock,
  isoDateOnly,
  localDate,
  modifiedOnFilter,
  parseSnelStartDateTime,
  readFromCursor,
  snelStartDate,
  snelStartDateTimeToInstant,
} from '../../domain/snelstart-time';

describe('zone-less timestamps', () => {
  test.each<[string, string | null]>([
    ['2026-01-05T10:00:00', '2026-01-05T10:00:00.000'],
    ['2026-01-05T10:00:00.5', '2026-01-05T10:00:00.500'],
    ['2026-01-05T10:00:00.1234567', '2026-01-05T10:00:00.123'],
    [' 2026-01-05T10:00:00 ', '2026-01-05T10:00:00.000'],
    ['2024-02-29T23:59:59', '2024-02-29T23:59:59.000'],
    ['2026-02-29T00:00:00', null],
    ['2026-01-05T24:00:00', null],
    ['2026-01-05T10:00:00Z', null],
    ['2026-01-05T10:00:00+01:00', null],
    ['2026-01-05', null],
    ['05-01-2026 10:00', null],
    ['', null],
  ])('parse %j', (value, expected) => {
    const parsed = parseSnelStartDateTime(value);
    expect(parsed === null ? null : formatSnelStartDateTime(parsed, true)).toBe(expected);
  });

  test.each<[string, string, string]>([
    ['winter (CET, +01:00)', '2026-01-05T10:00:00', '2026-01-05T09:00:00.000Z'],
    ['summer (CEST, +02:00)', '2026-07-05T10:00:00', '2026-07-05T08:00:00.000Z'],
    ['the repeated hour takes the earlier instant', '2026-10-25T02:30:00', '2026-10-25T00:30:00.000Z'],
    ['just after the repeated hour', '2026-10-25T03:00:00', '2026-10-25T02:00:00.000Z'],
    ['a skipped time moves forward (02:30 → 03:30 CEST)', '2026-03-29T02:30:00', '2026-03-29T01:30:00.000Z'],
    ['milliseconds are kept', '2026-01-05T10:00:00.250', '2026-01-05T09:00:00.250Z'],
    ['an explicit zone is honoured', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00.000Z'],
  ])('to an instant: %s', (_title, value, expected) => {
    expect(snelStartDateTimeToInstant(value).toISOString()).toBe(expected);
  });

  test('another zone can be given', () => {
    expect(snelStartDateTimeToInstant('2026-07-05T10:00:00', 'UTC').toISOString()).toBe(
      '2026-07-05T10:00:00.000Z',
    );
  });

  test('garbage is refused', () => {
    expect(() => snelStartDateTimeToInstant('yesterday')).toThrow(RangeError);
  });

  test.each<[string, string]>([
    ['2026-01-05T09:00:00.000Z', '2026-01-05T10:00:00'],
    ['2026-07-05T08:00:00.999Z', '2026-07-05T10:00:00'],
    ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00'],
    ['2026-10-25T01:30:00.000Z', '2026-10-25T02:30:00'],
    ['2025-12-31T23:30:00.000Z', '2026-01-01T00:30:00'],
  ])('from the instant %s', (instant, expected) => {
    expect(instantToSnelStartDateTime(new Date(instant))).toBe(expected);
  });

  test.each<[string, boolean]>([
    ['2026-10-25T02:00:00', true],
    ['2026-10-25T02:59:59', true],
    ['2026-10-25T03:00:00', false],
    ['2026-10-25T01:59:59', false],
    ['2026-03-29T02:30:00', false],
    ['2026-07-05T02:30:00', false],
  ])('%s occurs twice: %s', (value, repeated) => {
    expect(isRepeatedWallClock(value)).toBe(repeated);
  });

  test.each<[string, string, number]>([
    ['2026-01-05T10:00:00', '2026-01-05T10:00:00.000', 0],
    ['2026-01-05T10:00:00.50', '2026-01-05T10:00:00.5', 0],
    ['2026-01-05T10:00:00', '2026-01-05T10:00:00.001', -1],
    ['2026-01-06T00:00:00', '2026-01-05T23:59:59.999', 1],
  ])('compare %s with %s', (a, b, sign) => {
    expect(Math.sign(compareSnelStartDateTimes(a, b))).toBe(sign);
  });
});

describe('dates', () => {
  test.each<[string, string]>([
    ['2026-01-05', '2026-01-05T00:00:00'],
    ['2026-01-05T13:45:00', '2026-01-05T00:00:00'],
  ])('snelStartDate(%s) = %s', (input, expected) => {
    expect(snelStartDate(input)).toBe(expected);
  });

  test.each<[string | null | undefined, string | null]>([
    ['2026-01-05', '2026-01-05'],
    ['2026-01-05T00:00:00Z', '2026-01-05'],
    ['2026-13-01', null],
    ['2026-02-30', null],
    ['5 januari', null],
    [null, null],
  ])('isoDateOnly(%j) = %j', (input, expected) => {
    expect(isoDateOnly(input)).toBe(expected);
  });

  test.each<[string, string, number]>([
    ['2026-01-05', '2026-02-04', 30],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-01-05', '2026-01-04', -1],
  ])('daysBetween(%s, %s) = %d', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  test('localDate gives the Dutch calendar date', () => {
    expect(localDate(new Date('2026-01-05T23:30:00Z'))).toBe('2026-01-06');
    expect(localDate(new Date('2026-01-05T22:59:59Z'))).toBe('2026-01-05');
  });

  test('snelStartDate refuses text that is not a date', () => {
    expect(() => snelStartDate('morgen')).toThrow(RangeError);
  });
});

describe('the incremental cursor', () => {
  test.each<[string, string | null, (string | null | undefined)[], string | null]>([
    [
      'the greatest modifiedOn seen',
      null,
      ['2026-01-05T10:00:00', '2026-01-05T11:00:00', '2026-01-05T10:30:00'],
      '2026-01-05T11:00:00',
    ],
    ['never moves back', '2026-01-05T12:00:00', ['2026-01-05T11:00:00'], '2026-01-05T12:00:00'],
    [
      'kept exactly as SnelStart wrote it',
      '2026-01-05T10:00:00',
      ['2026-01-05T10:00:00.1234567'],
      '2026-01-05T10:00:00.1234567',
    ],
    ['nothing seen: unchanged', '2026-01-05T10:00:00', [], '2026-01-05T10:00:00'],
    ['nothing ever seen', null, [null, undefined], null],
    ['invalid values are ignored', null, ['garbage', '2026-01-05T09:00:00'], '2026-01-05T09:00:00'],
  ])('advanceCursor: %s', (_title, cursor, seen, expected) => {
    expect(advanceCursor(cursor, seen)).toBe(expected);
  });

  test.each<[string, string | null, number, string | null]>([
    ['first read: everything', null, 300, null],
    ['cursor minus overlap, whole seconds', '2026-01-05T10:00:00.750', 300, '2026-01-05T09:55:00'],
    [
      'without overlap the cursor second itself is read again',
      '2026-01-05T10:00:00.750',
      0,
      '2026-01-05T10:00:00',
    ],
    ['across midnight and a year end', '2026-01-01T00:02:00', 300, '2025-12-31T23:57:00'],
    ['in the repeated hour one hour more is read', '2026-10-25T02:30:00', 300, '2026-10-25T01:25:00'],
    ['after the repeated hour the normal overlap', '2026-10-25T03:30:00', 300, '2026-10-25T03:25:00'],
    ['a negative overlap counts as none', '2026-01-05T10:00:00', -60, '2026-01-05T10:00:00'],
  ])('readFromCursor: %s', (_title, cursor, overlap, expected) => {
    expect(readFromCursor(cursor, overlap)).toBe(expected);
  });

  test('the OData filter includes the boundary second (ge, not gt)', () => {
    expect(modifiedOnFilter('2026-01-05T09:55:00')).toBe("ModifiedOn ge datetime'2026-01-05T09:55:00'");
    expect(modifiedOnFilter(null)).toBeNull();
    expect(() => modifiedOnFilter("2026-01-05' or 1 eq 1")).toThrow(RangeError);
  });

  test('overlapping reads: a record at exactly the cursor second is picked up, records already synced cause no work', () => {
    interface Row {
      id: string;
      modifiedOn: string;
      naam: string;
    }
    const fingerprintOf = (row: Row) => JSON.stringify({ naam: row.naam });
    const firstRead: Row[] = [
      { id: 'a', modifiedOn: '2026-01-05T10:00:00', naam: 'A' },
      { id: 'b', modifiedOn: '2026-01-05T10:00:00.500', naam: 'B' },
    ];
    const cursor = advanceCursor(
      null,
      firstRead.map((row) => row.modifiedOn),
    );
    expect(cursor).toBe('2026-01-05T10:00:00.500');
    const snapshots = new Map(firstRead.map((row) => [row.id, fingerprintOf(row)]));

    const from = readFromCursor(cursor, 60);
    const store: Row[] = [
      ...firstRead,
      { id: 'c', modifiedOn: '2026-01-05T10:00:00.200', naam: 'C, committed late in the cursor second' },
      { id: 'd', modifiedOn: '2026-01-05T09:30:00', naam: 'D, long before' },
    ];
    const secondRead = store.filter(
      (row) => from === null || compareSnelStartDateTimes(row.modifiedOn, from) >= 0,
    );
    expect(secondRead.map((row) => row.id)).toEqual(['a', 'b', 'c']);
    expect(
      changedSinceSnapshot(secondRead, (row) => row.id, fingerprintOf, snapshots).map((row) => row.id),
    ).toEqual(['c']);
  });
});
