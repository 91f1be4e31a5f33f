import {
  decideProductMatches,
  decideRelationMatches,
  productBatchLookup,
  relatieMatchKey,
  relatieRoles,
  relationBatchLookup,
  sameRelationNumber,
  systemRowReason,
  tribeOrganisationMatchKeys,
  type RelationLink,
  type RelationMatchDecision,
} from '../../domain/matching';
import type { SnelStartRelatie } from '../../domain/snelstart-records';
import type { TribeOrganisation } from '../../domain/tribe-records';

const T1 = '11111111-1111-1111-1111-111111111111';
const T2 = '22222222-2222-2222-2222-222222222222';
const T3 = '33333333-3333-3333-3333-333333333333';

function klant(id: string, overrides: Partial<SnelStartRelatie> = {}): SnelStartRelatie {
  return {
    id,
    relatiesoort: ['Klant'],
    relatiecode: 1001,
    naam: 'Acme B.V.',
    vestigingsAdres: { straat: 'Dorpsstraat 12-a', postcode: '1234ab', plaats: 'Utrecht' },
    nonactief: false,
    ...overrides,
  };
}

function leverancier(id: string, overrides: Partial<SnelStartRelatie> = {}): SnelStartRelatie {
  return klant(id, { relatiesoort: ['Leverancier'], relatiecode: 2001, ...overrides });
}

function organisation(ID: string, overrides: Partial<TribeOrganisation> = {}): TribeOrganisation {
  return {
    ID,
    Name: 'ACME BV',
    DebtorNumber: null,
    CreditorNumber: null,
    VisitingAddress: {
      Street: 'Dorpsstraat',
      HouseNumber: 12,
      HouseNumberSuffix: 'A',
      Postalcode: '1234 AB',
      City: 'Utrecht',
    },
    PostalAddress: null,
    ...overrides,
  };
}

const elsewhere = { Street: 'Elders', HouseNumber: 1, HouseNumberSuffix: null, Postalcode: '9999 ZZ' };

function decideOne(
  relatie: SnelStartRelatie,
  tribe: TribeOrganisation[],
  links: RelationLink[] = [],
): RelationMatchDecision {
  const [decision] = decideRelationMatches({ relaties: [relatie], links, tribeOrganisations: tribe });
  if (!decision) throw new Error('no decision');
  return decision;
}

type Expected = Partial<Pick<RelationMatchDecision, 'kind' | 'rule' | 'tribeId' | 'candidates'>>;

