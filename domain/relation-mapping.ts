import {
  STRAAT_MAX_LENGTH,
  canonicalStreetParts,
  formatStraat,
  isDutchPostcode,
  normalisePostcode,
  parseStraat,
  type StreetAddressParts,
} from './address';
import type { CountryMapping } from './country-mapping';
import type { FieldProblem } from './field-problem';
import type {
  RelatieRole,
  SnelStartAdres,
  SnelStartAdresWrite,
  SnelStartRelatie,
  SnelStartRelatieWrite,
} from './snelstart-records';
import { tidyText } from './tidy-text';
import type {
  TribeAddress,
  TribeAddressWrite,
  TribeOrganisation,
  TribeOrganisationFields,
} from './tribe-records';

/**
 * SnelStart relatie ↔ canonical relation ↔ Tribe organisation. The canonical form is flat (one field per
 * comparable value) so that the three-way merge works field by field, and every value is normalised the same
 * way on both sides, so formatting differences (`1234ab`, `NL91 ABNA…`, `Dorpsstraat 12-a`) never look like edits.
 *
 * One canonical record describes one link, i.e. one SnelStart relatie in its role: `relationNumber` is the
 * relatiecode, compared with Tribe's `DebtorNumber` for a Klant and `CreditorNumber` for a Leverancier.
 */
export interface CanonicalRelation {
  readonly name: string | null;
  readonly visitingStreet: string | null;
  readonly visitingHouseNumber: number | null;
  readonly visitingAddition: string | null;
  readonly visitingPostcode: string | null;
  readonly visitingCity: string | null;
  /** ISO 3166 alpha-2. */
  readonly visitingCountry: string | null;
  readonly postalStreet: string | null;
  readonly postalHouseNumber: number | null;
  readonly postalAddition: string | null;
  readonly postalPostcode: string | null;
  readonly postalCity: string | null;
  readonly postalCountry: string | null;
  readonly phone: string | null;
  /** Lower case; SnelStart allows several addresses separated by `;`. */
  readonly email: string | null;
  readonly website: string | null;
  /** Upper case without spaces and dots: `NL123456789B01`. */
  readonly vatNumber: string | null;
  readonly chamberOfCommerceNumber: string | null;
  /** Upper case without spaces. */
  readonly iban: string | null;
  readonly bic: string | null;
  /** The relatiecode as text; leading zeros of a Tribe number are dropped. Owned by SnelStart. */
  readonly relationNumber: string | null;
}

export type CanonicalRelationField = keyof CanonicalRelation;

export const CANONICAL_RELATION_FIELDS: readonly CanonicalRelationField[] = [
  'name',
  'visitingStreet',
  'visitingHouseNumber',
  'visitingAddition',
  'visitingPostcode',
  'visitingCity',
  'visitingCountry',
  'postalStreet',
  'postalHouseNumber',
  'postalAddition',
  'postalPostcode',
  'postalCity',
  'postalCountry',
  'phone',
  'email',
  'website',
  'vatNumber',
  'chamberOfCommerceNumber',
  'iban',
  'bic',
  'relationNumber',
];

/**
 * Merge options for relations: SnelStart assigns relatiecodes, so a Tribe edit of the debtor/creditor number
 * is overwritten by SnelStart's number and never written to SnelStart.
 */
export const RELATION_MERGE_OPTIONS = { snelstartOwned: ['relationNumber'] } as const satisfies {
  snelstartOwned: readonly CanonicalRelationField[];
};

export interface RelationMappingContext {
  readonly countries: CountryMapping;
  /** Which Tribe AddressType (ID) holds SnelStart's vestigingsAdres and which the correspondentieAdres. */
  readonly addressTypes: { readonly vestigingsAdres: string; readonly correspondentieAdres: string };
}

type AddressKind = 'vestigingsAdres' | 'correspondentieAdres';
type AddressSlot = 'VisitingAddress' | 'PostalAddress';

const ADDRESS_FIELDS = {
  vestigingsAdres: {
    street: 'visitingStreet',
    houseNumber: 'visitingHouseNumber',
    addition: 'visitingAddition',
    postcode: 'visitingPostcode',
    city: 'visitingCity',
    country: 'visitingCountry',
  },
  correspondentieAdres: {
    street: 'postalStreet',
    houseNumber: 'postalHouseNumber',
    addition: 'postalAddition',
    postcode: 'postalPostcode',
    city: 'postalCity',
    country: 'postalCountry',
  },
} as const satisfies Record<AddressKind, Record<string, CanonicalRelationField>>;

