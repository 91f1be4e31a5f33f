import { areaFilters } from '../../activities/sync/tribe-candidates';

describe('areaFilters', () => {
  it('asks for each area with its house numbers, or with none kept separately', () => {
    expect(areaFilters(new Map([['1234', [12, 14]]]))).toEqual([
      "(startswith(VisitingAddress/Postalcode,'1234') and (VisitingAddress/HouseNumber eq 12 or " +
        'VisitingAddress/HouseNumber eq 14 or VisitingAddress/HouseNumber eq null))',
    ]);
  });

  it('splits many areas over requests of at most 3,500 characters, losing none', () => {
    const areas = new Map(Array.from({ length: 500 }, (_, i) => [String(1000 + i), [i + 1]] as const));
    const filters = areaFilters(areas);
    expect(filters.length).toBeGreaterThan(1);
    for (const filter of filters) expect(filter.length).toBeLessThanOrEqual(3_500);
    const asked = filters.flatMap((filter) => [...filter.matchAll(/Postalcode,'(\d{4})'/g)].map((m) => m[1]));
    expect(asked).toEqual([...areas.keys()]);
  });

  it('needs no request for a batch without addresses', () => {
    expect(areaFilters(new Map())).toEqual([]);
  });
});