describe('decideRelationMatches: one relatie', () => {
  const rows: [string, SnelStartRelatie, TribeOrganisation[], RelationLink[], Expected][] = [
    [
      'step 1: linked to an existing organisation',
      klant('s1'),
      [organisation(T1, { Name: 'Totally Different' })],
      [{ snelstartId: 's1', tribeId: T1, role: 'Klant' }],
      { kind: 'linked', rule: 'link', tribeId: T1 },
    ],
    [
      'step 1 wins over a number match elsewhere',
      klant('s1'),
      [organisation(T1, { VisitingAddress: elsewhere }), organisation(T2, { DebtorNumber: '1001' })],
      [{ snelstartId: 's1', tribeId: T1, role: 'Klant' }],
      { kind: 'linked', rule: 'link', tribeId: T1 },
    ],
    [
      'step 1: the linked organisation no longer exists → reported, not re-created or re-matched',
      klant('s1'),
      [organisation(T2, { DebtorNumber: '1001' })],
      [{ snelstartId: 's1', tribeId: T1, role: 'Klant' }],
      { kind: 'missing-link', rule: 'link', tribeId: T1 },
    ],
    [
      'step 2: Klant relatiecode = DebtorNumber',
      klant('s1'),
      [organisation(T1, { Name: 'Renamed', DebtorNumber: '1001', VisitingAddress: elsewhere })],
      [],
      { kind: 'matched', rule: 'number', tribeId: T1 },
    ],
    [
      'step 2: leading zeros and spaces in the Tribe number',
      klant('s1'),
      [organisation(T1, { DebtorNumber: ' 01001 ', VisitingAddress: elsewhere })],
      [],
      { kind: 'matched', rule: 'number', tribeId: T1 },
    ],
    [
      'step 2: Leverancier relatiecode = CreditorNumber',
      leverancier('s1'),
      [organisation(T1, { CreditorNumber: '2001', VisitingAddress: elsewhere })],
      [],
      { kind: 'matched', rule: 'number', tribeId: T1 },
    ],
    [
      'step 2: a Leverancier is not matched on DebtorNumber',
      leverancier('s1', { naam: 'Other' }),
      [organisation(T1, { DebtorNumber: '2001' })],
      [],
      { kind: 'create', rule: 'no-match' },
    ],
    [
      'step 2: a Klant is not matched on CreditorNumber',
      klant('s1', { naam: 'Other' }),
      [organisation(T1, { CreditorNumber: '1001' })],
      [],
      { kind: 'create', rule: 'no-match' },
    ],
    [
      'step 2: a relatie that is both Klant and Leverancier matches either number',
      klant('s1', { relatiesoort: ['Klant', 'Leverancier'], naam: 'Other' }),
      [organisation(T1, { CreditorNumber: '1001' })],
      [],
      { kind: 'matched', rule: 'number', tribeId: T1 },
    ],
    [
      'step 2: two organisations with the debtor number → ambiguous, never guessed',
      klant('s1'),
      [organisation(T2, { DebtorNumber: '1001' }), organisation(T1, { DebtorNumber: '1001' })],
      [],
      { kind: 'ambiguous', rule: 'number', candidates: [T1, T2] },
    ],
    [
      'step 2: the only organisation with the number is linked to another Klant → ambiguous',
      klant('s1'),
      [organisation(T1, { DebtorNumber: '1001' })],
      [{ snelstartId: 'other', tribeId: T1, role: 'Klant' }],
      { kind: 'ambiguous', rule: 'number', candidates: [T1] },
    ],
    [
      'step 2: an organisation linked to a Leverancier is still free for the Klant',
      klant('s1'),
      [organisation(T1, { DebtorNumber: '1001' })],
      [{ snelstartId: 'supplier', tribeId: T1, role: 'Leverancier' }],
      { kind: 'matched', rule: 'number', tribeId: T1 },
    ],
    [
      'step 2: a link of unknown role blocks the organisation',
      klant('s1'),
      [organisation(T1, { DebtorNumber: '1001' })],
      [{ snelstartId: 'someone', tribeId: T1, role: null }],
      { kind: 'ambiguous', rule: 'number', candidates: [T1] },
    ],
    [
      'step 2 before step 3: number match wins over a name + address match',
      klant('s1'),
      [
        organisation(T1),
        organisation(T2, { Name: 'Renamed', DebtorNumber: '1001', VisitingAddress: elsewhere }),
      ],
      [],
      { kind: 'matched', rule: 'number', tribeId: T2 },
    ],
    [
      'step 3: name + postcode + number + addition, normalised (B.V./BV, 1234ab/1234 AB, 12-a/12 A)',
      klant('s1'),
      [organisation(T1)],
      [],
      { kind: 'matched', rule: 'name-address', tribeId: T1 },
    ],
    [
      'step 3: Tribe keeps the number in Street',
      klant('s1'),
      [
        organisation(T1, {
          VisitingAddress: { Street: 'Dorpsstraat 12a', HouseNumber: null, Postalcode: '1234AB' },
        }),
      ],
      [],
      { kind: 'matched', rule: 'name-address', tribeId: T1 },
    ],
    [
      'step 3: matches the Tribe postal address too',
      klant('s1'),
      [
        organisation(T1, {
          VisitingAddress: elsewhere,
          PostalAddress: {
            Street: 'Dorpsstraat',
            HouseNumber: 12,
            HouseNumberSuffix: '-a',
            Postalcode: '1234 ab',
          },
        }),
      ],
      [],
      { kind: 'matched', rule: 'name-address', tribeId: T1 },
    ],
    [
      'step 3: correspondentieAdres is used when the vestigingsAdres has no number',
      klant('s1', {
        vestigingsAdres: { straat: 'Dorpsstraat', postcode: '1234 AB' },
        correspondentieAdres: { straat: 'Postbus 55', postcode: '4321 ZX' },
      }),
      [organisation(T1, { VisitingAddress: { Street: 'Postbus', HouseNumber: 55, Postalcode: '4321ZX' } })],
      [],
      { kind: 'matched', rule: 'name-address', tribeId: T1 },
    ],
    [
      'step 3: a different addition is another address',
      klant('s1'),
      [
        organisation(T1, {
          VisitingAddress: {
            Street: 'Dorpsstraat',
            HouseNumber: 12,
            HouseNumberSuffix: 'B',
            Postalcode: '1234 AB',
          },
        }),
      ],
      [],
      { kind: 'create', rule: 'no-match' },
    ],
    [
      'step 3: a missing addition is another address',
      klant('s1'),
      [
        organisation(T1, {
          VisitingAddress: { Street: 'Dorpsstraat', HouseNumber: 12, Postalcode: '1234 AB' },
        }),
      ],
      [],
      { kind: 'create', rule: 'no-match' },
    ],
    [
      'step 3: a different house number is another address',
      klant('s1'),
      [
        organisation(T1, {
          VisitingAddress: {
            Street: 'Dorpsstraat',
            HouseNumber: 14,
            HouseNumberSuffix: 'A',
            Postalcode: '1234 AB',
          },
        }),
      ],
      [],
      { kind: 'create', rule: 'no-match' },
    ],
    [
      'step 3: a different legal form is another name',
      klant('s1', { naam: 'Acme N.V.' }),
      [organisation(T1)],
      [],
      { kind: 'create', rule: 'no-match' },
    ],
    [
      'step 3: without a postcode there is no name match',
      klant('s1', { vestigingsAdres: { straat: 'Dorpsstraat 12a', postcode: null } }),
      [
        organisation(T1, {
          VisitingAddress: {
            Street: 'Dorpsstraat',
            HouseNumber: 12,
            HouseNumberSuffix: 'a',
            Postalcode: null,
          },
        }),
      ],
      [],
      { kind: 'create', rule: 'no-match' },
    ],
    [
      'step 3: without a house number there is no name match',
      klant('s1', { vestigingsAdres: { straat: 'Dorpsstraat', postcode: '1234 AB' } }),
      [
        organisation(T1, {
          VisitingAddress: { Street: 'Dorpsstraat', HouseNumber: null, Postalcode: '1234 AB' },
        }),
      ],
      [],
      { kind: 'create', rule: 'no-match' },
    ],
    [
      'step 3: two organisations with the same name and address → ambiguous',
      klant('s1'),
      [organisation(T2), organisation(T1)],
      [],
      { kind: 'ambiguous', rule: 'name-address', candidates: [T1, T2] },
    ],
    [
      'step 3: the only name match is linked to another Klant → ambiguous',
      klant('s1'),
      [organisation(T1)],
      [{ snelstartId: 'other', tribeId: T1, role: 'Klant' }],
      { kind: 'ambiguous', rule: 'name-address', candidates: [T1] },
    ],
    ['no candidates → create', klant('s1'), [], [], { kind: 'create', rule: 'no-match' }],
    [
      'relatiecode 0 is an ordinary relatie',
      klant('s1', { relatiecode: 0 }),
      [organisation(T1, { DebtorNumber: '0', VisitingAddress: elsewhere })],
      [],
      { kind: 'create', rule: 'no-match' },
    ],
    [
      'no relatiecode: only name + address',
      klant('s1', { relatiecode: null }),
      [organisation(T1)],
      [],
      { kind: 'matched', rule: 'name-address', tribeId: T1 },
    ],
  ];

  test.each(rows)('%s', (_title, relatie, tribe, links, expected) => {
    expect(decideOne(relatie, tribe, links)).toMatchObject(expected);
  });

  test('an ambiguous decision names its candidates in the reason', () => {
    const decision = decideOne(klant('s1'), [
      organisation(T1, { DebtorNumber: '1001' }),
      organisation(T2, { DebtorNumber: '1001' }),
    ]);
    expect(decision.reason).toContain(T1);
    expect(decision.reason).toContain(T2);
    expect(decision.reason).toContain('debtor number 1001');
  });

  test('a missing link says which Tribe organisation is gone', () => {
    const decision = decideOne(klant('s1'), [], [{ snelstartId: 's1', tribeId: T3, role: 'Klant' }]);
    expect(decision.reason).toContain(T3);
    expect(decision.reason).toMatch(/no longer exists/);
  });
});