const DEFAULT_SLOT: Record<AddressKind, AddressSlot> = {
  vestigingsAdres: 'VisitingAddress',
  correspondentieAdres: 'PostalAddress',
};

const ADDRESS_LABEL: Record<AddressKind, string> = {
  vestigingsAdres: 'visiting address',
  correspondentieAdres: 'postal address',
};

/** Scalar canonical fields and their SnelStart and Tribe names. */
const SCALAR_FIELDS = [
  { canonical: 'name', snelstart: 'naam', tribe: 'Name' },
  { canonical: 'phone', snelstart: 'telefoon', tribe: 'PhoneNumber' },
  { canonical: 'email', snelstart: 'email', tribe: 'EmailAddress' },
  { canonical: 'website', snelstart: 'websiteUrl', tribe: 'Website' },
  { canonical: 'vatNumber', snelstart: 'btwNummer', tribe: 'VATNumber' },
  { canonical: 'chamberOfCommerceNumber', snelstart: 'kvkNummer', tribe: 'ChamberOfCommerceNumber' },
  { canonical: 'iban', snelstart: 'iban', tribe: 'IBAN' },
  { canonical: 'bic', snelstart: 'bic', tribe: 'BIC' },
] as const;

// ------------------------------------------------------------------------------------------ to canonical

/** The canonical form of a SnelStart relatie (its relatiecode is the relation number of its role). */
export function relatieToCanonical(
  relatie: SnelStartRelatie,
  context: RelationMappingContext,
): CanonicalRelation {
  const visiting = snelStartAddressToCanonical(relatie.vestigingsAdres, context);
  const postal = snelStartAddressToCanonical(relatie.correspondentieAdres, context);
  return {
    name: tidyText(relatie.naam),
    ...prefixAddress('vestigingsAdres', visiting),
    ...prefixAddress('correspondentieAdres', postal),
    phone: tidyText(relatie.telefoon),
    email: canonicalEmail(relatie.email),
    website: tidyText(relatie.websiteUrl),
    vatNumber: canonicalCompactCode(relatie.btwNummer),
    chamberOfCommerceNumber: canonicalCompactCode(relatie.kvkNummer),
    iban: canonicalCompactCode(relatie.iban),
    bic: canonicalCompactCode(relatie.bic),
    relationNumber: typeof relatie.relatiecode === 'number' ? String(relatie.relatiecode) : null,
  };
}

/**
 * The canonical form of a Tribe organisation as seen by the link of one role: the debtor number for a Klant,
 * the creditor number for a Leverancier. Addresses are taken by the tenant's address types (an address whose
 * AddressType is not known falls back to its slot: VisitingAddress for the vestigingsAdres, PostalAddress for
 * the correspondentieAdres) and compared in the form SnelStart would store them.
 */
export function tribeOrganisationToCanonical(
  organisation: TribeOrganisation,
  role: RelatieRole,
  context: RelationMappingContext,
): CanonicalRelation {
  const visiting = tribeAddressToCanonical(
    findTribeAddress(organisation, 'vestigingsAdres', context)?.address,
    context,
  );
  const postal = tribeAddressToCanonical(
    findTribeAddress(organisation, 'correspondentieAdres', context)?.address,
    context,
  );
  return {
    name: tidyText(organisation.Name),
    ...prefixAddress('vestigingsAdres', visiting),
    ...prefixAddress('correspondentieAdres', postal),
    phone: tidyText(organisation.PhoneNumber),
    email: canonicalEmail(organisation.EmailAddress),
    website: tidyText(organisation.Website),
    vatNumber: canonicalCompactCode(organisation.VATNumber),
    chamberOfCommerceNumber: canonicalCompactCode(organisation.ChamberOfCommerceNumber),
    iban: canonicalCompactCode(organisation.IBAN),
    bic: canonicalCompactCode(organisation.BIC),
    relationNumber: canonicalRelationNumber(
      role === 'Klant' ? organisation.DebtorNumber : organisation.CreditorNumber,
    ),
  };
}

