import { z } from 'zod';

/**
 * The tenant activation file: credentials, mappings and settings. {@link parseActivationConfig} turns every
 * problem into one message naming the field and how to fix it; messages never repeat the values given, so a
 * mistyped secret is never echoed.
 */

/** The same rule as the `tenants.id` column: 2–63 lowercase letters, digits and hyphens. */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** SnelStart btw soorten a Tribe VAT group can map to; `Verlegd` is booked as line `Geen` + `VerkopenVerlegd`. */
export const SNELSTART_BTW_SOORTEN = ['Hoog', 'Laag', 'Geen', 'Overig', 'Verlegd'] as const;
export type MappedBtwSoort = (typeof SNELSTART_BTW_SOORTEN)[number];

/** Limits of the SnelStart "Ontwikkeling & Test" product, per administratie. */
export const TEST_PRODUCT_RATE_LIMITS = { perMinute: 100, perHour: 1000, concurrent: 5 } as const;

const text = z.string().trim().min(1);
const guid = z.guid();

const vatGroupMappingSchema = z.strictObject({
  tribeVatGroupId: guid,
  snelstartBtwSoort: z.enum(SNELSTART_BTW_SOORTEN),
});

const ledgerAccountMappingSchema = z.strictObject({
  tribeLedgerAccountId: guid,
  snelstartGrootboekId: guid,
});

const relationshipSetName = z.string().regex(/^Relationship_Organization_[A-Za-z0-9_]+$/);

const rateLimitsSchema = z
  .strictObject({
    perMinute: z.number().int().min(1).max(10_000).default(TEST_PRODUCT_RATE_LIMITS.perMinute),
    perHour: z.number().int().min(1).max(100_000).default(TEST_PRODUCT_RATE_LIMITS.perHour),
    concurrent: z.number().int().min(1).max(50).default(TEST_PRODUCT_RATE_LIMITS.concurrent),
  })
  .refine((limits) => limits.perMinute <= limits.perHour, {
    message:
      "perMinute cannot exceed perHour; use the limits of the tenant's SnelStart product (test: 100 per minute, 1000 per hour)",
    path: ['perMinute'],
  });

const activationObjectSchema = z.strictObject({
  tenantId: z.string().regex(TENANT_ID_PATTERN),
  snelstart: z.strictObject({ koppelsleutel: text }),
  tribe: z.strictObject({ clientId: text, clientSecret: text }),
  mappings: z.strictObject({
    vatGroups: z.array(vatGroupMappingSchema).min(1),
    ledgerAccounts: z.array(ledgerAccountMappingSchema).min(1),
    relationTypes: z.strictObject({
      customer: z.boolean().default(true),
      supplier: z.boolean().default(true),
      extra: z.array(relationshipSetName).default([]),
    }),
    addressTypes: z.strictObject({ vestigingsAdres: guid, correspondentieAdres: guid }),
  }),
  mode: z.enum(['invoice', 'salesOrder']).default('invoice'),
  verkoopordersjabloonId: guid.optional(),
  incasso: z.boolean().default(false),
  syncIntervalMinutes: z.number().int().min(5).max(1440).default(60),
  rateLimits: rateLimitsSchema.default({ ...TEST_PRODUCT_RATE_LIMITS }),
});

export const activationConfigSchema = activationObjectSchema.superRefine(checkAcrossFields, {
  // Also when other fields are invalid, so that one run reports every problem.
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});

/**
 * Rules that span fields. It also runs on a file with other problems, so it reads every field defensively.
 */
function checkAcrossFields(config: z.output<typeof activationObjectSchema>, context: z.RefinementCtx): void {
  const raw = config as unknown as {
    mode?: unknown;
    verkoopordersjabloonId?: unknown;
    mappings?: {
      vatGroups?: unknown;
      ledgerAccounts?: unknown;
      relationTypes?: { customer?: unknown; supplier?: unknown; extra?: unknown };
      addressTypes?: { vestigingsAdres?: unknown; correspondentieAdres?: unknown };
    };
  };
  if (raw.mode === 'salesOrder' && raw.verkoopordersjabloonId === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['verkoopordersjabloonId'],
      message:
        'is required in salesOrder mode: set it to the id of the SnelStart verkoopordersjabloon new orders should use (see `koppeling mapping-options`), or use mode "invoice"',
    });
  }
  const mappings = raw.mappings;
  if (typeof mappings !== 'object' || mappings === null) return;
  reportDuplicates(
    mappings.vatGroups,
    'tribeVatGroupId',
    ['mappings', 'vatGroups'],
    'Tribe VAT group',
    context,
  );
  reportDuplicates(
    mappings.ledgerAccounts,
    'tribeLedgerAccountId',
    ['mappings', 'ledgerAccounts'],
    'Tribe ledger account',
    context,
  );
  const vestigingsAdres = mappings.addressTypes?.vestigingsAdres;
  const correspondentieAdres = mappings.addressTypes?.correspondentieAdres;
  if (
    typeof vestigingsAdres === 'string' &&
    typeof correspondentieAdres === 'string' &&
    vestigingsAdres.toLowerCase() === correspondentieAdres.toLowerCase()
  ) {
    context.addIssue({
      code: 'custom',
      path: ['mappings', 'addressTypes', 'correspondentieAdres'],
      message:
        'is the same Tribe address type as vestigingsAdres; choose two different address types (e.g. Visiting and Postal)',
    });
  }
  const relationTypes = mappings.relationTypes;
  if (
    typeof relationTypes === 'object' &&
    relationTypes !== null &&
    relationTypes.customer === false &&
    relationTypes.supplier === false &&
    (!Array.isArray(relationTypes.extra) || relationTypes.extra.length === 0)
  ) {
    context.addIssue({
      code: 'custom',
      path: ['mappings', 'relationTypes'],
      message: 'exports no relation type; set customer and/or supplier to true, or list extra relation types',
    });
  }
}