describe('decideRelationMatches: rows that are not synced', () => {
  test.each<[string, SnelStartRelatie, RelationMatchDecision['rule'], RegExp]>([
    ['own relation (Eigen)', klant('s1', { relatiesoort: ['Eigen'], relatiecode: 1 }), 'system-row', /Eigen/],
    ['own relation, lower case', klant('s1', { relatiesoort: ['eigen'] }), 'system-row', /Eigen/],
    [
      '-1 Leverancier onbekend',
      leverancier('s1', { relatiecode: -1, naam: 'Leverancier onbekend' }),
      'system-row',
      /-1/,
    ],
    ['-2 Klant onbekend', klant('s1', { relatiecode: -2, naam: 'Klant onbekend' }), 'system-row', /-2/],
    ['inactive (nonactief)', klant('s1', { nonactief: true }), 'inactive', /nonactief/],
    ['inactive even when linked', klant('s1', { nonactief: true }), 'inactive', /nonactief/],
    ['no Klant or Leverancier role', klant('s1', { relatiesoort: [] }), 'no-role', /neither/],
    ['no relatiesoort at all', klant('s1', { relatiesoort: null }), 'no-role', /neither/],
  ])('%s → skip', (_title, relatie, rule, reason) => {
    const decision = decideOne(
      relatie,
      [organisation(T1, { DebtorNumber: '1001' })],
      [{ snelstartId: 's1', tribeId: T1, role: 'Klant' }],
    );
    expect(decision).toMatchObject({ kind: 'skip', rule });
    expect(decision.reason).toMatch(reason);
    expect(decision.tribeId).toBeUndefined();
  });

  test.each<[Partial<SnelStartRelatie>, boolean]>([
    [{ relatiesoort: ['Eigen'] }, true],
    [{ relatiesoort: ['Klant', 'Eigen'] }, true],
    [{ relatiecode: -1 }, true],
    [{ relatiecode: -2 }, true],
    [{ relatiecode: -100 }, true],
    [{ relatiecode: 0 }, false],
    [{ relatiecode: null }, false],
    [{ relatiecode: 1 }, false],
  ])('systemRowReason(%j) is a system row: %s', (overrides, isSystem) => {
    expect(systemRowReason(klant('s', overrides)) !== null).toBe(isSystem);
  });
});

