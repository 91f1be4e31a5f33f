import { fingerprint, mergeThreeWay, patchedFields, type CanonicalValue } from '../../domain/merge';

interface Sample {
  readonly name: string | null;
  readonly phone: string | null;
  readonly houseNumber: number | null;
  readonly inactive: boolean;
  readonly number: string | null;
}

const base: Sample = { name: 'Acme', phone: '010-1234567', houseNumber: 12, inactive: false, number: '1001' };
const withChanges = (changes: Partial<Sample>): Sample => ({ ...base, ...changes });

describe('mergeThreeWay: one field at a time', () => {
  type Row = [
    string,
    keyof Sample,
    { base: CanonicalValue; snelstart: CanonicalValue; tribe: CanonicalValue },
    { snelstart?: CanonicalValue; tribe?: CanonicalValue; snapshot: CanonicalValue; conflict: boolean },
  ];
  const rows: Row[] = [
    [
      'unchanged on both sides',
      'phone',
      { base: 'a', snelstart: 'a', tribe: 'a' },
      { snapshot: 'a', conflict: false },
    ],
    [
      'changed in SnelStart only → written to Tribe',
      'phone',
      { base: 'a', snelstart: 'b', tribe: 'a' },
      { tribe: 'b', snapshot: 'b', conflict: false },
    ],
    [
      'changed in Tribe only → written to SnelStart',
      'phone',
      { base: 'a', snelstart: 'a', tribe: 'c' },
      { snelstart: 'c', snapshot: 'c', conflict: false },
    ],
    [
      'changed on both sides to the same value → nothing to write',
      'phone',
      { base: 'a', snelstart: 'd', tribe: 'd' },
      { snapshot: 'd', conflict: false },
    ],
    [
      'changed on both sides differently → SnelStart wins, conflict',
      'phone',
      { base: 'a', snelstart: 'b', tribe: 'c' },
      { tribe: 'b', snapshot: 'b', conflict: true },
    ],
    [
      'cleared in SnelStart only → cleared in Tribe',
      'phone',
      { base: 'a', snelstart: null, tribe: 'a' },
      { tribe: null, snapshot: null, conflict: false },
    ],
    [
      'cleared in Tribe only → cleared in SnelStart',
      'phone',
      { base: 'a', snelstart: 'a', tribe: null },
      { snelstart: null, snapshot: null, conflict: false },
    ],
    [
      'cleared in Tribe, changed in SnelStart → SnelStart wins, conflict',
      'phone',
      { base: 'a', snelstart: 'b', tribe: null },
      { tribe: 'b', snapshot: 'b', conflict: true },
    ],
    [
      'filled in Tribe only (base empty)',
      'phone',
      { base: null, snelstart: null, tribe: 'x' },
      { snelstart: 'x', snapshot: 'x', conflict: false },
    ],
    [
      'number changed in Tribe only',
      'houseNumber',
      { base: 12, snelstart: 12, tribe: 14 },
      { snelstart: 14, snapshot: 14, conflict: false },
    ],
    [
      'boolean changed in SnelStart only',
      'inactive',
      { base: false, snelstart: true, tribe: false },
      { tribe: true, snapshot: true, conflict: false },
    ],
    [
      'number 12 and text "12" differ',
      'houseNumber',
      { base: 12, snelstart: 12, tribe: '12' },
      { snelstart: '12', snapshot: '12', conflict: false },
    ],
  ];

  test.each(rows)('%s', (_title, field, values, expected) => {
    const result = mergeThreeWay<Sample>(
      withChanges({ [field]: values.base }),
      withChanges({ [field]: values.snelstart }),
      withChanges({ [field]: values.tribe }),
    );
    expect(result.snelstartPatch).toEqual('snelstart' in expected ? { [field]: expected.snelstart } : {});
    expect(result.tribePatch).toEqual('tribe' in expected ? { [field]: expected.tribe } : {});
    expect(result.snapshot[field]).toEqual(expected.snapshot);
    expect(result.conflicts).toEqual(
      expected.conflict
        ? [{ field, base: values.base, snelstart: values.snelstart, tribe: values.tribe }]
        : [],
    );
  });
});