// ------------------------------------------------------------------------------------ to SnelStart (write)

/**
 * The SnelStart roles for a Tribe organisation, from the relationship entity sets it has (e.g.
 * `Relationship_Organization_CommercialRelationship_Customer`) and the tenant's exported relation types:
 * Customer → Klant, Supplier → Leverancier, every extra exported type → Klant (extra types are exported as
 * debtors). Types that are not exported give no role.
 */
export function relatieRolesForTribeRelationships(
  relationshipSets: readonly string[],
  relationTypes: {
    readonly customer: boolean;
    readonly supplier: boolean;
    readonly extra: readonly string[];
  },
): RelatieRole[] {
  const sets = new Set(relationshipSets);
  const customer =
    (relationTypes.customer && sets.has(TRIBE_CUSTOMER_RELATIONSHIP)) ||
    relationTypes.extra.some((set) => sets.has(set));
  const supplier = relationTypes.supplier && sets.has(TRIBE_SUPPLIER_RELATIONSHIP);
  const roles: RelatieRole[] = [];
  if (customer) roles.push('Klant');
  if (supplier) roles.push('Leverancier');
  return roles;
}

export const TRIBE_CUSTOMER_RELATIONSHIP = 'Relationship_Organization_CommercialRelationship_Customer';
export const TRIBE_SUPPLIER_RELATIONSHIP = 'Relationship_Organization_Supplier';

/** The Tribe relationship entity sets whose organisations the tenant exports to SnelStart. */
export function exportedRelationshipSets(relationTypes: {
  readonly customer: boolean;
  readonly supplier: boolean;
  readonly extra: readonly string[];
}): string[] {
  return [
    ...(relationTypes.customer ? [TRIBE_CUSTOMER_RELATIONSHIP] : []),
    ...(relationTypes.supplier ? [TRIBE_SUPPLIER_RELATIONSHIP] : []),
    ...relationTypes.extra,
  ];
}

export interface RelatieCreate {
  readonly role: RelatieRole;
  readonly relatie: SnelStartRelatieWrite;
}

/**
 * The SnelStart relaties to create for an organisation created in Tribe, without relatiecode (SnelStart
 * assigns it; the sync then writes it to Tribe as DebtorNumber/CreditorNumber). A relatie cannot be Klant and
 * Leverancier at once (REL-0065), so an organisation with both roles becomes two SnelStart relaties with the
 * same data, a Klant and a Leverancier, both linked to the one Tribe organisation — the mirror image of how a
 * Klant and a Leverancier from SnelStart become one organisation in Tribe. When the data cannot be written
 * nothing is created and `problems` says what to fix in Tribe.
 */
export function relatieCreatesFromTribe(
  organisation: TribeOrganisation,
  roles: readonly RelatieRole[],
  context: RelationMappingContext,
): { creates: RelatieCreate[]; problems: FieldProblem[] } {
  if (roles.length === 0) {
    return {
      creates: [],
      problems: [
        {
          field: 'relatiesoort',
          message: `Tribe organisation ${organisation.ID} has no relation type that is exported to SnelStart (Customer, Supplier or an extra type); nothing to create`,
        },
      ],
    };
  }
  const firstRole = roles[0] ?? 'Klant';
  const canonical = tribeOrganisationToCanonical(organisation, firstRole, context);
  const { relatie, problems } = relatieWriteFromCanonical(canonical, context);
  const allProblems = [...problems, ...validateRelatieWrite(relatie)];
  if (allProblems.length > 0) return { creates: [], problems: allProblems };
  return {
    creates: roles.map((role) => ({ role, relatie: { relatiesoort: [role], ...relatie } })),
    problems: [],
  };
}

/**
 * Every SnelStart field of a canonical relation (no relatiesoort, no relatiecode). A canonical address without
 * a country but with a Dutch postcode is written with the Netherlands, because SnelStart needs a land whenever
 * the vestigingsAdres is filled (REL-0060). `problems` lists values SnelStart cannot hold (unknown country).
 */