export type ActivationConfig = z.output<typeof activationConfigSchema>;
export type ActivationConfigInput = z.input<typeof activationConfigSchema>;
export type ActivationMappings = ActivationConfig['mappings'];
export type VatGroupMapping = ActivationMappings['vatGroups'][number];
export type LedgerAccountMapping = ActivationMappings['ledgerAccounts'][number];

/** The activation without its credentials: what may be stored as the tenant's config and shown anywhere. */
export type TenantSettings = Omit<ActivationConfig, 'snelstart' | 'tribe'>;

export interface TenantCredentials {
  readonly snelstart: { readonly koppelsleutel: string };
  readonly tribe: { readonly clientId: string; readonly clientSecret: string };
}

export type ActivationParseResult =
  | { readonly ok: true; readonly config: ActivationConfig }
  | { readonly ok: false; readonly problems: string[] };

/** Validates an activation file (already parsed from JSON/YAML) and applies the defaults. */
export function parseActivationConfig(input: unknown): ActivationParseResult {
  const result = activationConfigSchema.safeParse(input);
  return result.success
    ? { ok: true, config: result.data }
    : { ok: false, problems: formatConfigIssues(result.error) };
}

/**
 * Just the connection credentials of an activation file (the rest may still be a draft): enough to list the
 * mapping options of a tenant that is not activated yet.
 */
const connectionCredentialsSchema = z.object({
  snelstart: z.strictObject({ koppelsleutel: text }),
  tribe: z.strictObject({ clientId: text, clientSecret: text }),
});

export type ConnectionCredentialsParseResult =
  | { readonly ok: true; readonly credentials: TenantCredentials }
  | { readonly ok: false; readonly problems: string[] };

export function parseConnectionCredentials(input: unknown): ConnectionCredentialsParseResult {
  const result = connectionCredentialsSchema.safeParse(input);
  return result.success
    ? { ok: true, credentials: { snelstart: result.data.snelstart, tribe: result.data.tribe } }
    : { ok: false, problems: formatConfigIssues(result.error) };
}

/** Splits an activation into the settings (safe to store in plain config) and the credentials (store encrypted). */
export function splitActivationConfig(config: ActivationConfig): {
  settings: TenantSettings;
  credentials: TenantCredentials;
} {
  const { snelstart, tribe, ...settings } = config;
  return { settings, credentials: { snelstart, tribe } };
}

/**
 * One message per zod issue: `<field path>: <what is wrong>; <how to fix it>`, e.g.
 * `mappings.vatGroups[1].snelstartBtwSoort: must be one of Hoog, Laag, Geen, Overig, Verlegd; …`.
 * The given values are never included.
 */
