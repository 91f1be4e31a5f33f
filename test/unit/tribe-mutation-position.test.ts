import { MutationPosition } from '../../api-clients/tribe/mutation-position';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, second)).toISOString();
const row = (id: string, second: number) => ({ id, lastMutationDate: at(second) });

describe('MutationPosition', () => {
  it('starts exclusive of its starting point, like `since`', () => {
    const position = new MutationPosition(Date.parse(at(0)));
    expect(position.inclusive).toBe(false);
    expect(position.latest).toBe(at(0));
  });

  it.each([
    {
      name: 'a page of distinct moments moves to the last one and keeps only its record',
      pages: [[row('a', 1), row('b', 2), row('c', 3)]],
      latest: at(3),
      seen: ['c'],
    },
    {
      name: 'records sharing the last moment are all remembered',
      pages: [[row('a', 1), row('b', 2), row('c', 2)]],
      latest: at(2),
      seen: ['b', 'c'],
    },
    {
      name: 'a later page at the same moment adds to what was read there',
      pages: [[row('a', 2), row('b', 2)], [row('c', 2)]],
      latest: at(2),
      seen: ['a', 'b', 'c'],
    },
    {
      name: 'a later moment forgets the earlier one',
      pages: [[row('a', 2), row('b', 2)], [row('c', 3)]],
      latest: at(3),
      seen: ['c'],
    },
    {
      name: 'ids are compared without case',
      pages: [[row('ABC', 2)]],
      latest: at(2),
      seen: ['abc'],
    },
  ])('$name', ({ pages, latest, seen }) => {
    const position = new MutationPosition(null);
    for (const page of pages) position.advance(page);
    expect(position.latest).toBe(latest);
    expect(position.inclusive).toBe(true);
    for (const id of seen) expect(position.seen({ id, lastMutationDate: latest })).toBe(true);
    expect(position.seen({ id: 'other', lastMutationDate: latest })).toBe(false);
  });

  it('does not count a page of records read already as progress', () => {
    const position = new MutationPosition(null);
    expect(position.advance([row('a', 2), row('b', 2)])).toBe(true);
    expect(position.advance([row('a', 2), row('b', 2)])).toBe(false);
    position.closeLatest();
    expect(position.inclusive).toBe(false);
  });

  it('ignores rows without an id or a readable date', () => {
    const position = new MutationPosition(null);
    expect(
      position.advance([
        { id: '', lastMutationDate: at(5) },
        { id: 'x', lastMutationDate: 'soon' },
      ]),
    ).toBe(false);
    expect(position.latest).toBeNull();
  });
});
