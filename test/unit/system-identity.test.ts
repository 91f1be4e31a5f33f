import { identityProblems, type SystemIdentity } from '../../client/operator/system-identity';

const ADMIN_A = '6f1c2b8e-0d7a-4c1e-9a55-1f0e2d3c4b5a';
const ADMIN_B = '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
const CRM_A = '11111111-2222-4333-8444-555555555555';
const CRM_B = '99999999-8888-4777-8666-555555555555';

const identity = (over: Partial<SystemIdentity> = {}): SystemIdentity => ({
  snelstartAdministratieId: ADMIN_A,
  administratieNaam: 'Bakkerij Jansen',
  tribeOwnOrganizationId: CRM_A,
  ...over,
});

describe('identityProblems: new credentials must reach the systems the links point into', () => {
  it.each<[string, SystemIdentity, SystemIdentity, string[]]>([
    ['the same administration and account (a rotated key)', identity(), identity(), []],
    [
      'the same IDs written in another case',
      identity(),
      identity({
        snelstartAdministratieId: ADMIN_A.toUpperCase(),
        tribeOwnOrganizationId: CRM_A.toUpperCase(),
      }),
      [],
    ],
    [
      'the administration renamed in SnelStart',
      identity(),
      identity({ administratieNaam: 'Jansen B.V.' }),
      [],
    ],
    [
      'stored before identities were kept',
      identity({ snelstartAdministratieId: null, tribeOwnOrganizationId: null }),
      identity({ snelstartAdministratieId: ADMIN_B, tribeOwnOrganizationId: CRM_B }),
      [],
    ],
    [
      'SnelStart did not name the administration this time (not confirmed)',
      identity(),
      identity({ snelstartAdministratieId: null }),
      ['snelstart.koppelsleutel'],
    ],
    [
      'another administration',
      identity(),
      identity({ snelstartAdministratieId: ADMIN_B }),
      ['snelstart.koppelsleutel'],
    ],
    ['another Tribe account', identity(), identity({ tribeOwnOrganizationId: CRM_B }), ['tribe.clientId']],
    [
      'both moved',
      identity(),
      identity({ snelstartAdministratieId: ADMIN_B, tribeOwnOrganizationId: CRM_B }),
      ['snelstart.koppelsleutel', 'tribe.clientId'],
    ],
  ])('%s', (_case, stored, live, fields) => {
    expect(identityProblems('acme', stored, live).map((problem) => problem.field)).toEqual(fields);
  });

  it('leaves an unconfirmed system to the live problem that explains it (the key was refused)', () => {
    const live = identity({ snelstartAdministratieId: null, tribeOwnOrganizationId: null });
    expect(identityProblems('acme', identity(), live, { refuseUnconfirmed: false })).toEqual([]);
    expect(
      identityProblems('acme', identity(), identity({ snelstartAdministratieId: ADMIN_B }), {
        refuseUnconfirmed: false,
      }).map((problem) => problem.field),
    ).toEqual(['snelstart.koppelsleutel']);
  });

  it('names both administrations and says what to do instead', () => {
    const [problem] = identityProblems(
      'acme',
      identity(),
      identity({ snelstartAdministratieId: ADMIN_B, administratieNaam: 'Slagerij Pietersen' }),
    );
    expect(problem?.message).toContain(`opens SnelStart administration "Slagerij Pietersen" (${ADMIN_B})`);
    expect(problem?.message).toContain(`tenant "acme" syncs administration "Bakkerij Jansen" (${ADMIN_A})`);
    expect(problem?.message).toContain('activate it as a new tenant');
  });
});