export function relatieWriteFromCanonical(
  canonical: CanonicalRelation,
  context: RelationMappingContext,
  current?: Pick<SnelStartRelatie, 'vestigingsAdres' | 'correspondentieAdres'>,
): { relatie: SnelStartRelatieWrite; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const adres = (kind: AddressKind) => {
    const result = snelStartAddressWrite(canonical, kind, context, current?.[kind]);
    problems.push(...result.problems);
    return result.adres;
  };
  const relatie: SnelStartRelatieWrite = {
    naam: canonical.name,
    vestigingsAdres: adres('vestigingsAdres'),
    correspondentieAdres: adres('correspondentieAdres'),
    telefoon: canonical.phone,
    email: canonical.email,
    websiteUrl: canonical.website,
    btwNummer: canonical.vatNumber,
    kvkNummer: canonical.chamberOfCommerceNumber,
    iban: canonical.iban,
    bic: canonical.bic,
  };
  return { relatie, problems };
}

/** Read-only fields of a SnelStart relatie that must not be sent back in a PUT. */
export type ReadOnlyRelatieField = 'uri' | 'modifiedOn' | 'inkoopBoekingenUri' | 'verkoopBoekingenUri';
const READ_ONLY_RELATIE_FIELDS: readonly string[] = [
  'uri',
  'modifiedOn',
  'inkoopBoekingenUri',
  'verkoopBoekingenUri',
];

/**
 * The body of `PUT /relaties/{id}` (a full replacement): the current relatie as read, without its read-only
 * fields, with the SnelStart fields of the `changed` canonical fields replaced by the merged values. Fields
 * that did not change keep SnelStart's own spelling, and the contact person of an address is kept.
 * `problems` lists only problems in the changed fields.
 */
export function relatieUpdateFromCanonical<T extends SnelStartRelatie>(
  current: T,
  merged: CanonicalRelation,
  changed: readonly CanonicalRelationField[],
  context: RelationMappingContext,
): { relatie: Omit<T, ReadOnlyRelatieField> & Partial<SnelStartRelatieWrite>; problems: FieldProblem[] } {
  const { relatie: full, problems: mappingProblems } = relatieWriteFromCanonical(merged, context, current);
  const changedSet = new Set(changed);
  const patch: Partial<SnelStartRelatieWrite> = {};
  const touched: string[] = [];
  for (const { canonical, snelstart } of SCALAR_FIELDS) {
    if (!changedSet.has(canonical)) continue;
    patch[snelstart] = full[snelstart];
    touched.push(snelstart);
  }
  for (const kind of ['vestigingsAdres', 'correspondentieAdres'] as const) {
    if (!Object.values(ADDRESS_FIELDS[kind]).some((field) => changedSet.has(field))) continue;
    patch[kind] = full[kind];
    touched.push(kind);
  }
  const base = Object.fromEntries(
    Object.entries(current).filter(([key]) => !READ_ONLY_RELATIE_FIELDS.includes(key)),
  ) as Omit<T, ReadOnlyRelatieField>;
  const relatie = { ...base, ...patch };
  const inTouched = (problem: FieldProblem) =>
    touched.some((field) => problem.field === field || problem.field.startsWith(`${field}.`));
  const problems = [...mappingProblems, ...validateRelatieWrite(toWriteFields(relatie))].filter(inTouched);
  return { relatie, problems };
}

/** SnelStart's field limits for relaties (OpenAPI maxLength and the REL error codes). */
export const RELATIE_FIELD_LIMITS = {
  naam: 50,
  telefoon: 25,
  email: 250,
  websiteUrl: 100,
  kvkNummer: 12,
  iban: 50,
  bic: 15,
  btwNummer: 50,
  straat: STRAAT_MAX_LENGTH,
  postcode: 25,
  plaats: 50,
  contactpersoon: 50,
} as const;

const TRIBE_LABEL = {
  naam: 'The organisation name (Tribe Name)',
  telefoon: 'The phone number (Tribe PhoneNumber)',
  email: 'The e-mail address (Tribe EmailAddress)',
  websiteUrl: 'The website (Tribe Website)',
  kvkNummer: 'The Chamber of Commerce number (Tribe ChamberOfCommerceNumber)',
  iban: 'The IBAN (Tribe IBAN)',
  bic: 'The BIC (Tribe BIC)',
  btwNummer: 'The VAT number (Tribe VATNumber)',
} as const;

