/** Declarative shape of the Tribe entity sets the sandbox serves (see MODEL.md). */

export type FieldKind = 'guid' | 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'file';

export interface FieldDef {
  readonly name: string;
  readonly kind: FieldKind;
  /** Upper bound for strings (characters). */
  readonly maxLength?: number;
  readonly required?: boolean;
  /** Maintain a hash index so `Field eq 'x'` does not scan the table. */
  readonly indexed?: boolean;
  /**
   * Also index this field's value under the first characters of the named indexed text field, so that
   * `startswith(Postalcode,'1234') and HouseNumber eq 5` reads a handful of IDs, not the whole postcode area.
   */
  readonly indexedUnderPrefixOf?: string;
}

export interface NavigationDef {
  readonly name: string;
  /** Entity sets the referenced record may live in (several for polymorphic links such as `Activity`). */
  readonly targets: readonly string[];
  /** An inline object without `ID` creates the target record (deep insert); with `ID` it updates it. */
  readonly deepInsert?: boolean;
  /** Navigation on the deep-inserted record that is pointed back at the owner (Address.Organization). */
  readonly backReference?: string;
  /** Datastore value a deep-inserted record gets when it names none (VisitingAddress → AddressType Visiting). */
  readonly impliedValue?: { readonly navigation: string; readonly code: string };
}

/** Read-only collection navigation: the records of `source` whose `via` navigation points at this record. */
export interface CollectionNavigationDef {
  readonly name: string;
  readonly source: string;
  readonly via: string;
}

export interface EntitySetDef {
  readonly name: string;
  /** Dotted `_Type`, e.g. `Relation.Organization`. */
  readonly typeName: string;
  readonly fields: readonly FieldDef[];
  readonly navigations: readonly NavigationDef[];
  readonly collections: readonly CollectionNavigationDef[];
  /** Datastores and the identity are managed by Tribe itself: the API cannot write them. */
  readonly writable: boolean;
  readonly isDatastore: boolean;
  /** Fields whose values make up `_Name`, first non-empty wins. */
  readonly nameFields: readonly string[];
  /** Own fields plus the base fields every entity has (ID, _Type, _Name, dates, IsActive). */
  readonly fieldsByName: ReadonlyMap<string, FieldDef>;
  readonly navigationsByName: ReadonlyMap<string, NavigationDef>;
  readonly collectionsByName: ReadonlyMap<string, CollectionNavigationDef>;
}

export const BASE_FIELDS: readonly FieldDef[] = [
  { name: 'ID', kind: 'guid' },
  { name: '_Type', kind: 'string' },
  { name: '_Name', kind: 'string' },
  { name: 'CreationDate', kind: 'datetime' },
  { name: 'LastMutationDate', kind: 'datetime' },
  { name: 'IsActive', kind: 'boolean' },
];

/** Fields the server maintains; written values are ignored. */
export const SERVER_MANAGED_FIELDS: ReadonlySet<string> = new Set([
  '_Type',
  '_Name',
  'CreationDate',
  'LastMutationDate',
  '@odata.context',
  '@odata.id',
]);

export type EntityRecord = Record<string, unknown> & { ID: string; LastMutationDate: string };

export interface NavigationRef {
  ID: string;
}

export function refId(value: unknown): string | null {
  if (value && typeof value === 'object' && typeof (value as NavigationRef).ID === 'string') {
    return (value as NavigationRef).ID;
  }
  return null;
}

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