export function formatConfigIssues(error: z.ZodError | readonly z.core.$ZodIssue[]): string[] {
  const issues = Array.isArray(error) ? (error as readonly z.core.$ZodIssue[]) : (error as z.ZodError).issues;
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    if (issue.code === 'custom') return `${path}: ${issue.message}`;
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length === 0 ? '' : ` in ${path}`;
      return `${issue.keys.map(formatKey).join(', ')}${where}: unknown field${issue.keys.length > 1 ? 's' : ''}; remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling`;
    }
    return `${path}: ${describeIssue(issue)}; ${hintFor(issue.path)}`;
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return 'is missing';
      return `must be ${article(issue.expected === 'int' ? 'whole number' : issue.expected)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array')
        return `needs at least ${issue.minimum} entr${Number(issue.minimum) === 1 ? 'y' : 'ies'}`;
      if (issue.origin === 'string') return 'is empty';
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `allows at most ${issue.maximum} entries`;
      if (issue.origin === 'string') return `is longer than ${issue.maximum} characters`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'guid' ? 'is not a GUID' : 'has the wrong format';
    default:
      return 'is not valid';
  }
}

/** How to fix a field, by its path with array indices replaced by `[]`. */
const FIELD_HINTS: Record<string, string> = {
  '': 'the activation file must be a JSON object with tenantId, snelstart, tribe and mappings',
  tenantId:
    'use 2 to 63 lowercase letters, digits and hyphens, starting with a letter or digit, e.g. "acme-bv"',
  snelstart: 'add "snelstart": { "koppelsleutel": "…" }',
  'snelstart.koppelsleutel':
    'paste the koppelsleutel the customer created in SnelStart Web (Instellingen → Koppelingen)',
  tribe: 'add "tribe": { "clientId": "…", "clientSecret": "…" }',
  'tribe.clientId': 'use the client id of the API application created in Tribe (Configuratie → Applicaties)',
  'tribe.clientSecret':
    'use the client secret of the API application created in Tribe (Configuratie → Applicaties)',
  mappings: 'add "mappings" with vatGroups, ledgerAccounts, relationTypes and addressTypes',
  'mappings.vatGroups':
    'list every Tribe VAT group used on invoices: [{ "tribeVatGroupId": "<Datastore_VatGroup ID>", "snelstartBtwSoort": "Hoog" }]; `koppeling mapping-options` lists the ids',
  'mappings.vatGroups[]':
    'each entry is { "tribeVatGroupId": "<GUID>", "snelstartBtwSoort": "Hoog|Laag|Geen|Overig|Verlegd" }',
  'mappings.vatGroups[].tribeVatGroupId':
    'use the ID of a Tribe VAT group (Datastore_VatGroup); `koppeling mapping-options` lists them',
  'mappings.vatGroups[].snelstartBtwSoort':
    'write it exactly like that (capitalised); Verlegd is for reverse-charged VAT (btw verlegd)',
  'mappings.ledgerAccounts':
    'list every Tribe ledger account used on invoices: [{ "tribeLedgerAccountId": "<GUID>", "snelstartGrootboekId": "<GUID>" }]',
  'mappings.ledgerAccounts[]':
    'each entry is { "tribeLedgerAccountId": "<GUID>", "snelstartGrootboekId": "<GUID>" }',
  'mappings.ledgerAccounts[].tribeLedgerAccountId':
    'use the ID of a Tribe ledger account (Datastore_GeneralLedgerAccount); `koppeling mapping-options` lists them',
  'mappings.ledgerAccounts[].snelstartGrootboekId':
    'use the id of a SnelStart grootboek (GET /grootboeken); `koppeling mapping-options` lists them',
  'mappings.relationTypes': 'add "relationTypes": { "customer": true, "supplier": true, "extra": [] }',
  'mappings.relationTypes.customer': 'use true to export Tribe customers to SnelStart as Klant, false not to',
  'mappings.relationTypes.supplier':
    'use true to export Tribe suppliers to SnelStart as Leverancier, false not to',
  'mappings.relationTypes.extra':
    'list the entity set names of extra Tribe relation types to export as Klant',
  'mappings.relationTypes.extra[]':
    'use the entity set name of a Tribe relationship type, e.g. "Relationship_Organization_CommercialRelationship_Prospect"',
  'mappings.addressTypes':
    'add "addressTypes": { "vestigingsAdres": "<GUID>", "correspondentieAdres": "<GUID>" }',
  'mappings.addressTypes.vestigingsAdres':
    'use the ID of the Tribe address type (Datastore_AdressType) that holds the visiting address',
  'mappings.addressTypes.correspondentieAdres':
    'use the ID of the Tribe address type (Datastore_AdressType) that holds the postal address',
  mode: 'use "invoice" to book sent invoices, or "salesOrder" to send linked sales orders',
  verkoopordersjabloonId:
    'use the id of a SnelStart verkoopordersjabloon (GET /verkoopordersjablonen); `koppeling mapping-options` lists them',
  incasso: 'use true when the tenant collects invoices by SEPA direct debit in SnelStart, otherwise false',
  syncIntervalMinutes: 'use whole minutes from 5 to 1440 (default 60)',
  rateLimits:
    'use { "perMinute": 100, "perHour": 1000, "concurrent": 5 } for the SnelStart test product, 500/5000/50 for production',
  'rateLimits.perMinute':
    'calls per minute per administratie: 100 for the SnelStart test product, 500 for production',
  'rateLimits.perHour':
    'calls per hour per administratie: 1000 for the SnelStart test product, 5000 for production',
  'rateLimits.concurrent':
    'concurrent calls per administratie: 5 for the SnelStart test product, 50 for production (1 to 50)',
};

function hintFor(path: readonly PropertyKey[]): string {
  const pattern = path
    .map((segment) => (typeof segment === 'number' ? '[]' : String(segment)))
    .join('.')
    .replace(/\.\[\]/g, '[]');
  return FIELD_HINTS[pattern] ?? 'check the activation file against the documented format';
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(activation file)';
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function formatKey(key: string): string {
  return JSON.stringify(key);
}

function article(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

function reportDuplicates(
  entries: unknown,
  key: string,
  path: (string | number)[],
  what: string,
  context: z.RefinementCtx,
): void {
  if (!Array.isArray(entries)) return;
  const seen = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    const value =
      typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[key] : undefined;
    if (typeof value !== 'string') return;
    const id = value.toLowerCase();
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else {
      context.addIssue({
        code: 'custom',
        path: [...path, index, key],
        message: `maps the same ${what} as ${formatPath([...path, first])}; keep one entry per ${what}`,
      });
    }
  });
}
