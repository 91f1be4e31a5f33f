import { compileFilter } from '../../sandboxes/snelstart/odata/filter-compiler';
import { parseFilter } from '../../sandboxes/snelstart/odata/filter-parser';
import { ODataQueryError } from '../../sandboxes/snelstart/odata/odata-error';
import { parseODataQuery } from '../../sandboxes/snelstart/odata/odata-query';
import { tokenize } from '../../sandboxes/snelstart/odata/tokenizer';
import { relatieModel, verkoopfactuurModel } from '../../sandboxes/snelstart/model/models';

const klant = {
  id: '6f1c8e64-1d2b-4c3a-9f00-0a0b0c0d0e01',
  naam: "O'Brien Bouw",
  relatiecode: 1001,
  relatiesoort: ['Klant'],
  nonactief: false,
  email: null,
  incassoSoort: 'Core',
  modifiedOn: '2024-03-01T10:00:00.000',
  vestigingsAdres: { plaats: 'Utrecht', land: { id: 'AAAAAAAA-1111-5222-8333-444444444444' } },
  extraVeldenKlant: [{ naam: 'lidnummer', waarde: '5299' }],
};
const leverancier = {
  id: '6f1c8e64-1d2b-4c3a-9f00-0a0b0c0d0e02',
  naam: 'Testleverancier',
  relatiecode: 7,
  relatiesoort: ['Leverancier'],
  nonactief: true,
  email: 'inkoop@example.nl',
  incassoSoort: 'Geen',
  modifiedOn: '2024-01-01T00:00:00.000',
  vestigingsAdres: null,
  extraVeldenKlant: [],
};

function matching(filter: string): string[] {
  const { matches } = compileFilter(parseFilter(filter), relatieModel);
  return [klant, leverancier].filter(matches).map((row) => row.naam);
}

