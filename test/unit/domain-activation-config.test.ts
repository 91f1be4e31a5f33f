import { z } from 'zod';
import {
  activationConfigSchema,
  formatConfigIssues,
  parseActivationConfig,
  splitActivationConfig,
  type ActivationConfig,
} from '../../domain/activation-config';
import { checkSnelStartPackage } from '../../domain/snelstart-package';
import { missingScopeMessages, missingScopes, requiredSnelStartScopes } from '../../domain/snelstart-scopes';

const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const SECRET = 'super-secret-koppelsleutel-value';

function validInput(): Record<string, unknown> {
  return {
    tenantId: 'acme-bv',
    snelstart: { koppelsleutel: SECRET },
    tribe: { clientId: 'client-1', clientSecret: 'tribe-secret-value' },
    mappings: {
      vatGroups: [
        { tribeVatGroupId: guid(1), snelstartBtwSoort: 'Hoog' },
        { tribeVatGroupId: guid(2), snelstartBtwSoort: 'Verlegd' },
      ],
      ledgerAccounts: [{ tribeLedgerAccountId: guid(3), snelstartGrootboekId: guid(4) }],
      relationTypes: {
        customer: true,
        supplier: true,
        extra: ['Relationship_Organization_CommercialRelationship_Prospect'],
      },
      addressTypes: { vestigingsAdres: guid(5), correspondentieAdres: guid(6) },
    },
  };
}

/** Deep-set a value in a copy of the valid input; `undefined` removes the field. */
function withValue(path: (string | number)[], value: unknown): Record<string, unknown> {
  const input = structuredClone(validInput());
  let node: Record<string | number, unknown> = input;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return input;
}

