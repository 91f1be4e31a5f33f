import { randomUUID } from 'node:crypto';
import {
  GUID_PATTERN,
  SERVER_MANAGED_FIELDS,
  type EntityRecord,
  type EntitySetDef,
  type NavigationDef,
} from '../model/entity-model';
import { notFound, validationError } from '../odata/odata-error';
import type { TenantData } from '../store/tenant-data';
import { checkFieldValue } from './field-value';

/** A validated write of one record, with the deep inserts/updates it carries applied first. */
export interface RecordWrite {
  readonly def: EntitySetDef;
  readonly id: string;
  readonly existing?: EntityRecord;
  /** Fields and navigation references (`{ ID }` or null) to set. */
  readonly values: Record<string, unknown>;
  readonly children: RecordWrite[];
}

/**
 * Validates a request body completely before anything is stored, so a bad nested address fails the whole
 * request instead of leaving half of it written.
 */
export function planWrite(
  data: TenantData,
  def: EntitySetDef,
  body: unknown,
  existing: EntityRecord | undefined,
  newId?: string,
): RecordWrite {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationError(`The body for ${def.name} must be a JSON object`);
  }
  if (newId !== undefined && !GUID_PATTERN.test(newId))
    throw validationError(`ID must be a GUID, got ${newId}`);
  const id = existing?.ID ?? newId?.toLowerCase() ?? randomUUID();
  const values: Record<string, unknown> = {};
  const children: RecordWrite[] = [];
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === 'ID' || SERVER_MANAGED_FIELDS.has(name)) continue;
    const field = def.fieldsByName.get(name);
    if (field) {
      values[name] = checkFieldValue(def, field, value);
      continue;
    }
    const navigation = def.navigationsByName.get(name);
    if (navigation) {
      values[name] = planNavigation(data, def, navigation, value, id, children);
      continue;
    }
    if (def.collectionsByName.has(name)) {
      throw validationError(`${def.typeName}.${name} is read-only; write the ${name} records themselves`);
    }
    throw validationError(`Property '${name}' does not exist on type '${def.typeName}'`);
  }
  if (!existing) {
    for (const field of def.fields) {
      if (field.required && values[field.name] === undefined) {
        throw validationError(`${def.typeName}.${field.name} is required`);
      }
    }
  }
  return { def, id, existing, values, children };
}

function planNavigation(
  data: TenantData,
  def: EntitySetDef,
  navigation: NavigationDef,
  value: unknown,
  ownerId: string,
  children: RecordWrite[],
): { ID: string } | null {
  const where = `${def.typeName}.${navigation.name}`;
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw validationError(`${where} must be a reference { "ID": "<guid>" } or null`);
  }
  const { ID: rawId, ...rest } = value as Record<string, unknown>;
  const hasFields = Object.keys(rest).length > 0;
  if (rawId !== undefined) {
    if (typeof rawId !== 'string' || !GUID_PATTERN.test(rawId))
      throw validationError(`${where}.ID must be a GUID`);
    const located = data.resolve(navigation, rawId.toLowerCase());
    if (!located) throw validationError(`${where} refers to unknown ID ${rawId}`);
    if (hasFields) {
      requireDeepInsert(navigation, where);
      children.push(planWrite(data, located.table.def, rest, located.record));
    }
    return { ID: located.record.ID };
  }
  requireDeepInsert(navigation, where);
  const targetDef = data.table(navigation.targets[0] as string).def;
  const child = planWrite(data, targetDef, rest, undefined);
  if (navigation.backReference) child.values[navigation.backReference] = { ID: ownerId };
  const implied = navigation.impliedValue;
  if (implied && child.values[implied.navigation] === undefined) {
    const datastore = targetDef.navigationsByName.get(implied.navigation);
    const match = datastore && data.findByCode(datastore.targets[0] as string, implied.code);
    if (match) child.values[implied.navigation] = { ID: match.ID };
  }
  children.push(child);
  return { ID: child.id };
}

function requireDeepInsert(navigation: NavigationDef, where: string): void {
  if (!navigation.deepInsert)
    throw validationError(`${where} must be a reference { "ID": "<guid>" } or null`);
}

/** Finds the record a write addresses by ID, as a 404 when it does not exist. */
export function existingRecord(data: TenantData, def: EntitySetDef, id: unknown): EntityRecord {
  if (typeof id !== 'string' || !GUID_PATTERN.test(id))
    throw validationError(`ID must be a GUID, got ${String(id)}`);
  const record = data.table(def.name).get(id.toLowerCase());
  if (!record) throw notFound(`${def.name}(${id}) does not exist`);
  return record;
}
