import type { FilterExpression, Operand } from '../../sandboxes/tribe/odata/filter-ast';
import { compileFilter } from '../../sandboxes/tribe/odata/filter-compiler';
import { parseFilter } from '../../sandboxes/tribe/odata/filter-parser';
import { planCandidates } from '../../sandboxes/tribe/odata/filter-planner';
import { runQuery } from '../../sandboxes/tribe/odata/query-executor';
import { findEntitySet } from '../../sandboxes/tribe/model/entity-sets';
import { loadSeed } from '../../sandboxes/tribe/store/seed-loader';
import { TenantData } from '../../sandboxes/tribe/store/tenant-data';

function show(expression: FilterExpression): string {
  switch (expression.kind) {
    case 'logical':
      return `(${show(expression.left)} ${expression.operator} ${show(expression.right)})`;
    case 'not':
      return `not ${show(expression.operand)}`;
    case 'comparison':
      return `[${operand(expression.left)} ${expression.operator} ${operand(expression.right)}]`;
    case 'function':
      return `${expression.name}(${expression.args.map(operand).join(', ')})`;
    case 'value':
      return `value(${operand(expression.operand)})`;
  }
}

function operand(value: Operand): string {
  if (value.kind === 'path') return value.segments.join('/');
  const literal = value.literal;
  if (literal.type === 'null') return 'null';
  if (literal.type === 'datetime') return `datetime:${new Date(literal.value).toISOString()}`;
  return `${literal.type}:${String(literal.value)}`;
}

