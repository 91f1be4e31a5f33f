import { refId, type EntityRecord, type EntitySetDef } from '../model/entity-model';
import type { TenantData } from '../store/tenant-data';
import type { QueryOptions } from './query-options';
import { runQuery } from './query-executor';

export type WireEntity = Record<string, unknown>;

/**
 * Shapes a stored record for the wire: every property of the type (absent ones as null), navigations as
 * `{ "ID" }` references or expanded objects, `File` as metadata unless `$expand=File` asks for its `Data`.
 */
export function projectRecord(
  data: TenantData,
  def: EntitySetDef,
  record: EntityRecord,
  options: Pick<QueryOptions, 'select' | 'expand'>,
): WireEntity {
  const expanded = new Map(options.expand.map((item) => [item.name, item.options]));
  const selected = options.select ? new Set(['ID', ...options.select]) : undefined;
  const include = (name: string) => !selected || selected.has(name) || expanded.has(name);
  const entity: WireEntity = {};

  for (const field of def.fieldsByName.values()) {
    if (!include(field.name)) continue;
    const value = record[field.name] ?? null;
    entity[field.name] = field.kind === 'file' && !expanded.has(field.name) ? fileMetadata(value) : value;
  }
  for (const navigation of def.navigations) {
    if (!include(navigation.name)) continue;
    const id = refId(record[navigation.name]);
    const nested = expanded.get(navigation.name);
    if (!nested || id === null) {
      entity[navigation.name] = id === null ? null : { ID: id };
      continue;
    }
    const located = data.resolve(navigation, id);
    entity[navigation.name] = located ? projectRecord(data, located.table.def, located.record, nested) : null;
  }
  for (const collection of def.collections) {
    const nested = expanded.get(collection.name);
    if (!nested) continue;
    const source = data.table(collection.source);
    const { rows } = runQuery(data, source, nested, source.lookup(collection.via, record.ID));
    entity[collection.name] = rows.map((row) => projectRecord(data, source.def, row, nested));
  }
  return entity;
}

function fileMetadata(value: unknown): unknown {
  if (!value || typeof value !== 'object') return null;
  const { Data: _data, ...metadata } = value as Record<string, unknown>;
  return metadata;
}