describe('OData $filter (sandbox)', () => {
  it('tokenizes typed literals, escaped quotes and numbers', () => {
    const tokens = tokenize(
      "Naam eq 'O''Brien' and Id eq guid'6f1c8e64-1d2b-4c3a-9f00-0a0b0c0d0e01' and X gt -1.5",
    );
    expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'identifier:Naam',
      'identifier:eq',
      "string:O'Brien",
      'identifier:and',
      'identifier:Id',
      'identifier:eq',
      'guid:6f1c8e64-1d2b-4c3a-9f00-0a0b0c0d0e01',
      'identifier:and',
      'identifier:X',
      'identifier:gt',
      'number:-1.5',
      'end:',
    ]);
  });

  it.each([
    ["Naam eq 'O''Brien Bouw'", ["O'Brien Bouw"]],
    ["Naam ne 'Testleverancier'", ["O'Brien Bouw"]],
    ['Relatiecode gt 7', ["O'Brien Bouw"]],
    ['Relatiecode ge 7', ["O'Brien Bouw", 'Testleverancier']],
    ['Relatiecode lt 1001', ['Testleverancier']],
    ['Relatiecode le 1001 and Relatiecode ge 1001', ["O'Brien Bouw"]],
    ["ModifiedOn gt datetime'2024-02-01T00:00:00'", ["O'Brien Bouw"]],
    ["ModifiedOn gt datetime'2024-03-01T10:00:00.000'", []],
    ["ModifiedOn ge datetime'2024-03-01T10:00:00'", ["O'Brien Bouw"]],
    ["startswith(Naam,'O''B') eq true", ["O'Brien Bouw"]],
    ["substringof('leveran', Naam) eq true", ['Testleverancier']],
    ["Relatiesoort/any(r:r eq 'Klant')", ["O'Brien Bouw"]],
    ["Relatiesoort/any(r: r eq 'Eigen')", []],
    ["ExtraVeldenKlant/any(e:e/Waarde eq '5299' and e/Naam eq 'lidnummer')", ["O'Brien Bouw"]],
    ["Id eq guid'6F1C8E64-1D2B-4C3A-9F00-0A0B0C0D0E02'", ['Testleverancier']],
    ["VestigingsAdres/Land/Id eq guid'aaaaaaaa-1111-5222-8333-444444444444'", ["O'Brien Bouw"]],
    ["VestigingsAdres/Plaats eq 'Utrecht'", ["O'Brien Bouw"]],
    ['Email eq null', ["O'Brien Bouw"]],
    ['Email ne null', ['Testleverancier']],
    ["IncassoSoort eq 'Core'", ["O'Brien Bouw"]],
    ['Nonactief eq false', ["O'Brien Bouw"]],
    ['not Nonactief', ["O'Brien Bouw"]],
    ["(Relatiecode eq 7 or Relatiecode eq 1001) and Naam ne 'x'", ["O'Brien Bouw", 'Testleverancier']],
    ["Relatiecode eq 7 or Relatiecode eq 1001 and Naam eq 'x'", ['Testleverancier']],
    ["tolower(Naam) eq 'testleverancier'", ['Testleverancier']],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it.each([
    ['Naam eq', /einde van het filter/],
    ["Naam eq 'open", /Niet afgesloten/],
    ["naam eq 'x'", /Could not find a property named 'naam'/],
    [
      "Bestaatniet eq 'x'",
      /Could not find a property named 'Bestaatniet' on type 'SnelStart.B2B.Api.V2.Models.Relaties.RelatieModel'/,
    ],
    ["Relatiecode eq '7'", /incompatible types/],
    ["Naam eq 'x' and", /einde/],
    ["Id eq guid'not-a-guid'", /Ongeldige guid/],
    ["ModifiedOn gt datetime'yesterday'", /Ongeldige datetime/],
    ["frobnicate(Naam) eq 'x'", /Onbekende functie/],
    ['Naam', /waar\/onwaar/],
    ["Uri eq 'x'", /Could not find a property named 'Uri'/],
    ["Naam eq 'x' $", /Onverwacht teken/],
  ])('rejects %s', (filter, message) => {
    expect(() => compileFilter(parseFilter(filter), relatieModel)).toThrow(ODataQueryError);
    expect(() => compileFilter(parseFilter(filter), relatieModel)).toThrow(message);
  });

  it('resolves nested reference paths such as VerkoopBoeking/Id', () => {
    const id = '11111111-2222-5333-8444-555555555555';
    const { matches, equalities } = compileFilter(
      parseFilter(`VerkoopBoeking/Id eq guid'${id}' and Factuurnummer eq 'F-1'`),
      verkoopfactuurModel,
    );
    expect(matches({ verkoopBoeking: { id }, factuurnummer: 'F-1' })).toBe(true);
    expect(matches({ verkoopBoeking: null, factuurnummer: 'F-1' })).toBe(false);
    expect(equalities).toEqual([
      { path: 'verkoopBoeking.id', value: id },
      { path: 'factuurnummer', value: 'F-1' },
    ]);
  });

  it('enforces the endpoint $top maximum and reads $skip and $select', () => {
    expect(parseODataQuery({}, { model: relatieModel, maxTop: 25 })).toMatchObject({ top: 25, skip: 0 });
    expect(
      parseODataQuery({ $top: '10', $skip: '30', $select: 'Id,Naam' }, { model: relatieModel, maxTop: 500 }),
    ).toMatchObject({
      top: 10,
      skip: 30,
      select: ['id', 'naam'],
    });
    expect(() => parseODataQuery({ $top: '26' }, { model: relatieModel, maxTop: 25 })).toThrow(
      /limit of '25'/,
    );
    expect(() => parseODataQuery({ $skip: '-1' }, { model: relatieModel, maxTop: 500 })).toThrow(
      ODataQueryError,
    );
    expect(() => parseODataQuery({ $filter: ['a', 'b'] }, { model: relatieModel, maxTop: 500 })).toThrow(
      /more than once/,
    );
  });
});