const ADDRESS_PART_LABEL = {
  straat: 'street + house number + addition',
  postcode: 'postcode',
  plaats: 'city',
  contactpersoon: 'contact person',
} as const;

/**
 * Checks a relatie against SnelStart's rules before it is sent, so a bad record fails alone with a message a
 * person can act on: naam required (REL-0007) and at most 50 characters, telefoon 25, email 250 (each
 * `;`-separated address must look like an address, REL-0061), websiteUrl 100, kvkNummer 12, iban 50, bic 15,
 * btwNummer 2–50 letters and digits (REL-0057–0059), per address straat 50, postcode 25, plaats 50,
 * contactpersoon 50 (REL-0020–0028), and a vestigingsAdres that is either empty or has straat, postcode,
 * plaats and land (REL-0060).
 */
export function validateRelatieWrite(relatie: SnelStartRelatieWrite): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (tidyText(relatie.naam) === null) {
    problems.push({
      field: 'naam',
      message: `${TRIBE_LABEL.naam} is empty; SnelStart requires a name (REL-0007). Fill in the name in Tribe.`,
    });
  }
  for (const field of [
    'naam',
    'telefoon',
    'email',
    'websiteUrl',
    'kvkNummer',
    'iban',
    'bic',
    'btwNummer',
  ] as const) {
    const value = relatie[field];
    const max = RELATIE_FIELD_LIMITS[field];
    if (value !== null && value.length > max) {
      problems.push({
        field,
        message: `${TRIBE_LABEL[field]} is ${value.length} characters; SnelStart allows at most ${max} (${field}). Shorten it in Tribe.`,
      });
    }
  }
  if (relatie.btwNummer !== null && !/^[A-Za-z0-9]{2,50}$/.test(relatie.btwNummer)) {
    problems.push({
      field: 'btwNummer',
      message: `${TRIBE_LABEL.btwNummer} must be 2 to 50 letters and digits, e.g. NL123456789B01 (REL-0057). Correct it in Tribe.`,
    });
  }
  if (relatie.email !== null) {
    const invalid = relatie.email
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(part));
    if (invalid.length > 0) {
      problems.push({
        field: 'email',
        message: `${TRIBE_LABEL.email} is not a valid e-mail address (REL-0061); separate several addresses with ";". Correct it in Tribe.`,
      });
    }
  }
  for (const kind of ['vestigingsAdres', 'correspondentieAdres'] as const) {
    const adres = relatie[kind];
    if (!adres) continue;
    for (const part of ['straat', 'postcode', 'plaats', 'contactpersoon'] as const) {
      const value = adres[part];
      const max = RELATIE_FIELD_LIMITS[part];
      if (typeof value === 'string' && value.length > max) {
        problems.push({
          field: `${kind}.${part}`,
          message: `The ${ADDRESS_LABEL[kind]} ${ADDRESS_PART_LABEL[part]} "${value}" is ${value.length} characters; SnelStart allows at most ${max} (${kind}.${part}). Shorten it in Tribe.`,
        });
      }
    }
  }
  const visiting = relatie.vestigingsAdres;
  if (visiting) {
    const parts = {
      street: visiting.straat,
      postcode: visiting.postcode,
      city: visiting.plaats,
      country: visiting.land,
    };
    const filled = Object.values(parts).filter(
      (value) => value !== null && value !== undefined && value !== '',
    );
    if (filled.length > 0 && filled.length < 4) {
      const missing = Object.entries(parts)
        .filter(([, value]) => value === null || value === undefined || value === '')
        .map(([name]) => name);
      problems.push({
        field: 'vestigingsAdres',
        message: `The visiting address is incomplete: SnelStart needs street, postcode, city and country together (REL-0060); missing: ${missing.join(', ')}. Complete the address in Tribe or clear it.`,
      });
    }
  }
  return problems;
}

// ----------------------------------------------------------------------------------------- to Tribe (write)

export interface TribeOrganisationCreate extends TribeOrganisationFields {
  VisitingAddress?: TribeAddressWrite;
  PostalAddress?: TribeAddressWrite;
}

/**
 * A new Tribe organisation (deep insert with its addresses) for SnelStart relaties that are one organisation:
 * a single relatie, or a Klant and a Leverancier of one group. Values come from the first Klant (else the first
 * member); empty fields are filled from the other members. DebtorNumber is the Klant's relatiecode,
 * CreditorNumber the Leverancier's. `roles` says which relationship records (Customer, Supplier) to create.
 */
