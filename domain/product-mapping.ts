import type { FieldProblem } from './field-problem';
import { roundDecimal } from './money';
import { normaliseOrganisationName } from './organisation-name';
import type {
  SnelStartArtikel,
  SnelStartArtikelOmzetgroep,
  SnelStartArtikelWrite,
} from './snelstart-records';
import { tidyText } from './tidy-text';
import type { TribeCodedRecord, TribeProduct, TribeProductWrite } from './tribe-records';

/**
 * SnelStart artikel ↔ canonical product ↔ Tribe product: omschrijving ↔ Name, artikelcode ↔ Code,
 * verkoopprijs ↔ SalesPrice, inkoopprijs ↔ PurchasePrice, eenheid ↔ Unit (by name), artikelOmzetgroep ↔
 * ProductGroup (through the paired groups), isNonActief ↔ IsInactive.
 */
export interface CanonicalProduct {
  readonly name: string | null;
  readonly code: string | null;
  /** Rounded to 4 decimals (SnelStart's precision for money). */
  readonly salesPrice: number | null;
  readonly purchasePrice: number | null;
  /** The unit name in lower case: SnelStart's free-text `eenheid` and Tribe's `Datastore_Unit` name compare by it. */
  readonly unit: string | null;
  /**
   * The SnelStart artikelomzetgroep id. A Tribe product group without a SnelStart counterpart is
   * `tribe:<ProductGroup ID>`, so that it is never mistaken for "no group" and cannot be written to SnelStart.
   */
  readonly productGroup: string | null;
  readonly inactive: boolean;
}

export type CanonicalProductField = keyof CanonicalProduct;

export const CANONICAL_PRODUCT_FIELDS: readonly CanonicalProductField[] = [
  'name',
  'code',
  'salesPrice',
  'purchasePrice',
  'unit',
  'productGroup',
  'inactive',
];

/** An artikelomzetgroep and the Tribe ProductGroup that stands for it. */
export interface ProductGroupPair {
  readonly snelstartOmzetgroepId: string;
  readonly tribeProductGroupId: string;
}

export interface ProductMappingContext {
  /** Tribe `Datastore_Unit` rows. */
  readonly units: readonly TribeCodedRecord[];
  readonly productGroups: readonly ProductGroupPair[];
  /** The administration's artikelcode rules (`companyInfo.artikelcodeSoort` / `artikelcodeMaxLengte`). */
  readonly artikelcode?: { readonly numeric: boolean; readonly maxLength: number | null };
}

const TRIBE_GROUP_PREFIX = 'tribe:';

export function artikelToCanonical(artikel: SnelStartArtikel): CanonicalProduct {
  return {
    name: tidyText(artikel.omschrijving),
    code: tidyText(artikel.artikelcode),
    salesPrice: canonicalPrice(artikel.verkoopprijs),
    purchasePrice: canonicalPrice(artikel.inkoopprijs),
    unit: canonicalUnit(artikel.eenheid),
    productGroup: tidyText(artikel.artikelOmzetgroep?.id),
    inactive: artikel.isNonActief === true,
  };
}

export function tribeProductToCanonical(
  product: TribeProduct,
  context: ProductMappingContext,
): CanonicalProduct {
  const unit = product.Unit
    ? (context.units.find((row) => row.ID === product.Unit?.ID) ?? product.Unit)
    : null;
  const groupId = product.ProductGroup?.ID;
  const pair = groupId
    ? context.productGroups.find((candidate) => candidate.tribeProductGroupId === groupId)
    : undefined;
  return {
    name: tidyText(product.Name),
    code: tidyText(product.Code),
    salesPrice: canonicalPrice(product.SalesPrice),
    purchasePrice: canonicalPrice(product.PurchasePrice),
    unit: canonicalUnit(unit?.Name ?? unit?.Code),
    productGroup: groupId ? (pair?.snelstartOmzetgroepId ?? `${TRIBE_GROUP_PREFIX}${groupId}`) : null,
    inactive: product.IsInactive === true,
  };
}

/**
 * The Tribe product fields for a canonical product: all of them, or only those of `changed`. The unit is
 * looked up by name (or code) among Tribe's units and the omzetgroep through the group pairs; a value Tribe
 * has no record for is a problem, not a silently emptied field.
 */