function problemsOf(input: unknown): string[] {
  const result = parseActivationConfig(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('activation config: defaults', () => {
  test('a minimal valid file gets the documented defaults', () => {
    const result = parseActivationConfig(validInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject<Partial<ActivationConfig>>({
      mode: 'invoice',
      incasso: false,
      syncIntervalMinutes: 60,
      rateLimits: { perMinute: 100, perHour: 1000, concurrent: 5 },
    });
    expect(result.config.verkoopordersjabloonId).toBeUndefined();
  });

  test('relation types default to customers and suppliers', () => {
    const result = activationConfigSchema.parse(withValue(['mappings', 'relationTypes'], {}));
    expect(result.mappings.relationTypes).toEqual({ customer: true, supplier: true, extra: [] });
  });

  test('partial rate limits are completed from the test product', () => {
    const result = activationConfigSchema.parse(withValue(['rateLimits'], { perMinute: 500, perHour: 5000 }));
    expect(result.rateLimits).toEqual({ perMinute: 500, perHour: 5000, concurrent: 5 });
  });

  test('sales-order mode with a sjabloon', () => {
    const input = {
      ...withValue(['mode'], 'salesOrder'),
      verkoopordersjabloonId: guid(9),
      incasso: true,
      syncIntervalMinutes: 5,
    };
    expect(parseActivationConfig(input)).toMatchObject({
      ok: true,
      config: { mode: 'salesOrder', verkoopordersjabloonId: guid(9), incasso: true },
    });
  });

  test('settings and credentials are split; the settings hold no secret', () => {
    const config = activationConfigSchema.parse(validInput());
    const { settings, credentials } = splitActivationConfig(config);
    expect(JSON.stringify(settings)).not.toContain(SECRET);
    expect(JSON.stringify(settings)).not.toContain('tribe-secret-value');
    expect(credentials).toEqual({
      snelstart: { koppelsleutel: SECRET },
      tribe: { clientId: 'client-1', clientSecret: 'tribe-secret-value' },
    });
    expect(settings.tenantId).toBe('acme-bv');
  });
});

describe('activation config: every problem names the field and the fix', () => {
  type Row = [string, Record<string, unknown> | unknown, RegExp];
  const rows: Row[] = [
    [
      'tenantId missing',
      withValue(['tenantId'], undefined),
      /^tenantId: is missing; use 2 to 63 lowercase letters/,
    ],
    [
      'tenantId with capitals and spaces',
      withValue(['tenantId'], 'Acme BV'),
      /^tenantId: has the wrong format; use 2 to 63 lowercase/,
    ],
    ['tenantId of one character', withValue(['tenantId'], 'a'), /^tenantId: has the wrong format/],
    [
      'koppelsleutel empty',
      withValue(['snelstart', 'koppelsleutel'], '  '),
      /^snelstart\.koppelsleutel: is empty; paste the koppelsleutel/,
    ],
    [
      'snelstart section missing',
      withValue(['snelstart'], undefined),
      /^snelstart: is missing; add "snelstart": \{ "koppelsleutel"/,
    ],
    [
      'tribe clientSecret missing',
      withValue(['tribe', 'clientSecret'], undefined),
      /^tribe\.clientSecret: is missing; use the client secret of the API application/,
    ],
    [
      'tribe clientId a number',
      withValue(['tribe', 'clientId'], 42),
      /^tribe\.clientId: must be a string; use the client id/,
    ],
    [
      'no VAT mappings',
      withValue(['mappings', 'vatGroups'], []),
      /^mappings\.vatGroups: needs at least 1 entry; list every Tribe VAT group/,
    ],
    [
      'a VAT group id that is no GUID',
      withValue(['mappings', 'vatGroups', 1, 'tribeVatGroupId'], 'hoog'),
      /^mappings\.vatGroups\[1\]\.tribeVatGroupId: is not a GUID; use the ID of a Tribe VAT group/,
    ],
    [
      'an unknown btw soort',
      withValue(['mappings', 'vatGroups', 0, 'snelstartBtwSoort'], 'hoog'),
      /^mappings\.vatGroups\[0\]\.snelstartBtwSoort: must be one of Hoog, Laag, Geen, Overig, Verlegd;/,
    ],
    [
      'a VAT group mapped twice',
      withValue(['mappings', 'vatGroups', 1, 'tribeVatGroupId'], guid(1).toUpperCase()),
      /^mappings\.vatGroups\[1\]\.tribeVatGroupId: maps the same Tribe VAT group as mappings\.vatGroups\[0\]/,
    ],
    [
      'no ledger mappings',
      withValue(['mappings', 'ledgerAccounts'], undefined),
      /^mappings\.ledgerAccounts: is missing; list every Tribe ledger account/,
    ],
    [
      'a grootboek id that is no GUID',
      withValue(['mappings', 'ledgerAccounts', 0, 'snelstartGrootboekId'], '8000'),
      /^mappings\.ledgerAccounts\[0\]\.snelstartGrootboekId: is not a GUID; use the id of a SnelStart grootboek/,
    ],
    [
      'a ledger account mapped twice',
      withValue(['mappings', 'ledgerAccounts', 1], {
        tribeLedgerAccountId: guid(3),
        snelstartGrootboekId: guid(7),
      }),
      /^mappings\.ledgerAccounts\[1\]\.tribeLedgerAccountId: maps the same Tribe ledger account/,
    ],
    [
      'customer not a boolean',
      withValue(['mappings', 'relationTypes', 'customer'], 'yes'),
      /^mappings\.relationTypes\.customer: must be a boolean; use true to export Tribe customers/,
    ],
    [
      'an extra type that is no entity set',
      withValue(['mappings', 'relationTypes', 'extra', 0], 'Prospect'),
      /^mappings\.relationTypes\.extra\[0\]: has the wrong format; use the entity set name of a Tribe relationship type/,
    ],
    [
      'no relation type exported',
      withValue(['mappings', 'relationTypes'], { customer: false, supplier: false }),
      /^mappings\.relationTypes: exports no relation type; set customer and\/or supplier to true/,
    ],
    [
      'address type missing',
      withValue(['mappings', 'addressTypes', 'correspondentieAdres'], undefined),
      /^mappings\.addressTypes\.correspondentieAdres: is missing; use the ID of the Tribe address type/,
    ],
    [
      'both address roles on one type',
      withValue(['mappings', 'addressTypes', 'correspondentieAdres'], guid(5)),
      /^mappings\.addressTypes\.correspondentieAdres: is the same Tribe address type as vestigingsAdres/,
    ],
    [
      'an unknown mode',
      withValue(['mode'], 'orders'),
      /^mode: must be one of invoice, salesOrder; use "invoice"/,
    ],
    [
      'sales-order mode without sjabloon',
      withValue(['mode'], 'salesOrder'),
      /^verkoopordersjabloonId: is required in salesOrder mode/,
    ],
    [
      'a sjabloon id that is no GUID',
      { ...validInput(), verkoopordersjabloonId: 'Standaard' },
      /^verkoopordersjabloonId: is not a GUID; use the id of a SnelStart verkoopordersjabloon/,
    ],
    [
      'incasso as text',
      { ...validInput(), incasso: 'ja' },
      /^incasso: must be a boolean; use true when the tenant collects/,
    ],
    [
      'sync interval below 5 minutes',
      { ...validInput(), syncIntervalMinutes: 1 },
      /^syncIntervalMinutes: must be at least 5; use whole minutes from 5 to 1440/,
    ],
    [
      'sync interval over a day',
      { ...validInput(), syncIntervalMinutes: 2000 },
      /^syncIntervalMinutes: must be at most 1440/,
    ],
    [
      'sync interval not whole',
      { ...validInput(), syncIntervalMinutes: 7.5 },
      /^syncIntervalMinutes: must be a whole number/,
    ],
    [
      'zero calls per minute',
      { ...validInput(), rateLimits: { perMinute: 0 } },
      /^rateLimits\.perMinute: must be at least 1; calls per minute per administratie: 100 for the SnelStart test product/,
    ],
    [
      'more concurrency than SnelStart allows',
      { ...validInput(), rateLimits: { concurrent: 51 } },
      /^rateLimits\.concurrent: must be at most 50/,
    ],
    [
      'per minute above per hour',
      { ...validInput(), rateLimits: { perMinute: 500, perHour: 100 } },
      /^rateLimits\.perMinute: perMinute cannot exceed perHour/,
    ],
    [
      'a misspelt top-level field',
      { ...validInput(), mapping: {} },
      /^"mapping": unknown field; remove it or check the spelling/,
    ],
    ['an unknown nested field', withValue(['tribe', 'secret'], 'x'), /^"secret" in tribe: unknown field/],
    [
      'not an object at all',
      'tenant: acme',
      /^\(activation file\): must be an object; the activation file must be a JSON object/,
    ],
  ];

  test.each(rows)('%s', (_title, input, message) => {
    const problems = problemsOf(input);
    expect(problems).toContainEqual(expect.stringMatching(message));
  });

  test('several problems are all reported, one message each', () => {
    const input = { ...withValue(['tenantId'], 'Bad Id'), syncIntervalMinutes: 0, mode: 'x' };
    expect(problemsOf(input)).toHaveLength(3);
  });

  test('messages never repeat the values given (no secret leaks)', () => {
    const input = withValue(['snelstart'], { koppelsleutel: 42, note: SECRET });
    const text = problemsOf({ ...input, tenantId: SECRET.toUpperCase() }).join('\n');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECRET.toUpperCase());
  });

  test('formatConfigIssues also takes a plain list of issues', () => {
    const error = z
      .object({ syncIntervalMinutes: z.number().max(1440) })
      .safeParse({ syncIntervalMinutes: 9999 }).error;
    expect(formatConfigIssues(error?.issues ?? [])).toEqual([
      'syncIntervalMinutes: must be at most 1440; use whole minutes from 5 to 1440 (default 60)',
    ]);
  });
});

describe('SnelStart package', () => {
  test.each<[string, string]>([
    ['InKaart', 'InKaart'],
    ['InBalans', 'InBalans'],
    ['InZicht', 'InZicht'],
    ['InControle', 'InControle'],
    ['inzicht', 'InZicht'],
    ['In Controle', 'InControle'],
    ['SnelStart inBalans', 'InBalans'],
  ])('%j is supported', (value, expected) => {
    expect(checkSnelStartPackage(value)).toEqual({ ok: true, package: expected });
  });

  test.each<[string | null, RegExp]>([
    [
      'InStap',
      /^SnelStart package InStap is not supported: the koppeling works with SnelStart InKaart, InBalans, InZicht and InControle, not with InStap or Accountant/,
    ],
    ['instap', /package InStap is not supported/],
    [
      'Accountant',
      /^SnelStart package Accountant is not supported: .*InKaart, InBalans, InZicht and InControle, not with InStap or Accountant/,
    ],
    ['Boekhouden Pro', /"Boekhouden Pro" is not recognised: .*InKaart, InBalans, InZicht and InControle/],
    [null, /package is not known: .*not with InStap or Accountant/],
  ])('%j is refused with a message that says what is supported', (value, message) => {
    const check = checkSnelStartPackage(value);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(message);
  });
});

describe('SnelStart scopes', () => {
  test('invoice mode', () => {
    expect(requiredSnelStartScopes({ mode: 'invoice' })).toEqual([
      'artikelen:read',
      'artikelen:write',
      'boekhouden:read',
      'boekhouden:write',
      'documenten:read',
      'documenten:write',
      'orders:read',
      'relaties:read',
      'relaties:write',
      'settings:read',
    ]);
  });

  test('sales-order mode adds orders:write', () => {
    const invoice = requiredSnelStartScopes({ mode: 'invoice' });
    const salesOrder = requiredSnelStartScopes({ mode: 'salesOrder' });
    expect(salesOrder.filter((scope) => !invoice.includes(scope))).toEqual(['orders:write']);
    expect(invoice).not.toContain('orders:write');
  });

  test.each<[string | string[] | null, string[], string[]]>([
    ['relaties:read relaties:write', ['relaties:read', 'relaties:write'], []],
    [
      'relaties:read  artikelen:read',
      ['relaties:read', 'relaties:write', 'artikelen:read'],
      ['relaties:write'],
    ],
    [['RELATIES:READ', ' orders:read '], ['relaties:read', 'orders:read', 'orders:write'], ['orders:write']],
    ['', ['relaties:read'], ['relaties:read']],
    [null, ['relaties:read'], ['relaties:read']],
  ])('token %j, required %j → missing %j', (token, required, expected) => {
    expect(missingScopes(token, required)).toEqual(expected);
  });

  test('one message per missing scope, saying what it is for', () => {
    expect(missingScopeMessages(['orders:write'])).toEqual([
      'The SnelStart koppelsleutel lacks the scope orders:write, needed to create verkooporders; grant it to the koppeling in SnelStart and activate again.',
    ]);
  });
});

describe('activation config: cross-field rules run alongside other problems', () => {
  test('a missing sjabloon and a duplicate VAT group are reported together with a bad tenant id', () => {
    const input = {
      ...withValue(['mappings', 'vatGroups', 1, 'tribeVatGroupId'], guid(1)),
      tenantId: 'Bad Id',
      mode: 'salesOrder',
    };
    const problems = problemsOf(input);
    expect(problems).toEqual([
      expect.stringMatching(/^tenantId:/),
      expect.stringMatching(/^verkoopordersjabloonId: is required in salesOrder mode/),
      expect.stringMatching(/^mappings\.vatGroups\[1\]\.tribeVatGroupId: maps the same Tribe VAT group/),
    ]);
  });
});