export function tribeOrganisationCreateFromRelaties(
  members: readonly { readonly relatie: SnelStartRelatie; readonly role: RelatieRole }[],
  context: RelationMappingContext,
  canonicalOf: (relatie: SnelStartRelatie) => CanonicalRelation = (relatie) =>
    relatieToCanonical(relatie, context),
): { organisation: TribeOrganisationCreate; roles: RelatieRole[]; problems: FieldProblem[] } {
  const ordered = [...members].sort((a, b) => (a.role === b.role ? 0 : a.role === 'Klant' ? -1 : 1));
  const canonicals = ordered.map(({ relatie }) => canonicalOf(relatie));
  const combined = Object.fromEntries(
    CANONICAL_RELATION_FIELDS.map((field) => [
      field,
      canonicals.map((canonical) => canonical[field]).find((value) => value !== null) ?? null,
    ]),
  ) as unknown as CanonicalRelation;
  const numberOf = (role: RelatieRole) => {
    const member = ordered.find((candidate) => candidate.role === role);
    return typeof member?.relatie.relatiecode === 'number' ? String(member.relatie.relatiecode) : null;
  };
  const problems: FieldProblem[] = [];
  if (combined.name === null) problems.push(missingNameProblem());
  const organisation: TribeOrganisationCreate = {
    ...tribeScalarFields(combined),
    DebtorNumber: numberOf('Klant'),
    CreditorNumber: numberOf('Leverancier'),
  };
  for (const kind of ['vestigingsAdres', 'correspondentieAdres'] as const) {
    const result = tribeAddressWrite(combined, kind, context);
    problems.push(...result.problems);
    if (result.address) organisation[DEFAULT_SLOT[kind]] = result.address;
  }
  return { organisation, roles: [...new Set(ordered.map((member) => member.role))], problems };
}

export interface TribeAddressUpdate {
  readonly kind: AddressKind;
  /** The organisation's navigation property that holds (or will hold) this address. */
  readonly slot: AddressSlot;
  /** The existing Address to `PUT`, or `null`: then write `address` inline into `slot` of the organisation. */
  readonly addressId: string | null;
  readonly address: TribeAddressWrite;
}

/**
 * The Tribe writes for the `changed` canonical fields of a link: the organisation's scalar fields (the
 * relation number goes to DebtorNumber for a Klant, CreditorNumber for a Leverancier) and, per address whose
 * fields changed, the whole address.
 */
export function tribeOrganisationUpdateFromCanonical(
  current: TribeOrganisation,
  merged: CanonicalRelation,
  changed: readonly CanonicalRelationField[],
  role: RelatieRole,
  context: RelationMappingContext,
): {
  organisation: Partial<TribeOrganisationFields>;
  addresses: TribeAddressUpdate[];
  problems: FieldProblem[];
} {
  const changedSet = new Set(changed);
  const scalars = tribeScalarFields(merged);
  const organisation: Partial<TribeOrganisationFields> = {};
  const problems: FieldProblem[] = [];
  for (const { canonical, tribe } of SCALAR_FIELDS) {
    if (!changedSet.has(canonical)) continue;
    if (tribe === 'Name') {
      if (merged.name === null) problems.push(missingNameProblem());
      else organisation.Name = merged.name;
    } else organisation[tribe] = scalars[tribe];
  }
  if (changedSet.has('relationNumber'))
    organisation[role === 'Klant' ? 'DebtorNumber' : 'CreditorNumber'] = merged.relationNumber;

  const addresses: TribeAddressUpdate[] = [];
  for (const kind of ['vestigingsAdres', 'correspondentieAdres'] as const) {
    if (!Object.values(ADDRESS_FIELDS[kind]).some((field) => changedSet.has(field))) continue;
    const existing = findTribeAddress(current, kind, context);
    const result = tribeAddressWrite(merged, kind, context, existing !== null);
    problems.push(...result.problems);
    if (!result.address) continue;
    addresses.push({
      kind,
      slot: existing?.slot ?? DEFAULT_SLOT[kind],
      addressId: existing?.address.ID ?? null,
      address: result.address,
    });
  }
  return { organisation, addresses, problems };
}