export function tribeProductWriteFromCanonical(
  canonical: CanonicalProduct,
  context: ProductMappingContext,
  changed?: readonly CanonicalProductField[],
): { product: Partial<TribeProductWrite>; problems: FieldProblem[] } {
  const wanted = (field: CanonicalProductField) => changed === undefined || changed.includes(field);
  const product: Partial<TribeProductWrite> = {};
  const problems: FieldProblem[] = [];
  if (wanted('name')) {
    if (canonical.name === null) {
      problems.push({
        field: 'Name',
        message:
          'The SnelStart artikel has no omschrijving; Tribe requires a product name. Fill it in in SnelStart.',
      });
    } else product.Name = canonical.name;
  }
  if (wanted('code')) product.Code = canonical.code;
  if (wanted('salesPrice')) product.SalesPrice = canonical.salesPrice;
  if (wanted('purchasePrice')) product.PurchasePrice = canonical.purchasePrice;
  if (wanted('inactive')) product.IsInactive = canonical.inactive;
  if (wanted('unit')) {
    if (canonical.unit === null) product.Unit = null;
    else {
      const unit = findUnit(canonical.unit, context);
      if (unit) product.Unit = { ID: unit.ID };
      else {
        problems.push({
          field: 'Unit',
          message: `The unit "${canonical.unit}" does not exist in Tribe (Datastore_Unit); add it in Tribe or change the eenheid in SnelStart, then retry.`,
        });
      }
    }
  }
  if (wanted('productGroup')) {
    const group = canonical.productGroup;
    if (group === null) product.ProductGroup = null;
    else if (group.startsWith(TRIBE_GROUP_PREFIX))
      product.ProductGroup = { ID: group.slice(TRIBE_GROUP_PREFIX.length) };
    else {
      const pair = context.productGroups.find((candidate) => candidate.snelstartOmzetgroepId === group);
      if (pair) product.ProductGroup = { ID: pair.tribeProductGroupId };
      else {
        problems.push({
          field: 'ProductGroup',
          message: `SnelStart artikelomzetgroep ${group} has no Tribe product group yet; sync the product groups first, then retry.`,
        });
      }
    }
  }
  return { product, problems };
}

/** Every SnelStart artikel field of a canonical product, with the checks SnelStart would apply. */
export function artikelWriteFromCanonical(
  canonical: CanonicalProduct,
  context: ProductMappingContext,
): { artikel: SnelStartArtikelWrite; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let artikelOmzetgroep: SnelStartArtikelWrite['artikelOmzetgroep'] = null;
  const group = canonical.productGroup;
  if (group !== null && group.startsWith(TRIBE_GROUP_PREFIX)) {
    problems.push({
      field: 'artikelOmzetgroep',
      message: `Tribe product group ${group.slice(TRIBE_GROUP_PREFIX.length)} has no SnelStart artikelomzetgroep; omzetgroepen cannot be created through the API: create it in SnelStart with the same number or name, or choose another product group in Tribe.`,
    });
  } else if (group !== null) artikelOmzetgroep = { id: group };
  const artikel: SnelStartArtikelWrite = {
    artikelcode: canonical.code,
    omschrijving: canonical.name,
    verkoopprijs: canonical.salesPrice,
    inkoopprijs: canonical.purchasePrice,
    eenheid: canonical.unit === null ? null : (findUnit(canonical.unit, context)?.Name ?? canonical.unit),
    artikelOmzetgroep,
    isNonActief: canonical.inactive,
  };
  const reported = new Set(problems.map((problem) => problem.field));
  return {
    artikel,
    problems: [
      ...problems,
      ...validateArtikelWrite(artikel, context).filter((problem) => !reported.has(problem.field)),
    ],
  };
}

/** Read-only fields of an artikel that must not be sent back in a PUT. */
export type ReadOnlyArtikelField =
  'uri' | 'modifiedOn' | 'technischeVoorraad' | 'vrijeVoorraad' | 'isHoofdartikel' | 'subartikelen';
const READ_ONLY_ARTIKEL_FIELDS: readonly string[] = [
  'uri',
  'modifiedOn',
  'technischeVoorraad',
  'vrijeVoorraad',
  'isHoofdartikel',
  'subartikelen',
];

const ARTIKEL_FIELD_OF: Record<CanonicalProductField, keyof SnelStartArtikelWrite> = {
  name: 'omschrijving',
  code: 'artikelcode',
  salesPrice: 'verkoopprijs',
  purchasePrice: 'inkoopprijs',
  unit: 'eenheid',
  productGroup: 'artikelOmzetgroep',
  inactive: 'isNonActief',
};

/**
 * The body of `PUT /artikelen/{id}` (a full replacement): the current artikel without read-only fields, with
 * the fields of `changed` replaced. Only problems in the changed fields are reported.
 */
export function artikelUpdateFromCanonical<T extends SnelStartArtikel>(
  current: T,
  merged: CanonicalProduct,
  changed: readonly CanonicalProductField[],
  context: ProductMappingContext,
): { artikel: Omit<T, ReadOnlyArtikelField> & Partial<SnelStartArtikelWrite>; problems: FieldProblem[] } {
  const { artikel: full, problems } = artikelWriteFromCanonical(merged, context);
  const touched = new Set(changed.map((field) => ARTIKEL_FIELD_OF[field]));
  const patch = Object.fromEntries(
    [...touched].map((field) => [field, full[field]]),
  ) as Partial<SnelStartArtikelWrite>;
  const base = Object.fromEntries(
    Object.entries(current).filter(([key]) => !READ_ONLY_ARTIKEL_FIELDS.includes(key)),
  ) as Omit<T, ReadOnlyArtikelField>;
  return {
    artikel: { ...base, ...patch },
    problems: problems.filter((problem) => touched.has(problem.field as keyof SnelStartArtikelWrite)),
  };
}

