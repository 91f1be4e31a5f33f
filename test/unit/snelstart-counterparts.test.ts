import {
  couldBeCounterpart,
  counterpartLockKeys,
  counterpartLookup,
  readableParts,
  snelstartCounterparts,
} from '../../domain/snelstart-counterparts';
import type { SnelStartRelatie } from '../../domain/snelstart-records';
import type { TribeOrganisation } from '../../domain/tribe-records';

const relatie = (id: string, fields: Partial<SnelStartRelatie> = {}): SnelStartRelatie =>
  ({
    id,
    relatiecode: 100,
    naam: 'Bakkerij De Korf B.V.',
    relatiesoort: ['Klant'],
    nonactief: false,
    vestigingsAdres: { straat: 'Dorpsstraat 12a', postcode: '1234ab', plaats: 'Ergens' },
    ...fields,
  }) as SnelStartRelatie;

const organisation = (fields: Partial<TribeOrganisation> = {}): TribeOrganisation => ({
  ID: 'org-1',
  Name: 'Bakkerij de Korf BV',
  DebtorNumber: null,
  CreditorNumber: null,
  VisitingAddress: { Street: 'Dorpsstraat', HouseNumber: 12, HouseNumberSuffix: 'A', Postalcode: '1234 AB' },
  PostalAddress: null,
  ...fields,
});

describe('snelstartCounterparts', () => {
  it.each<[string, Partial<TribeOrganisation>, 'Klant' | 'Leverancier', SnelStartRelatie[], string[]]>([
    ['same name and address', {}, 'Klant', [relatie('a')], ['a:name-address']],
    ['an inactive one counts too', {}, 'Klant', [relatie('a', { nonactief: true })], ['a:name-address']],
    ['another role is another relatie (REL-0065)', {}, 'Leverancier', [relatie('a')], []],
    [
      'another house number',
      {},
      'Klant',
      [relatie('a', { vestigingsAdres: { straat: 'Dorpsstraat 14', postcode: '1234AB' } })],
      [],
    ],
    [
      'found through the postal address',
      {
        VisitingAddress: null,
        PostalAddress: {
          HouseNumber: 12,
          HouseNumberSuffix: 'a',
          Street: 'Dorpsstraat',
          Postalcode: '1234ab',
        },
      },
      'Klant',
      [relatie('a')],
      ['a:name-address'],
    ],
    [
      'debtor number and the same name, no address',
      { DebtorNumber: '0100', VisitingAddress: null },
      'Klant',
      [relatie('a')],
      ['a:number'],
    ],
    [
      'debtor number and the same address under another name',
      { DebtorNumber: '100', Name: 'De Korf Holding' },
      'Klant',
      [relatie('a')],
      ['a:number'],
    ],
    [
      'debtor number and the same correspondentieadres under another name',
      { DebtorNumber: '100', Name: 'De Korf Holding' },
      'Klant',
      [
        relatie('a', {
          vestigingsAdres: { straat: 'Industrieweg 1', postcode: '5555 XX', plaats: 'Elders' },
          correspondentieAdres: { straat: 'Dorpsstraat 12-A', postcode: '1234AB', plaats: 'Ergens' },
        }),
      ],
      ['a:number'],
    ],
    [
      'an organisation without a name is only found by number and address',
      { DebtorNumber: '100', Name: '' },
      'Klant',
      [relatie('a')],
      ['a:number'],
    ],
    [
      "a number Tribe gave itself, another relatie's code (other name and address): ignored",
      {
        DebtorNumber: '100',
        Name: 'Nieuwe Klant',
        VisitingAddress: { Street: 'Laan', HouseNumber: 3, Postalcode: '9999 ZZ' },
      },
      'Klant',
      [relatie('a')],
      [],
    ],
    [
      'an ignored number still leaves name + address matches',
      { DebtorNumber: '7' },
      'Klant',
      [relatie('a'), relatie('b', { relatiecode: 7, naam: 'X', vestigingsAdres: null })],
      ['a:name-address'],
    ],
    [
      'a number match hides name matches',
      { DebtorNumber: '7' },
      'Klant',
      [relatie('a'), relatie('b', { relatiecode: 7, naam: 'X' })],
      ['b:number'],
    ],
    [
      'creditor number for a Leverancier',
      { CreditorNumber: '55' },
      'Leverancier',
      [relatie('a', { relatiecode: 55, relatiesoort: ['Leverancier'], naam: 'Y' })],
      ['a:number'],
    ],
    [
      'debtor number does not find a Leverancier',
      { DebtorNumber: '55' },
      'Leverancier',
      [relatie('a', { relatiecode: 55, relatiesoort: ['Leverancier'], naam: 'Y' })],
      [],
    ],
    [
      'two alike: both reported',
      {},
      'Klant',
      [relatie('a'), relatie('b', { relatiecode: 101 })],
      ['a:name-address', 'b:name-address'],
    ],
    [
      'system rows never count',
      { DebtorNumber: '-2' },
      'Klant',
      [relatie('a', { relatiecode: -2, naam: 'Klant onbekend' })],
      [],
    ],
    ['no address: no name match', { VisitingAddress: null }, 'Klant', [relatie('a')], []],
  ])('%s', (_case, org, role, relaties, expected) => {
    expect(
      snelstartCounterparts(organisation(org), role, relaties).map((c) => `${c.relatie.id}:${c.rule}`),
    ).toEqual(expected);
  });
});