// ---------------------------------------------------------------------------------------------- helpers

interface CanonicalAddress {
  readonly street: string | null;
  readonly houseNumber: number | null;
  readonly addition: string | null;
  readonly postcode: string | null;
  readonly city: string | null;
  readonly country: string | null;
}

function snelStartAddressToCanonical(
  adres: SnelStartAdres | null | undefined,
  context: RelationMappingContext,
): CanonicalAddress {
  const parts = parseStraat(adres?.straat);
  const landId = adres?.land?.id;
  return {
    ...parts,
    postcode: normalisePostcode(adres?.postcode),
    city: tidyText(adres?.plaats),
    country: landId ? (context.countries.isoBySnelStartLandId.get(landId) ?? null) : null,
  };
}

function tribeAddressToCanonical(
  address: TribeAddress | null | undefined,
  context: RelationMappingContext,
): CanonicalAddress {
  const parts = canonicalStreetParts({
    street: address?.Street ?? null,
    houseNumber: address?.HouseNumber ?? null,
    addition: address?.HouseNumberSuffix ?? null,
  });
  return {
    ...parts,
    postcode: normalisePostcode(address?.Postalcode),
    city: tidyText(address?.City),
    country: tribeCountryIso(address?.Country, context),
  };
}

function tribeCountryIso(country: TribeAddress['Country'], context: RelationMappingContext): string | null {
  if (!country) return null;
  return context.countries.isoByTribeCountryId.get(country.ID) ?? null;
}

function prefixAddress(kind: AddressKind, address: CanonicalAddress) {
  const names = ADDRESS_FIELDS[kind];
  return {
    [names.street]: address.street,
    [names.houseNumber]: address.houseNumber,
    [names.addition]: address.addition,
    [names.postcode]: address.postcode,
    [names.city]: address.city,
    [names.country]: address.country,
  } as Pick<CanonicalRelation, (typeof names)[keyof typeof names]>;
}

function canonicalAddress(canonical: CanonicalRelation, kind: AddressKind): CanonicalAddress {
  const names = ADDRESS_FIELDS[kind];
  return {
    street: canonical[names.street],
    houseNumber: canonical[names.houseNumber],
    addition: canonical[names.addition],
    postcode: canonical[names.postcode],
    city: canonical[names.city],
    country: canonical[names.country],
  };
}

function isEmptyAddress(address: CanonicalAddress): boolean {
  return Object.values(address).every((value) => value === null);
}

/**
 * The Tribe address that holds `kind`: the one whose AddressType is the tenant's type for it; failing that,
 * the default slot when its AddressType is unknown (not expanded or not set).
 */
function findTribeAddress(
  organisation: TribeOrganisation,
  kind: AddressKind,
  context: RelationMappingContext,
): { slot: AddressSlot; address: TribeAddress } | null {
  const typeId = context.addressTypes[kind];
  for (const slot of ['VisitingAddress', 'PostalAddress'] as const) {
    const address = organisation[slot];
    if (address && address.AddressType?.ID === typeId) return { slot, address };
  }
  const slot = DEFAULT_SLOT[kind];
  const address = organisation[slot];
  if (address && !address.AddressType) return { slot, address };
  return null;
}

function snelStartAddressWrite(
  canonical: CanonicalRelation,
  kind: AddressKind,
  context: RelationMappingContext,
  current: SnelStartAdres | null | undefined,
): { adres: SnelStartAdresWrite | null; problems: FieldProblem[] } {
  const address = canonicalAddress(canonical, kind);
  if (isEmptyAddress(address)) {
    const adres = current
      ? {
          contactpersoon: current.contactpersoon ?? null,
          straat: null,
          postcode: null,
          plaats: null,
          land: null,
        }
      : null;
    return { adres, problems: [] };
  }
  const problems: FieldProblem[] = [];
  const iso = address.country ?? (isDutchPostcode(address.postcode) ? 'NL' : null);
  let land: SnelStartAdresWrite['land'] = null;
  if (iso !== null) {
    const landId = context.countries.snelStartLandIdByIso.get(iso);
    if (landId) land = { id: landId };
    else {
      problems.push({
        field: `${kind}.land`,
        message: `The ${ADDRESS_LABEL[kind]} country ${iso} has no SnelStart land (GET /landen); correct the country in Tribe.`,
      });
    }
  }
  const parts: StreetAddressParts = {
    street: address.street,
    houseNumber: address.houseNumber,
    addition: address.addition,
  };
  return {
    adres: {
      ...(current?.contactpersoon ? { contactpersoon: current.contactpersoon } : {}),
      straat: tidyText(formatStraat(parts)),
      postcode: address.postcode,
      plaats: address.city,
      land,
    },
    problems,
  };
}