describe('decideRelationMatches: a batch', () => {
  const byId = (decisions: RelationMatchDecision[]) =>
    new Map(decisions.map((decision) => [decision.snelstartId, decision]));

  test('a new Klant and a new Leverancier of one organisation share a group key (one organisation, both roles)', () => {
    const decisions = byId(
      decideRelationMatches({
        relaties: [
          klant('k'),
          leverancier('l', {
            naam: 'acme bv',
            vestigingsAdres: { straat: 'Dorpsstraat 12 A', postcode: '1234 AB' },
          }),
        ],
        links: [],
        tribeOrganisations: [],
      }),
    );
    const k = decisions.get('k');
    const l = decisions.get('l');
    expect(k).toMatchObject({ kind: 'create', rule: 'no-match' });
    expect(l).toMatchObject({ kind: 'create', rule: 'no-match' });
    expect(k?.groupKey).toMatch(/^new:/);
    expect(k?.groupKey).toBe(l?.groupKey);
  });

  test('a new Leverancier joins the organisation its Klant is linked to', () => {
    const decisions = byId(
      decideRelationMatches({
        relaties: [klant('k'), leverancier('l')],
        links: [{ snelstartId: 'k', tribeId: T1, role: 'Klant' }],
        tribeOrganisations: [
          organisation(T1, { Name: 'Acme (renamed in Tribe)', VisitingAddress: elsewhere }),
        ],
      }),
    );
    expect(decisions.get('k')).toMatchObject({ kind: 'linked', tribeId: T1, groupKey: `tribe:${T1}` });
    expect(decisions.get('l')).toMatchObject({
      kind: 'matched',
      rule: 'same-organisation',
      tribeId: T1,
      groupKey: `tribe:${T1}`,
    });
  });

  test('a Klant and a Leverancier already linked to one organisation share its group key', () => {
    const decisions = decideRelationMatches({
      relaties: [klant('k'), leverancier('l', { naam: 'Something else' })],
      links: [
        { snelstartId: 'k', tribeId: T1, role: 'Klant' },
        { snelstartId: 'l', tribeId: T1, role: 'Leverancier' },
      ],
      tribeOrganisations: [organisation(T1)],
    });
    expect(decisions.map((decision) => [decision.kind, decision.groupKey])).toEqual([
      ['linked', `tribe:${T1}`],
      ['linked', `tribe:${T1}`],
    ]);
  });

  test('a Klant and a Leverancier matched to different organisations stay apart', () => {
    const decisions = byId(
      decideRelationMatches({
        relaties: [klant('k'), leverancier('l')],
        links: [],
        tribeOrganisations: [
          organisation(T1, { DebtorNumber: '1001', VisitingAddress: elsewhere }),
          organisation(T2, { CreditorNumber: '2001', VisitingAddress: elsewhere }),
        ],
      }),
    );
    expect(decisions.get('k')).toMatchObject({ kind: 'matched', tribeId: T1, groupKey: `tribe:${T1}` });
    expect(decisions.get('l')).toMatchObject({ kind: 'matched', tribeId: T2, groupKey: `tribe:${T2}` });
  });

  test('two Klanten with the same name and address are not merged, and the Leverancier does not guess between them', () => {
    const decisions = byId(
      decideRelationMatches({
        relaties: [klant('k1'), klant('k2', { relatiecode: 1002 }), leverancier('l')],
        links: [],
        tribeOrganisations: [],
      }),
    );
    expect(new Set([...decisions.values()].map((decision) => decision.groupKey)).size).toBe(3);
    expect([...decisions.values()].every((decision) => decision.kind === 'create')).toBe(true);
  });

  test('two Klanten matching one organisation by name + address are both ambiguous', () => {
    const decisions = decideRelationMatches({
      relaties: [klant('k1'), klant('k2', { relatiecode: 1002 })],
      links: [],
      tribeOrganisations: [organisation(T1)],
    });
    expect(decisions.map((decision) => decision.kind)).toEqual(['ambiguous', 'ambiguous']);
    expect(decisions[0]?.candidates).toEqual([T1]);
    expect(decisions[0]?.reason).toContain('1002');
  });

  test('of two Klanten claiming one organisation, the number match beats the name match', () => {
    const decisions = byId(
      decideRelationMatches({
        relaties: [
          klant('byName', { relatiecode: 1002 }),
          klant('byNumber', { naam: 'Renamed', vestigingsAdres: null }),
        ],
        links: [],
        tribeOrganisations: [organisation(T1, { DebtorNumber: '1001' })],
      }),
    );
    expect(decisions.get('byNumber')).toMatchObject({ kind: 'matched', rule: 'number', tribeId: T1 });
    expect(decisions.get('byName')).toMatchObject({ kind: 'ambiguous', candidates: [T1] });
  });

  test('a new Leverancier waits while its Klant is ambiguous', () => {
    const decisions = byId(
      decideRelationMatches({
        relaties: [klant('k'), leverancier('l')],
        links: [],
        tribeOrganisations: [
          organisation(T1, { DebtorNumber: '1001', VisitingAddress: elsewhere }),
          organisation(T2, { DebtorNumber: '1001', VisitingAddress: elsewhere }),
        ],
      }),
    );
    expect(decisions.get('k')).toMatchObject({ kind: 'ambiguous', rule: 'number' });
    expect(decisions.get('l')).toMatchObject({
      kind: 'ambiguous',
      rule: 'same-organisation',
      candidates: [T1, T2],
    });
  });

  test('a new Leverancier waits while its Klant has a missing link', () => {
    const decisions = byId(
      decideRelationMatches({
        relaties: [klant('k'), leverancier('l')],
        links: [{ snelstartId: 'k', tribeId: T3, role: 'Klant' }],
        tribeOrganisations: [],
      }),
    );
    expect(decisions.get('k')).toMatchObject({ kind: 'missing-link', tribeId: T3 });
    expect(decisions.get('l')).toMatchObject({ kind: 'ambiguous', candidates: [T3] });
  });

  test('a skipped Klant does not pull its Leverancier anywhere', () => {
    const decisions = byId(
      decideRelationMatches({
        relaties: [klant('k', { nonactief: true }), leverancier('l')],
        links: [],
        tribeOrganisations: [],
      }),
    );
    expect(decisions.get('l')).toMatchObject({ kind: 'create', groupKey: 'relatie:l' });
  });

  test('decisions come back in input order, one per relatie', () => {
    const relaties = [leverancier('c'), klant('a', { naam: 'X' }), klant('b', { relatiesoort: ['Eigen'] })];
    expect(
      decideRelationMatches({ relaties, links: [], tribeOrganisations: [] }).map(
        (decision) => decision.snelstartId,
      ),
    ).toEqual(['c', 'a', 'b']);
  });
});

