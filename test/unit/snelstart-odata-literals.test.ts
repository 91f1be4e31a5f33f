import { allOf, datetime, guid, odataFilter, quote } from '../../api-clients/snelstart/odata-filter';
import { compileFilter } from '../../sandboxes/snelstart/odata/filter-compiler';
import { parseFilter } from '../../sandboxes/snelstart/odata/filter-parser';
import { relatieModel } from '../../sandboxes/snelstart/model/models';

describe('OData filter building (client)', () => {
  it('quotes strings and doubles single quotes', () => {
    expect(quote("O'Brien")).toBe("'O''Brien'");
    expect(odataFilter`Naam eq ${"x' or 1 eq 1 or Naam eq '"}`).toBe("Naam eq 'x'' or 1 eq 1 or Naam eq '''");
  });

  it('writes numbers, booleans, null, guids and datetimes as OData literals', () => {
    const id = '6f1c8e64-1d2b-4c3a-9f00-0a0b0c0d0e01';
    expect(odataFilter`Relatiecode eq ${42} and Nonactief eq ${false} and Email ne ${null}`).toBe(
      'Relatiecode eq 42 and Nonactief eq false and Email ne null',
    );
    expect(odataFilter`Id eq ${guid(id)}`).toBe(`Id eq guid'${id}'`);
    expect(odataFilter`ModifiedOn gt ${datetime('2024-03-01T10:00:00.123')}`).toBe(
      "ModifiedOn gt datetime'2024-03-01T10:00:00.123'",
    );
  });

  it('refuses values that are not what the literal type says', () => {
    expect(() => guid("x' or 1 eq 1")).toThrow(TypeError);
    expect(() => datetime('2024-03-01T10:00:00Z')).toThrow(/zone-less/);
    expect(() => odataFilter`Relatiecode eq ${Number.NaN}`).toThrow(TypeError);
  });

  it('joins filters with and', () => {
    expect(allOf(undefined, 'A eq 1')).toBe('A eq 1');
    expect(allOf('A eq 1', 'B eq 2 or C eq 3')).toBe('(A eq 1) and (B eq 2 or C eq 3)');
    expect(allOf()).toBeUndefined();
  });

  it('produces filters the sandbox parses back to the same value', () => {
    const nasty = "Bakkerij 't Hoekje ''quoted''";
    const { matches } = compileFilter(parseFilter(odataFilter`Naam eq ${nasty}`), relatieModel);
    expect(matches({ naam: nasty })).toBe(true);
    expect(matches({ naam: "Bakkerij 't Hoekje" })).toBe(false);
  });
});
