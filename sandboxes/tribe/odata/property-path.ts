import {
  refId,
  type EntityRecord,
  type EntitySetDef,
  type FieldKind,
  type NavigationDef,
} from '../model/entity-model';
import type { TenantData } from '../store/tenant-data';
import { invalidQuery } from './odata-error';

/** What a path ends in: a field of some kind, or a navigation (comparable with null only). */
export type PathKind = FieldKind | 'navigation';

export interface CompiledPath {
  readonly kind: PathKind;
  readonly read: (record: EntityRecord) => unknown;
}

/**
 * Compiles `Phase/Code`, `Organization/ID` or `VisitingAddress/Country/Code` against the schema, following
 * navigations through the tenant's tables when evaluated. `Nav/ID` reads the reference without a lookup.
 */
export function compilePath(data: TenantData, def: EntitySetDef, segments: readonly string[]): CompiledPath {
  const [first, ...rest] = segments;
  if (first === undefined) throw invalidQuery('Empty property path');
  const field = def.fieldsByName.get(first);
  if (field) {
    if (rest.length > 0) throw invalidQuery(`'${first}' on ${def.name} is not a navigation property`);
    return { kind: field.kind, read: (record) => record[first] };
  }
  const navigation = def.navigationsByName.get(first);
  if (!navigation) {
    if (def.collectionsByName.has(first)) {
      throw invalidQuery(`Collection navigation '${first}' cannot be used in a path on ${def.name}`);
    }
    throw invalidQuery(`Property '${first}' does not exist on ${def.name}`);
  }
  if (rest.length === 0) return { kind: 'navigation', read: (record) => refId(record[first]) };
  if (rest.length === 1 && rest[0] === 'ID') return { kind: 'guid', read: (record) => refId(record[first]) };
  return compileThroughNavigation(data, navigation, rest, def.name);
}

function compileThroughNavigation(
  data: TenantData,
  navigation: NavigationDef,
  rest: readonly string[],
  ownerName: string,
): CompiledPath {
  const perTarget = new Map<string, CompiledPath>();
  let kind: PathKind | undefined;
  for (const targetDef of data.targetDefs(navigation)) {
    try {
      const compiled = compilePath(data, targetDef, rest);
      perTarget.set(targetDef.name, compiled);
      kind ??= compiled.kind;
    } catch {
      // a polymorphic navigation only needs the property on one of its targets
    }
  }
  if (kind === undefined) {
    throw invalidQuery(`Property '${rest.join('/')}' does not exist behind ${ownerName}/${navigation.name}`);
  }
  return {
    kind,
    read: (record) => {
      const id = refId(record[navigation.name]);
      if (id === null) return null;
      const located = data.resolve(navigation, id);
      if (!located) return null;
      return perTarget.get(located.table.def.name)?.read(located.record) ?? null;
    },
  };
}
