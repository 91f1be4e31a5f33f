import type { EntityRecord, EntitySetDef } from './entity-model';

/** Tribe's computed `_Name`: the first non-empty of the type's name fields. */
export function displayName(def: EntitySetDef, record: Record<string, unknown> | EntityRecord): string {
  for (const name of def.nameFields) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return '';
}