describe('counterpartLookup', () => {
  it('asks for numeric debtor and creditor numbers and the areas of both addresses', () => {
    expect(
      counterpartLookup([
        organisation({ DebtorNumber: ' 0100 ', CreditorNumber: 'abc' }),
        organisation({
          ID: 'org-2',
          CreditorNumber: '7',
          VisitingAddress: null,
          PostalAddress: { Street: 'Postbus', HouseNumber: 9, Postalcode: '3011ab' },
        }),
      ]),
    ).toEqual({ relatiecodes: [7, 100], postcodeAreas: ['1234', '3011'] });
  });

  it('asks nothing for an organisation without a number or a usable address', () => {
    expect(counterpartLookup([organisation({ VisitingAddress: { Street: 'Dorpsstraat' } })])).toEqual({
      relatiecodes: [],
      postcodeAreas: [],
    });
  });
});

describe('counterpartLockKeys', () => {
  const keys = (org: Partial<TribeOrganisation>, roles: ('Klant' | 'Leverancier')[] = ['Klant']) =>
    counterpartLockKeys('t1', organisation(org), roles);

  it('gives alike organisations a key in common, whatever their spelling', () => {
    const a = keys({ ID: 'org-1', Name: 'Bakkerij de Korf B.V.' });
    const b = keys({ ID: 'org-2', Name: 'bakkerij De Korf BV' });
    expect(a.filter((key) => b.includes(key))).toEqual(['relatie-create:t1:Klant:name:bakkerij de korf bv']);
  });

  it('shares the number key of one role only', () => {
    const klant = keys({ ID: 'org-1', Name: 'A', DebtorNumber: '0042' });
    const other = keys({ ID: 'org-2', Name: 'B', DebtorNumber: '42' });
    const leverancier = keys({ ID: 'org-3', Name: 'C', CreditorNumber: '42' }, ['Leverancier']);
    expect(klant.filter((key) => other.includes(key))).toEqual(['relatie-create:t1:Klant:number:42']);
    expect(klant.filter((key) => leverancier.includes(key))).toEqual([]);
  });

  it('always holds the organisation itself, also without a name or number', () => {
    expect(keys({ ID: 'ORG-9', Name: '', DebtorNumber: null })).toEqual(['relatie-create:t1:org:org-9']);
  });

  it('keeps tenants apart', () => {
    const mine = counterpartLockKeys('t1', organisation(), ['Klant']);
    const theirs = counterpartLockKeys('t2', organisation(), ['Klant']);
    expect(mine.filter((key) => theirs.includes(key))).toEqual([]);
  });
});

describe('couldBeCounterpart (a relatie row that cannot be read)', () => {
  const row = (fields: Record<string, unknown>) =>
    readableParts({ id: 'r', relatiesoort: ['Prospect'], ...fields });
  it.each<[string, Partial<TribeOrganisation>, Record<string, unknown>, boolean]>([
    ['nothing readable: could be anything', {}, { naam: 42 }, true],
    ['the same name', { VisitingAddress: null }, { naam: 'BAKKERIJ DE KORF B.V.' }, true],
    [
      'the same address under another name',
      {},
      { naam: 'Anders', vestigingsAdres: { straat: 'Dorpsstraat 12 A', postcode: '1234AB' } },
      true,
    ],
    ['its code is the debtor number', { DebtorNumber: '0077' }, { relatiecode: 77, naam: 'Anders' }, true],
    [
      'another name, code and address: not this organisation',
      { DebtorNumber: '5' },
      { relatiecode: 77, naam: 'Anders', vestigingsAdres: { straat: 'Laan 1', postcode: '9999ZZ' } },
      false,
    ],
    [
      'an address of the wrong shape is not read',
      {},
      { naam: 'Anders', vestigingsAdres: 'Dorpsstraat 12a' },
      false,
    ],
  ])('%s', (_case, org, fields, expected) => {
    expect(couldBeCounterpart(organisation(org), ['Klant'], row(fields))).toBe(expected);
  });
});