describe('mergeThreeWay: whole records', () => {
  test('no echo: both sides equal the snapshot → no writes, same snapshot', () => {
    const result = mergeThreeWay(base, { ...base }, { ...base });
    expect(result.snelstartPatch).toEqual({});
    expect(result.tribePatch).toEqual({});
    expect(result.conflicts).toEqual([]);
    expect(result.snapshot).toEqual(base);
  });

  test('no echo: after writing a merge result, merging again changes nothing', () => {
    const snelstart = withChanges({ phone: '06-11111111', name: 'Acme BV' });
    const tribe = withChanges({ houseNumber: 14, name: 'Acme Holding' });
    const first = mergeThreeWay(base, snelstart, tribe);
    const snelstartAfter = { ...snelstart, ...first.snelstartPatch };
    const tribeAfter = { ...tribe, ...first.tribePatch };
    expect(snelstartAfter).toEqual(first.snapshot);
    expect(tribeAfter).toEqual(first.snapshot);
    const second = mergeThreeWay(first.snapshot, snelstartAfter, tribeAfter);
    expect(second.snelstartPatch).toEqual({});
    expect(second.tribePatch).toEqual({});
    expect(second.conflicts).toEqual([]);
  });

  test('changes on both sides in different fields are combined; the same field on both sides is a conflict', () => {
    const result = mergeThreeWay(
      base,
      withChanges({ phone: '06-11111111', name: 'Acme BV' }),
      withChanges({ houseNumber: 14, name: 'Acme Holding' }),
    );
    expect(result.tribePatch).toEqual({ phone: '06-11111111', name: 'Acme BV' });
    expect(result.snelstartPatch).toEqual({ houseNumber: 14 });
    expect(result.snapshot).toEqual({ ...base, phone: '06-11111111', name: 'Acme BV', houseNumber: 14 });
    expect(result.conflicts).toEqual([
      { field: 'name', base: 'Acme', snelstart: 'Acme BV', tribe: 'Acme Holding' },
    ]);
    expect(patchedFields(result.tribePatch)).toEqual(['name', 'phone']);
  });

  test('first sync (no snapshot): empty sides are filled from the other, differences go to SnelStart with a conflict', () => {
    const result = mergeThreeWay<Sample>(
      null,
      { name: 'Acme', phone: null, houseNumber: 12, inactive: false, number: '1001' },
      { name: 'ACME', phone: '010-1234567', houseNumber: null, inactive: false, number: '1001' },
    );
    expect(result.snelstartPatch).toEqual({ phone: '010-1234567' });
    expect(result.tribePatch).toEqual({ name: 'Acme', houseNumber: 12 });
    expect(result.conflicts).toEqual([{ field: 'name', base: null, snelstart: 'Acme', tribe: 'ACME' }]);
  });

  test('a field missing from an old snapshot is merged as on a first sync', () => {
    const { phone: _phone, ...oldSnapshot } = base;
    const result = mergeThreeWay<Sample>(
      oldSnapshot as Sample,
      withChanges({ phone: null }),
      withChanges({ phone: '06' }),
    );
    expect(result.snelstartPatch).toEqual({ phone: '06' });
    expect(result.conflicts).toEqual([]);
  });

  test('SnelStart-owned fields: a Tribe edit is undone, never written to SnelStart, no conflict', () => {
    const result = mergeThreeWay(base, base, withChanges({ number: 'T-0001' }), {
      snelstartOwned: ['number'],
    });
    expect(result.snelstartPatch).toEqual({});
    expect(result.tribePatch).toEqual({ number: '1001' });
    expect(result.conflicts).toEqual([]);
  });

  test('SnelStart-owned fields: a new SnelStart number overwrites the Tribe number', () => {
    const result = mergeThreeWay(
      withChanges({ number: null }),
      withChanges({ number: '1050' }),
      withChanges({ number: 'T-7' }),
      {
        snelstartOwned: ['number'],
      },
    );
    expect(result.tribePatch).toEqual({ number: '1050' });
    expect(result.snapshot.number).toBe('1050');
  });
});

describe('fingerprint', () => {
  test.each<
    [string, Record<string, CanonicalValue | undefined>, Record<string, CanonicalValue | undefined>, boolean]
  >([
    ['same fields in another order', { a: 1, b: 'x' }, { b: 'x', a: 1 }, true],
    ['undefined equals null', { a: null, b: 'x' }, { a: undefined, b: 'x' }, true],
    ['-0 equals 0', { a: -0 }, { a: 0 }, true],
    ['a changed value', { a: 1, b: 'x' }, { a: 1, b: 'y' }, false],
    ['number and text differ', { a: 12 }, { a: '12' }, false],
    ['null and empty text differ', { a: null }, { a: '' }, false],
    ['false and null differ', { a: false }, { a: null }, false],
  ])('%s', (_title, a, b, same) => {
    expect(fingerprint(a) === fingerprint(b)).toBe(same);
  });

  test('is plain, stable text', () => {
    expect(fingerprint({ b: 2, a: 'x', c: null })).toBe('{"a":"x","b":2,"c":null}');
  });
});
