import {
  buildODataQueryString,
  odataAnyOf,
  odataDateTimeOffset,
  odataGuid,
  odataString,
  TribeInputError,
} from '../../api-clients/tribe';
import { parseQueryOptions } from '../../sandboxes/tribe/odata/query-options';
import { parseTribeQueryString } from '../../sandboxes/tribe/odata/query-string';

describe('Tribe query-string decoding (sandbox)', () => {
  it('decodes %20 as a space but keeps a literal + as a plus sign', () => {
    const parameters = parseTribeQueryString("$filter=Name%20eq%20'A+B'&$top=5");
    expect(parameters.get('$filter')).toBe("Name eq 'A+B'");
    expect(parameters.get('$top')).toBe('5');
  });

  it('keeps the + of an unencoded DateTimeOffset offset', () => {
    const parameters = parseTribeQueryString('$filter=LastMutationDate%20ge%202024-01-01T00:00:00+01:00');
    expect(parameters.get('$filter')).toBe('LastMutationDate ge 2024-01-01T00:00:00+01:00');
  });

  it('so a form-encoded filter reaches the parser with plus signs and fails', () => {
    const filter = parseTribeQueryString("$filter=Name+eq+'x'").get('$filter') ?? '';
    expect(() => parseQueryOptions(new Map([['$filter', filter]]))).toThrow(/unexpected character '\+'/);
  });

  it('rejects malformed percent-encoding and repeated options', () => {
    expect(() => parseTribeQueryString('$filter=%E0%A4%A')).toThrow(/Malformed percent-encoding/);
    expect(() => parseTribeQueryString('$top=1&$top=2')).toThrow(/more than once/);
  });
});

describe('Tribe query options (sandbox)', () => {
  const options = (entries: Record<string, string>) => parseQueryOptions(new Map(Object.entries(entries)));

  it('parses nested $expand with $select and $expand separated by semicolons', () => {
    const parsed = options({
      $expand:
        'Organization($select=Name,PhoneNumber;$expand=VisitingAddress($expand=Country($select=Code))),Phase',
    });
    expect(parsed.expand.map((item) => item.name)).toEqual(['Organization', 'Phase']);
    const organization = parsed.expand[0]!.options;
    expect(organization.select).toEqual(['Name', 'PhoneNumber']);
    expect(organization.expand[0]!.name).toBe('VisitingAddress');
    expect(organization.expand[0]!.options.expand[0]!.options.select).toEqual(['Code']);
  });

  it('parses $orderby keys with directions, $top, $skip and $count', () => {
    const parsed = options({
      $orderby: 'Phase/Code desc, Name asc,ID',
      $top: '10',
      $skip: '20',
      $count: 'true',
    });
    expect(parsed.orderby).toEqual([
      { segments: ['Phase', 'Code'], descending: true },
      { segments: ['Name'], descending: false },
      { segments: ['ID'], descending: false },
    ]);
    expect(parsed).toMatchObject({ top: 10, skip: 20, count: true });
  });

  it.each([
    [{ $orderby: 'Name+desc' }, /Invalid \$orderby item/],
    [{ $top: '-1' }, /\$top must be a non-negative integer/],
    [{ $skip: 'x' }, /\$skip must be a non-negative integer/],
    [{ $count: 'yes' }, /\$count must be true or false/],
    [{ $search: 'acme' }, /'\$search' is not supported/],
    [{ $expand: 'Organization($levels=2)' }, /not supported inside \$expand/],
    [{ $expand: 'Organization($select=Name' }, /Unbalanced/],
    [{ $select: 'Name,Phone Number' }, /Invalid property 'Phone Number'/],
    [{ $format: 'xml' }, /\$format 'xml' is not supported/],
  ])('rejects %j', (entries, message) => {
    expect(() => options(entries as Record<string, string>)).toThrow(message);
  });
});

describe('Tribe query-string encoding (client)', () => {
  it('encodes spaces as %20 and never as +', () => {
    const query = buildODataQueryString({
      filter: "Name eq 'A B+C' and LastMutationDate gt 2024-01-01T00:00:00+01:00",
      select: ['ID', 'Name'],
      expand: 'VisitingAddress($expand=Country,AddressType)',
      orderby: 'LastMutationDate asc',
      top: 100,
      skip: 200,
      count: true,
    });
    expect(query).not.toMatch(/\+/);
    expect(query).toContain(
      "$filter=Name%20eq%20'A%20B%2BC'%20and%20LastMutationDate%20gt%202024-01-01T00%3A00%3A00%2B01%3A00",
    );
    expect(query).toContain('$select=ID%2CName');
    expect(query).toContain('$orderby=LastMutationDate%20asc');
    expect(query).toContain('$top=100&$skip=200&$count=true');
    expect(parseTribeQueryString(query).get('$filter')).toBe(
      "Name eq 'A B+C' and LastMutationDate gt 2024-01-01T00:00:00+01:00",
    );
  });

  it('leaves out options that are not set and a zero $skip', () => {
    expect(buildODataQueryString({ top: 5, skip: 0 })).toBe('$top=5');
    expect(buildODataQueryString({})).toBe('');
  });

  it('builds safe literals', () => {
    expect(odataString("O'Brien's")).toBe("'O''Brien''s'");
    expect(odataGuid('6F1C0F5E-1D2B-4C3A-9E8F-0A1B2C3D4E5F')).toBe('6f1c0f5e-1d2b-4c3a-9e8f-0a1b2c3d4e5f');
    expect(() => odataGuid("x' or 1 eq 1 or ID eq 'y")).toThrow(TribeInputError);
    expect(odataDateTimeOffset('2024-01-01T00:00:00+01:00')).toBe('2023-12-31T23:00:00.000Z');
    expect(odataDateTimeOffset(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('2026-01-02T03:04:05.006Z');
    expect(() => odataDateTimeOffset('yesterday')).toThrow(TribeInputError);
    expect(odataAnyOf('DebtorNumber', ["'1'", "'2'"])).toBe("(DebtorNumber eq '1' or DebtorNumber eq '2')");
  });
});
