import { areaFilters } from '../../activities/sync/tribe-candidates';

const postcodeAreas = (filter: string, address = 'VisitingAddress') =>
  [...filter.matchAll(new RegExp(`startswith\\(${address}/Postalcode,'(\\d{4})'\\)`, 'g'))].map((m) => m[1]);
const houseNumbers = (filter: string) =>
  [...filter.matchAll(/VisitingAddress\/HouseNumber eq (\d+)/g)].map((m) => Number(m[1]));

describe('areaFilters', () => {
  it('asks for each area by visiting and by postal address, with its house numbers or none kept separately', () => {
    expect(areaFilters(new Map([['1234', [12, 14]]]))).toEqual([
      "(startswith(VisitingAddress/Postalcode,'1234') and (VisitingAddress/HouseNumber eq 12 or " +
        'VisitingAddress/HouseNumber eq 14 or VisitingAddress/HouseNumber eq null)) or ' +
        "(startswith(PostalAddress/Postalcode,'1234') and (PostalAddress/HouseNumber eq 12 or " +
        'PostalAddress/HouseNumber eq 14 or PostalAddress/HouseNumber eq null))',
    ]);
  });

  it('splits many areas over requests of at most 3,500 encoded characters, losing none', () => {
    const areas = new Map(Array.from({ length: 500 }, (_, i) => [String(1000 + i), [i + 1]] as const));
    const filters = areaFilters(areas);
    expect(filters.length).toBeGreaterThan(1);
    for (const filter of filters) expect(encodeURIComponent(filter).length).toBeLessThanOrEqual(3_500);
    expect(filters.flatMap((filter) => postcodeAreas(filter))).toEqual([...areas.keys()]);
    expect(filters.flatMap((filter) => postcodeAreas(filter, 'PostalAddress'))).toEqual([...areas.keys()]);
  });

  it('splits an area with more house numbers than one request holds, asking for every number', () => {
    const numbers = Array.from({ length: 300 }, (_, i) => i + 1);
    const filters = areaFilters(new Map([['3011', numbers]]));
    expect(filters.length).toBeGreaterThan(1);
    for (const filter of filters) {
      expect(encodeURIComponent(filter).length).toBeLessThanOrEqual(3_500);
      expect(postcodeAreas(filter)).toEqual(['3011']);
    }
    expect(filters.flatMap(houseNumbers)).toEqual(numbers);
  });

  it('needs no request for a batch without addresses', () => {
    expect(areaFilters(new Map())).toEqual([]);
  });
});