function tribeAddressWrite(
  canonical: CanonicalRelation,
  kind: AddressKind,
  context: RelationMappingContext,
  exists = false,
): { address: TribeAddressWrite | null; problems: FieldProblem[] } {
  const address = canonicalAddress(canonical, kind);
  if (isEmptyAddress(address) && !exists) return { address: null, problems: [] };
  const problems: FieldProblem[] = [];
  let country: TribeAddressWrite['Country'] = null;
  if (address.country !== null) {
    const countryId = context.countries.tribeCountryIdByIso.get(address.country);
    if (countryId) country = { ID: countryId };
    else {
      problems.push({
        field: `${DEFAULT_SLOT[kind]}.Country`,
        message: `The ${ADDRESS_LABEL[kind]} country ${address.country} does not exist in Tribe (Datastore_Country); add it in Tribe or correct the land in SnelStart.`,
      });
    }
  }
  return {
    address: {
      Street: address.street,
      HouseNumber: address.houseNumber,
      HouseNumberSuffix: address.addition,
      Postalcode: address.postcode,
      City: address.city,
      Country: country,
      AddressType: { ID: context.addressTypes[kind] },
    },
    problems,
  };
}

function missingNameProblem(): FieldProblem {
  return {
    field: 'Name',
    message:
      'The SnelStart relatie has no naam; Tribe requires an organisation name. Fill in the naam in SnelStart.',
  };
}

function tribeScalarFields(
  canonical: CanonicalRelation,
): Omit<TribeOrganisationFields, 'DebtorNumber' | 'CreditorNumber'> {
  return {
    Name: canonical.name ?? '',
    PhoneNumber: canonical.phone,
    EmailAddress: canonical.email,
    Website: canonical.website,
    VATNumber: canonical.vatNumber,
    ChamberOfCommerceNumber: canonical.chamberOfCommerceNumber,
    IBAN: canonical.iban,
    BIC: canonical.bic,
  };
}

function toWriteFields(relatie: Partial<SnelStartRelatieWrite> & SnelStartRelatie): SnelStartRelatieWrite {
  const adres = (value: SnelStartAdres | null | undefined): SnelStartAdresWrite | null =>
    value
      ? {
          contactpersoon: value.contactpersoon ?? null,
          straat: value.straat ?? null,
          postcode: value.postcode ?? null,
          plaats: value.plaats ?? null,
          land: value.land?.id ? { id: value.land.id } : null,
        }
      : null;
  return {
    naam: relatie.naam ?? null,
    vestigingsAdres: adres(relatie.vestigingsAdres),
    correspondentieAdres: adres(relatie.correspondentieAdres),
    telefoon: relatie.telefoon ?? null,
    email: relatie.email ?? null,
    websiteUrl: relatie.websiteUrl ?? null,
    btwNummer: relatie.btwNummer ?? null,
    kvkNummer: relatie.kvkNummer ?? null,
    iban: relatie.iban ?? null,
    bic: relatie.bic ?? null,
  };
}

function canonicalEmail(value: string | null | undefined): string | null {
  const text = tidyText(value);
  return text === null ? null : text.replace(/\s*;\s*/g, ';').toLowerCase();
}

/** IBAN, BIC, VAT and KvK numbers: upper case, without spaces, dots and hyphens. */
function canonicalCompactCode(value: string | null | undefined): string | null {
  const text = tidyText(value);
  if (text === null) return null;
  const compact = text.replace(/[\s.-]/g, '').toUpperCase();
  return compact === '' ? null : compact;
}

function canonicalRelationNumber(value: string | null | undefined): string | null {
  const text = tidyText(value);
  if (text === null) return null;
  return /^\d+$/.test(text) ? String(Number(text)) : text;
}
