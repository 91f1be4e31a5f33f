import type { EntitySetDef } from '../model/entity-model';
import type { TenantData } from '../store/tenant-data';
import { compileFilter } from './filter-compiler';
import { invalidQuery } from './odata-error';
import { compilePath } from './property-path';
import type { QueryOptions } from './query-options';

/**
 * Checks every name in the options against the schema before any row is read, so a typo is a 400 even when
 * nothing matches. `defs` holds several definitions when the options apply behind a polymorphic navigation;
 * a name then has to exist on at least one of them.
 */
export function validateQueryOptions(
  data: TenantData,
  defs: readonly EntitySetDef[],
  options: QueryOptions,
  collection: boolean,
): void {
  const label = defs.map((def) => def.name).join('|');
  if (
    !collection &&
    (options.filter || options.orderby.length > 0 || options.top !== undefined || options.skip > 0)
  ) {
    throw invalidQuery(`$filter, $orderby, $top and $skip only apply to collections, not to ${label}`);
  }
  for (const name of options.select ?? []) {
    if (!defs.some((def) => isProperty(def, name)))
      throw invalidQuery(`Property '${name}' in $select does not exist on ${label}`);
  }
  for (const item of options.expand) validateExpandItem(data, defs, item.name, item.options, label);
  for (const key of options.orderby) atLeastOne(defs, (def) => compilePath(data, def, key.segments));
  const filter = options.filter;
  if (filter) atLeastOne(defs, (def) => compileFilter(data, def, filter));
}

function validateExpandItem(
  data: TenantData,
  defs: readonly EntitySetDef[],
  name: string,
  nested: QueryOptions,
  label: string,
): void {
  const owners = defs.filter((def) => isExpandable(def, name));
  if (owners.length === 0)
    throw invalidQuery(`'${name}' in $expand is not a navigation property of ${label}`);
  for (const owner of owners) {
    const navigation = owner.navigationsByName.get(name);
    if (navigation) {
      validateQueryOptions(data, data.targetDefs(navigation), nested, false);
      continue;
    }
    const collection = owner.collectionsByName.get(name);
    if (collection) {
      validateQueryOptions(data, [data.table(collection.source).def], nested, true);
      continue;
    }
    if (nested.select || nested.expand.length > 0) throw invalidQuery(`'${name}' cannot take nested options`);
  }
}

function isProperty(def: EntitySetDef, name: string): boolean {
  return def.fieldsByName.has(name) || def.navigationsByName.has(name) || def.collectionsByName.has(name);
}

function isExpandable(def: EntitySetDef, name: string): boolean {
  return (
    def.navigationsByName.has(name) ||
    def.collectionsByName.has(name) ||
    def.fieldsByName.get(name)?.kind === 'file'
  );
}

/** Runs a check per definition and rethrows the first error only if it fails on every one. */
function atLeastOne(defs: readonly EntitySetDef[], check: (def: EntitySetDef) => unknown): void {
  let firstError: unknown;
  for (const def of defs) {
    try {
      check(def);
      return;
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError;
}