describe('Tribe $filter parser', () => {
  it.each([
    ["Name eq 'ACME'", '[Name eq string:ACME]'],
    ["Name eq 'O''Brien'", "[Name eq string:O'Brien]"],
    ["Name eq ''", '[Name eq string:]'],
    ["Phase/Code eq 'Sent'", '[Phase/Code eq string:Sent]'],
    [
      'Organization/ID eq 6F1C0F5E-1D2B-4C3A-9E8F-0A1B2C3D4E5F',
      '[Organization/ID eq guid:6f1c0f5e-1d2b-4c3a-9e8f-0a1b2c3d4e5f]',
    ],
    [
      'LastMutationDate gt 2026-01-01T00:00:00.000Z',
      '[LastMutationDate gt datetime:2026-01-01T00:00:00.000Z]',
    ],
    [
      'LastMutationDate ge 2024-01-01T00:00:00+01:00',
      '[LastMutationDate ge datetime:2023-12-31T23:00:00.000Z]',
    ],
    ['CreationDate lt 2024-05-17T12:43:48Z', '[CreationDate lt datetime:2024-05-17T12:43:48.000Z]'],
    ['InvoiceDate le 2026-02-28', '[InvoiceDate le date:2026-02-28]'],
    ['Price gt -1.5', '[Price gt number:-1.5]'],
    ['HouseNumber eq 12', '[HouseNumber eq number:12]'],
    ['IsInactive eq true', '[IsInactive eq boolean:true]'],
    ['Website eq null', '[Website eq null]'],
    ['Website ne null', '[Website ne null]'],
    ["'ACME' eq Name", '[string:ACME eq Name]'],
    ['A eq 1 or B eq 2 and C eq 3', '([A eq number:1] or ([B eq number:2] and [C eq number:3]))'],
    ['(A eq 1 or B eq 2) and C eq 3', '(([A eq number:1] or [B eq number:2]) and [C eq number:3])'],
    ['A eq 1 and B eq 2 and C eq 3', '(([A eq number:1] and [B eq number:2]) and [C eq number:3])'],
    ["not contains(Name,'bv')", 'not contains(Name, string:bv)'],
    ['not (A eq 1)', 'not [A eq number:1]'],
    ['not A eq 1', 'not [A eq number:1]'],
    [
      "startswith(Name, 'Ac') and endswith(Name,'BV')",
      '(startswith(Name, string:Ac) and endswith(Name, string:BV))',
    ],
    ['IsInactive', 'value(IsInactive)'],
    ['not IsInactive', 'not value(IsInactive)'],
    ["  Name   eq\t'x'  ", '[Name eq string:x]'],
    ["contains(Name,'a (b), c')", 'contains(Name, string:a (b), c)'],
  ])('parses %s', (source, expected) => {
    expect(show(parseFilter(source))).toBe(expected);
  });

  it.each([
    ["Code in ('a','b')", /Operator 'in' is not supported/],
    ['Flags has 1', /Operator 'has' is not supported/],
    ["Name+eq+'x'", /unexpected character '\+' at position 4 \(a space must be encoded as %20/],
    ["Name eq 'x", /Unterminated string/],
    ["tolower(Name) eq 'x'", /Function 'tolower' is not supported/],
    ["substringof('x',Name)", /Function 'substringof' is not supported/],
    ['Price add 1 eq 2', /Operator 'add' is not supported/],
    ['Name eq', /unexpected end/],
    ["Name eq 'a' 'b'", /unexpected 'b'/],
    ['', /empty/],
    ["(Name eq 'a'", /unexpected end/],
    ["Name eq 'a')", /unexpected '\)'/],
    ["Name eq 'a' and", /unexpected end/],
    ["Name @ 'a'", /unexpected character '@'/],
    ['LastMutationDate gt 2026-13-45T99:99:99Z', /Invalid DateTimeOffset/],
    ['eq eq 1', /unexpected 'eq'/],
  ])('rejects %s', (source, message) => {
    expect(() => parseFilter(source)).toThrow(message);
  });

  it('reports syntax errors as 400 InvalidQuery', () => {
    expect(() => parseFilter('Code in (1)')).toThrow(
      expect.objectContaining({ status: 400, code: 'InvalidQuery' }),
    );
  });
});

describe('Tribe $filter evaluation', () => {
  const data = new TenantData();
  const countryNl = '11111111-1111-4111-8111-111111111111';
  loadSeed(
    data,
    {
      Datastore_Country: [{ ID: countryNl, Code: 'NL', Name: 'Nederland' }],
      Relation_Organization: [
        {
          ID: 'aaaaaaaa-0000-4000-8000-000000000001',
          Name: 'ACME BV',
          DebtorNumber: '1001',
          Website: 'acme.nl',
          VisitingAddress: { ID: 'bbbbbbbb-0000-4000-8000-000000000001' },
          LastMutationDate: '2026-01-01T10:00:00.000Z',
        },
        {
          ID: 'aaaaaaaa-0000-4000-8000-000000000002',
          Name: "O'Brien Holding",
          DebtorNumber: '1002',
          LastMutationDate: '2026-01-02T10:00:00.000Z',
        },
        {
          ID: 'aaaaaaaa-0000-4000-8000-000000000003',
          Name: 'Bakker Bouw',
          CreditorNumber: '2001',
          LastMutationDate: '2026-01-03T10:00:00.000Z',
        },
      ],
      Address: [
        {
          ID: 'bbbbbbbb-0000-4000-8000-000000000001',
          Street: 'Kerkstraat',
          HouseNumber: 12,
          City: 'Nijmegen',
          Organization: { ID: 'aaaaaaaa-0000-4000-8000-000000000001' },
          Country: { ID: countryNl },
        },
      ],
    },
    { tenantKey: 'filter-test' },
  );
  const organizations = findEntitySet('Relation_Organization')!;
  const addresses = findEntitySet('Address')!;

  function namesMatching(source: string): string[] {
    const predicate = compileFilter(data, organizations, parseFilter(source));
    return [...data.table('Relation_Organization').values()]
      .filter(predicate)
      .map((record) => record.Name as string)
      .filter((name) => name !== 'Eigen Organisatie B.V.');
  }

  it.each([
    ["contains(Name,'acme')", ['ACME BV']],
    ["startswith(Name,'o''b')", ["O'Brien Holding"]],
    ["endswith(Name,'BOUW')", ['Bakker Bouw']],
    ["Name eq 'acme bv'", []],
    ["DebtorNumber eq '1001' or CreditorNumber eq '2001'", ['ACME BV', 'Bakker Bouw']],
    ['Website eq null and DebtorNumber ne null', ["O'Brien Holding"]],
    ["VisitingAddress/City eq 'Nijmegen'", ['ACME BV']],
    ["VisitingAddress/Country/Code eq 'NL'", ['ACME BV']],
    ['VisitingAddress eq null', ["O'Brien Holding", 'Bakker Bouw']],
    ['VisitingAddress/HouseNumber ge 12', ['ACME BV']],
    ['LastMutationDate gt 2026-01-02T10:00:00.000Z', ['Bakker Bouw']],
    ['LastMutationDate ge 2026-01-02T11:00:00+01:00', ["O'Brien Holding", 'Bakker Bouw']],
    ["not contains(Name,'b')", []],
    ["not (DebtorNumber eq '1001')", ["O'Brien Holding", 'Bakker Bouw']],
    ['IsActive', ['ACME BV', "O'Brien Holding", 'Bakker Bouw']],
  ])('%s', (source, expected) => {
    expect(namesMatching(source)).toEqual(expected);
  });

  it('follows GUID navigations from addresses', () => {
    const predicate = compileFilter(
      data,
      addresses,
      parseFilter('Organization/ID eq AAAAAAAA-0000-4000-8000-000000000001'),
    );
    expect([...data.table('Address').values()].filter(predicate)).toHaveLength(1);
  });

  it.each([
    ['Name eq 5', /Cannot compare Name \(string\) with 5 \(number\)/],
    [
      "VisitingAddress/ID eq 'bbbbbbbb-0000-4000-8000-000000000001'",
      /Cannot compare .*\(guid\) with .*\(string\)/,
    ],
    ['Unknown eq 1', /Property 'Unknown' does not exist on Relation_Organization/],
    ['VisitingAddress/Nope eq 1', /does not exist behind/],
    ['DebtorNumber gt null', /cannot compare with null/],
    ['VisitingAddress eq aaaaaaaa-0000-4000-8000-000000000001', /can only be compared with null/],
    ['IsActive gt true', /does not apply to booleans/],
    ['Name', /is not a boolean condition/],
    ['contains(Name, 5)', /needs text arguments/],
    ['LastMutationDate gt 2026-01-01', /Cannot compare LastMutationDate \(datetime\) with .* \(date\)/],
  ])('rejects %s', (source, message) => {
    expect(() => compileFilter(data, organizations, parseFilter(source))).toThrow(message);
  });

  it('plans index look-ups instead of scans where it can', () => {
    const table = data.table('Relation_Organization');
    const plan = (source: string) => planCandidates(table, parseFilter(source));
    expect(plan("DebtorNumber eq '1001'")).toEqual({
      kind: 'ids',
      ids: new Set(['aaaaaaaa-0000-4000-8000-000000000001']),
    });
    expect(plan("DebtorNumber eq '1001' or DebtorNumber eq '1002'")).toMatchObject({ kind: 'ids' });
    expect(
      (plan("DebtorNumber eq '1001' or DebtorNumber eq '1002'") as { ids: ReadonlySet<string> }).ids.size,
    ).toBe(2);
    expect(plan("contains(Name,'x') and ImportId eq 'k'")).toMatchObject({ kind: 'ids' });
    expect(
      plan('LastMutationDate gt 2026-01-01T00:00:00Z and LastMutationDate le 2026-02-01T00:00:00Z'),
    ).toEqual({
      kind: 'modified',
      lower: { ms: Date.parse('2026-01-01T00:00:00Z'), inclusive: false },
      upper: { ms: Date.parse('2026-02-01T00:00:00Z'), inclusive: true },
    });
    expect(plan("contains(Name,'x')")).toEqual({ kind: 'scan' });
    expect(plan("DebtorNumber eq '1' or contains(Name,'x')")).toEqual({ kind: 'scan' });
    expect(
      planCandidates(
        data.table('Address'),
        parseFilter('Organization/ID eq aaaaaaaa-0000-4000-8000-000000000001'),
      ),
    ).toMatchObject({
      kind: 'ids',
    });
  });
});

describe('Tribe startswith through the prefix index', () => {
  const data = new TenantData();
  const org = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const address = (n: number) => `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const postcodes = ['1234 AB', '1234AC', '1235 AB', '6511 XY', '12', 'abcd ef', 'ABCD EG', null];
  loadSeed(
    data,
    {
      Relation_Organization: postcodes.map((_, i) => ({
        ID: org(i),
        Name: i % 2 === 0 ? `Bakkerij ${i}` : `bakkerij ${i}`,
        VisitingAddress: { ID: address(i) },
        LastMutationDate: `2026-01-0${(i % 9) + 1}T10:00:00.000Z`,
      })),
      Address: postcodes.map((postcode, i) => ({
        ID: address(i),
        Street: 'Dorpsstraat',
        Postalcode: postcode,
        Organization: { ID: org(i) },
      })),
    },
    { tenantKey: 'prefix-test' },
  );
  const table = data.table('Relation_Organization');
  const organizations = findEntitySet('Relation_Organization')!;

  it.each([
    "startswith(VisitingAddress/Postalcode,'1234')",
    "startswith(VisitingAddress/Postalcode,'1234 A')",
    "startswith(VisitingAddress/Postalcode,'1234') or startswith(VisitingAddress/Postalcode,'6511')",
    "startswith(VisitingAddress/Postalcode,'ABCD')",
    "startswith(Name,'BAKKERIJ')",
  ])('%s: uses an index and finds exactly what a scan finds', (source) => {
    const filter = parseFilter(source);
    expect(planCandidates(table, filter, data)).toMatchObject({ kind: 'ids' });
    const predicate = compileFilter(data, organizations, filter);
    const scanned = [...table.values()].filter(predicate).map((record) => record.ID);
    const planned = runQuery(data, table, { filter, orderby: [], skip: 0 } as never).rows.map((r) => r.ID);
    expect(planned.sort()).toEqual(scanned.sort());
    expect(scanned.length).toBeGreaterThan(0);
  });

  it('scans for prefixes too short for the index', () => {
    expect(planCandidates(table, parseFilter("startswith(VisitingAddress/Postalcode,'12')"), data)).toEqual({
      kind: 'scan',
    });
  });
});

describe('Tribe or-chains of area look-ups', () => {
  const data = new TenantData();
  const org = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const address = (n: number) => `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`;
  // Twelve organisations in each of two areas, house numbers 1 to 12; the last of each area has none.
  const places = [...Array(24).keys()].map((i) => ({
    postcode: `${i < 12 ? '1234' : '6511'} A${String.fromCharCode(65 + (i % 12))}`,
    houseNumber: i % 12 === 11 ? null : (i % 12) + 1,
  }));
  /** The areas' organisations and addresses, with `extra` organisations after them. */
  const seedAreas = (into: TenantData, tenantKey: string, extra: Array<Record<string, unknown>> = []) =>
    loadSeed(
      into,
      {
        Relation_Organization: [
          ...places.map((_, i) => ({
            ID: org(i),
            Name: `Bakkerij ${i}`,
            VisitingAddress: { ID: address(i) },
          })),
          ...extra,
        ],
        Address: places.map((place, i) => ({
          ID: address(i),
          Street: 'Dorpsstraat',
          Postalcode: place.postcode,
          HouseNumber: place.houseNumber,
          Organization: { ID: org(i) },
        })),
      },
      { tenantKey },
    );
  seedAreas(data, 'area-test');
  const table = data.table('Relation_Organization');
  const organizations = findEntitySet('Relation_Organization')!;
  const source =
    "(startswith(VisitingAddress/Postalcode,'1234') and (VisitingAddress/HouseNumber eq 3 or VisitingAddress/HouseNumber eq null))" +
    " or (startswith(VisitingAddress/Postalcode,'6511') and VisitingAddress/HouseNumber eq 5)";

  it('offers only the records one of the areas matches, not every record of both areas', () => {
    const plan = planCandidates(table, parseFilter(source), data);
    expect(plan).toEqual({ kind: 'ids', ids: new Set([org(2), org(11), org(16)]) });
  });

  it('finds exactly what a scan finds', () => {
    const filter = parseFilter(source);
    const predicate = compileFilter(data, organizations, filter);
    const scanned = [...table.values()].filter(predicate).map((record) => record.ID);
    const planned = runQuery(data, table, { filter, orderby: [], skip: 0 } as never).rows.map((r) => r.ID);
    expect(planned.sort()).toEqual(scanned.sort());
    expect(scanned).toHaveLength(3);
  });

  it('runs a conjunction through one navigation on the addresses, then follows back only the matches', () => {
    const plan = planCandidates(
      table,
      parseFilter("startswith(VisitingAddress/Postalcode,'1234') and VisitingAddress/HouseNumber eq 4"),
      data,
    );
    expect(plan).toEqual({ kind: 'ids', ids: new Set([org(3)]) });
  });

  it('reads a postcode area with house numbers from the index that holds both, not from the whole area', () => {
    const plan = planCandidates(
      data.table('Address'),
      parseFilter("startswith(Postalcode,'1234') and (HouseNumber eq 3 or HouseNumber eq null)"),
      data,
    );
    expect(plan).toEqual({ kind: 'ids', ids: new Set([address(2), address(11)]) });
  });

  describe('plans never lose a record a scan finds', () => {
    // One organisation without a visiting address: `eq null` through the navigation holds for it.
    const withGaps = new TenantData();
    seedAreas(withGaps, 'gaps-test', [{ ID: org(90), Name: 'Zonder adres' }]);
    const gaps = withGaps.table('Relation_Organization');
    it.each([
      "startswith(VisitingAddress/Postalcode,'1234') and VisitingAddress/HouseNumber eq null",
      "startswith(VisitingAddress/Postalcode,'6511') and not (VisitingAddress/HouseNumber eq 5)",
      'VisitingAddress/HouseNumber eq null and VisitingAddress/Street eq null',
      "VisitingAddress/HouseNumber eq null and not startswith(VisitingAddress/Postalcode,'1234')",
      "VisitingAddress/Street eq 'Dorpsstraat' and VisitingAddress/HouseNumber eq 7",
      "startswith(VisitingAddress/Postalcode,'1234') and startswith(Name,'Bakkerij')",
      "startswith(VisitingAddress/Postalcode,'1234 a') and (VisitingAddress/HouseNumber eq 1 or VisitingAddress/HouseNumber eq 12)",
      "startswith(VisitingAddress/Postalcode,'1234 AC') and VisitingAddress/HouseNumber eq 3",
      "VisitingAddress/HouseNumber eq 4 and startswith(VisitingAddress/Postalcode,'6511')",
    ])('%s', (source) => {
      const filter = parseFilter(source);
      const predicate = compileFilter(withGaps, organizations, filter);
      const scanned = [...gaps.values()].filter(predicate).map((record) => record.ID);
      const planned = runQuery(withGaps, gaps, { filter, orderby: [], skip: 0 } as never).rows.map(
        (r) => r.ID,
      );
      expect(planned.sort()).toEqual(scanned.sort());
    });
  });
});