/**
 * SnelStart's artikel rules: artikelcode required (ART-0002), numeric when the administration uses numeric
 * codes (ART-0003), not longer than its maximum (ART-0004); omschrijving required and at most 250 characters
 * (ART-0006/0007); artikelOmzetgroep required (ART-0008).
 */
export function validateArtikelWrite(
  artikel: SnelStartArtikelWrite,
  context: Pick<ProductMappingContext, 'artikelcode'>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const code = artikel.artikelcode;
  const rules = context.artikelcode;
  if (code === null || code.trim() === '') {
    problems.push({
      field: 'artikelcode',
      message:
        'The product has no code (Tribe Code); SnelStart requires an artikelcode (ART-0002). Fill in the code in Tribe.',
    });
  } else {
    if (rules?.numeric && !/^\d+$/.test(code)) {
      problems.push({
        field: 'artikelcode',
        message: `The product code "${code}" must be numeric in this administration (ART-0003). Change the code in Tribe.`,
      });
    }
    if (rules?.maxLength != null && code.length > rules.maxLength) {
      problems.push({
        field: 'artikelcode',
        message: `The product code "${code}" is ${code.length} characters; this administration allows at most ${rules.maxLength} (ART-0004). Shorten it in Tribe.`,
      });
    }
  }
  const name = artikel.omschrijving;
  if (name === null || name.trim() === '') {
    problems.push({
      field: 'omschrijving',
      message: 'The product has no name (Tribe Name); SnelStart requires an omschrijving (ART-0006).',
    });
  } else if (name.length > 250) {
    problems.push({
      field: 'omschrijving',
      message: `The product name is ${name.length} characters; SnelStart allows at most 250 (ART-0007). Shorten it in Tribe.`,
    });
  }
  if (artikel.artikelOmzetgroep === null) {
    problems.push({
      field: 'artikelOmzetgroep',
      message:
        'The product has no product group (Tribe ProductGroup); SnelStart requires an artikelomzetgroep (ART-0008). Choose a product group in Tribe.',
    });
  }
  return problems;
}

/**
 * Pairs SnelStart artikelomzetgroepen with Tribe product groups: first by code (Tribe `Code` = omzetgroep
 * `nummer`), then by name (same normalisation as organisation names). A Tribe group is used once. `unpaired`
 * lists the omzetgroepen that need a Tribe product group (see {@link productGroupCreateFromOmzetgroep}).
 */
export function pairProductGroups(
  omzetgroepen: readonly SnelStartArtikelOmzetgroep[],
  tribeGroups: readonly TribeCodedRecord[],
): { pairs: ProductGroupPair[]; unpaired: SnelStartArtikelOmzetgroep[] } {
  const used = new Set<string>();
  const pairs: ProductGroupPair[] = [];
  const unpaired: SnelStartArtikelOmzetgroep[] = [];
  const pick = (predicate: (group: TribeCodedRecord) => boolean) =>
    tribeGroups.find((group) => !used.has(group.ID) && predicate(group));
  for (const omzetgroep of omzetgroepen) {
    const code = typeof omzetgroep.nummer === 'number' ? String(omzetgroep.nummer) : null;
    const name = normaliseOrganisationName(omzetgroep.omschrijving);
    const match =
      (code !== null ? pick((group) => tidyText(group.Code) === code) : undefined) ??
      (name !== '' ? pick((group) => normaliseOrganisationName(group.Name) === name) : undefined);
    if (match) {
      used.add(match.ID);
      pairs.push({ snelstartOmzetgroepId: omzetgroep.id, tribeProductGroupId: match.ID });
    } else unpaired.push(omzetgroep);
  }
  return { pairs, unpaired };
}

/** The Tribe ProductGroup to create for an omzetgroep: its name, and its number as the code. */
export function productGroupCreateFromOmzetgroep(omzetgroep: SnelStartArtikelOmzetgroep): {
  Name: string;
  Code: string | null;
} {
  const code = typeof omzetgroep.nummer === 'number' ? String(omzetgroep.nummer) : null;
  return { Name: tidyText(omzetgroep.omschrijving) ?? `Omzetgroep ${code ?? omzetgroep.id}`, Code: code };
}

function findUnit(unit: string, context: ProductMappingContext): TribeCodedRecord | undefined {
  return (
    context.units.find((row) => canonicalUnit(row.Name) === unit) ??
    context.units.find((row) => canonicalUnit(row.Code) === unit)
  );
}

function canonicalUnit(value: string | null | undefined): string | null {
  return tidyText(value)?.toLowerCase() ?? null;
}

function canonicalPrice(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? roundDecimal(value, 4) : null;
}