describe('relationBatchLookup', () => {
  test('collects what the batch must look up in Tribe', () => {
    const lookup = relationBatchLookup(
      [
        klant('k1', { relatiecode: 1001 }),
        klant('k2', { relatiecode: 99, vestigingsAdres: { straat: 'Kerkweg 1', postcode: '5678 cd' } }),
        leverancier('l1', { relatiecode: 2001, vestigingsAdres: { straat: 'Kerkweg', postcode: '1111 AA' } }),
        klant('linked', { relatiecode: 3001 }),
        klant('eigen', { relatiesoort: ['Eigen'], relatiecode: 5 }),
        klant('inactive', { relatiecode: 7, nonactief: true }),
        klant('unknown', { relatiecode: -2 }),
      ],
      [{ snelstartId: 'linked', tribeId: T2, role: 'Klant' }],
    );
    expect(lookup).toEqual({
      linkedTribeIds: [T2],
      debtorNumbers: ['99', '1001'],
      creditorNumbers: ['2001'],
      postcodes: ['1234 AB', '5678 CD'],
      postcodeSpellings: ['1234 AB', '1234AB', '1234 ab', '1234ab', '5678 CD', '5678CD', '5678 cd', '5678cd'],
      // l1 has no house number, so it is never matched by name + address and needs no area look-up.
      houseNumbersByArea: new Map([
        ['1234', [12]],
        ['5678', [1]],
      ]),
    });
  });
});

