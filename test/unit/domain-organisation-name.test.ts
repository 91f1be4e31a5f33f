import { normaliseOrganisationName } from '../../domain/organisation-name';

describe('normaliseOrganisationName', () => {
  test.each<[string | null | undefined, string]>([
    ['Acme B.V.', 'acme bv'],
    ['ACME BV', 'acme bv'],
    ['acme b.v.', 'acme bv'],
    ['Acme b.v', 'acme bv'],
    ['Acme B. V.', 'acme bv'],
    ['Acme B V', 'acme bv'],
    ['Acme Besloten Vennootschap', 'acme bv'],
    ['Acme N.V.', 'acme nv'],
    ['Acme Naamloze Vennootschap', 'acme nv'],
    ['Bakker & Zn V.O.F.', 'bakker & zn vof'],
    ['Bakker&Zn vof', 'bakker & zn vof'],
    ['Jansen Vennootschap onder Firma', 'jansen vof'],
    ['Jansen C.V.', 'jansen cv'],
    ['Jansen B.V.B.A.', 'jansen bvba'],
    ['Coöperatie Zuivel U.A.', 'cooperatie zuivel ua'],
    ['Nieuw B.V. i.o.', 'nieuw bv io'],
    ['  Café   De  Kroon ', 'cafe de kroon'],
    ['Jansen-de Vries', 'jansen de vries'],
    ["'t Hoekje", 't hoekje'],
    ['’t Hoekje', 't hoekje'],
    ['Müller GmbH', 'muller gmbh'],
    ['Straße Bau', 'straße bau'],
    ['Plus+ Retail', 'plus + retail'],
    ['A.B.C. Holding', 'abc holding'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseOrganisationName(input)).toBe(expected);
  });

  test.each<[string, string, boolean]>([
    ['Acme B.V.', 'ACME BV', true],
    ['Acme B.V.', 'acme besloten vennootschap', true],
    ['Acme BV', 'Acme', false],
    ['Acme BV', 'Acme NV', false],
    ['Jansen & Zn', 'Jansen en Zn', false],
    ['St. Jansschool', 'Sint Jansschool', false],
    ['Bakker Jansen', 'Jansen Bakker', false],
  ])('%j and %j are the same name: %s', (a, b, same) => {
    expect(normaliseOrganisationName(a) === normaliseOrganisationName(b)).toBe(same);
  });
});