describe('match keys and numbers', () => {
  test('SnelStart and Tribe spellings of one organisation give the same key', () => {
    const key = relatieMatchKey(klant('s'));
    expect(key).not.toBeNull();
    expect(tribeOrganisationMatchKeys(organisation(T1))).toEqual([key]);
  });

  test.each<[string | null, number, boolean]>([
    ['1001', 1001, true],
    ['01001', 1001, true],
    [' 1001 ', 1001, true],
    ['1001a', 1001, false],
    ['D-1001', 1001, false],
    ['', 1001, false],
    [null, 1001, false],
  ])('sameRelationNumber(%j, %d) = %s', (tribe, code, same) => {
    expect(sameRelationNumber(tribe, code)).toBe(same);
  });

  test.each<[string[] | null, string[]]>([
    [['Klant'], ['Klant']],
    [['leverancier'], ['Leverancier']],
    [
      ['Leverancier', 'Klant'],
      ['Klant', 'Leverancier'],
    ],
    [['Eigen'], []],
    [null, []],
  ])('relatieRoles(%j) = %j', (relatiesoort, roles) => {
    expect(relatieRoles({ relatiesoort })).toEqual(roles);
  });
});

describe('products', () => {
  const links = [
    { snelstartId: 'a1', tribeId: T1 },
    { snelstartId: 'a2', tribeId: T2 },
    { snelstartId: 'a4', tribeId: T3 },
  ];

  test.each<[string, { id: string; isNonActief?: boolean }, Record<string, unknown>]>([
    ['linked to an existing product', { id: 'a1' }, { kind: 'linked', rule: 'link', tribeId: T1 }],
    [
      'linked product was deleted in Tribe',
      { id: 'a2' },
      { kind: 'missing-link', rule: 'link', tribeId: T2 },
    ],
    ['not linked → create', { id: 'a3' }, { kind: 'create', rule: 'no-match' }],
    [
      'inactive and linked → stays linked (Tribe becomes inactive)',
      { id: 'a4', isNonActief: true },
      { kind: 'linked', tribeId: T3 },
    ],
    ['inactive and not linked → skip', { id: 'a5', isNonActief: true }, { kind: 'skip', rule: 'inactive' }],
  ])('%s', (_title, artikel, expected) => {
    const [decision] = decideProductMatches({
      artikelen: [artikel],
      links,
      existingTribeProductIds: new Set([T1, T3]),
    });
    expect(decision).toMatchObject({ snelstartId: artikel.id, ...expected });
  });

  test('only linked products need fetching', () => {
    expect(productBatchLookup([{ id: 'a2' }, { id: 'a1' }, { id: 'a9' }], links)).toEqual({
      linkedTribeIds: [T1, T2],
    });
  });
});
