import { randomUUID } from 'node:crypto';
import { DEFAULT_DATASTORES, DEFAULT_OWN_ORGANIZATION_NAME } from '../model/default-datastores';
import { deterministicId } from '../model/deterministic-id';
import { displayName } from '../model/display-name';
import {
  GUID_PATTERN,
  refId,
  SERVER_MANAGED_FIELDS,
  type EntityRecord,
  type EntitySetDef,
} from '../model/entity-model';
import { ENTITY_SETS, findEntitySet, IDENTITY_SET } from '../model/entity-sets';
import { deriveFields } from '../writes/derived-fields';
import { checkFieldValue } from '../writes/field-value';
import type { TribeSeed } from './seed-format';
import type { TenantData } from './tenant-data';

// Built-ins are read once into module constants: in VM contexts (test runners) every global lookup is slow.
const NativeDate = Date;
const { entries } = Object;
const { isArray } = Array;
const { isNaN: isNaNNumber } = Number;

export interface SeedContext {
  /** Makes default datastore IDs stable per tenant. */
  readonly tenantKey: string;
  readonly ownOrganizationName?: string;
}

interface PendingRecord {
  readonly def: EntitySetDef;
  readonly record: EntityRecord;
  readonly givenMutationMs: number | undefined;
}

/**
 * Replaces a tenant's data with a seed. Records are checked like API writes (types, limits, references),
 * but keep their own IDs and dates; `LastMutationDate`s are nudged where needed so they stay unique and
 * strictly increasing per tenant. Sets the seed leaves out get the default datastores; a seed without an
 * identity gets an own organisation.
 */
export function loadSeed(data: TenantData, seed: TribeSeed, context: SeedContext): void {
  for (const key of Object.keys(seed)) {
    if (!findEntitySet(key)) throw new Error(`Seed contains unknown entity set '${key}'`);
  }
  const pending: PendingRecord[] = [];
  const idsBySet = new Map<string, Set<string>>();
  for (const def of ENTITY_SETS) {
    const rows = seed[def.name] ?? defaultRows(def, context);
    const ids = new Set<string>();
    idsBySet.set(def.name, ids);
    rows.forEach((row, index) => {
      const entry = normalizeRow(def, row, `${def.name}[${index}]`);
      if (ids.has(entry.record.ID))
        throw new Error(`Seed ${def.name}[${index}]: duplicate ID ${entry.record.ID}`);
      ids.add(entry.record.ID);
      pending.push(entry);
    });
  }
  checkReferences(pending, idsBySet);
  assignMutationDates(data, pending);
  data.clear();
  for (const { def, record } of pending) data.table(def.name).put(record);
  // A seeded record is all written: its own fields are what the derivation reads.
  for (const { def, record } of pending) deriveFields(data, def.name, record, record);
  if (data.table(IDENTITY_SET).size === 0) addOwnOrganization(data, context);
}

function defaultRows(def: EntitySetDef, context: SeedContext): ReadonlyArray<Record<string, unknown>> {
  const rows = DEFAULT_DATASTORES[def.name] ?? [];
  return rows.map((row) => ({ ID: deterministicId(context.tenantKey, def.name, String(row.Code)), ...row }));
}

function normalizeRow(def: EntitySetDef, row: Record<string, unknown>, where: string): PendingRecord {
  if (typeof row !== 'object' || row === null || isArray(row))
    throw new Error(`Seed ${where}: not an object`);
  const rawId = row.ID ?? randomUUID();
  if (typeof rawId !== 'string' || !GUID_PATTERN.test(rawId))
    throw new Error(`Seed ${where}: ID must be a GUID`);
  const record: EntityRecord = { ID: rawId.toLowerCase(), _Type: def.typeName, LastMutationDate: '' };
  let givenMutationMs: number | undefined;
  try {
    for (const [name, value] of entries(row)) {
      if (name === 'ID' || name === '_Type' || name === '_Name' || value === undefined) continue;
      if (name === 'LastMutationDate' || name === 'CreationDate') {
        const ms = typeof value === 'string' ? NativeDate.parse(value) : NaN;
        if (isNaNNumber(ms)) throw new Error(`${name} must be a DateTimeOffset`);
        if (name === 'LastMutationDate') givenMutationMs = ms;
        else record.CreationDate = new NativeDate(ms).toISOString();
        continue;
      }
      if (SERVER_MANAGED_FIELDS.has(name)) continue;
      const field = def.fieldsByName.get(name);
      if (field) {
        record[name] = checkFieldValue(def, field, value);
        continue;
      }
      if (def.navigationsByName.has(name)) {
        if (value !== null && refId(value) === null)
          throw new Error(`${name} must be { "ID": "<guid>" } or null`);
        record[name] = value === null ? null : { ID: (refId(value) as string).toLowerCase() };
        continue;
      }
      throw new Error(`property '${name}' does not exist on ${def.typeName}`);
    }
    for (const field of def.fields) {
      if (field.required && (record[field.name] === undefined || record[field.name] === null)) {
        throw new Error(`${field.name} is required`);
      }
    }
  } catch (error) {
    throw new Error(`Seed ${where}: ${(error as Error).message}`);
  }
  record.IsActive ??= true;
  record._Name = displayName(def, record);
  return { def, record, givenMutationMs };
}

function checkReferences(
  pending: readonly PendingRecord[],
  idsBySet: ReadonlyMap<string, Set<string>>,
): void {
  const problems: string[] = [];
  for (const { def, record } of pending) {
    for (const navigation of def.navigations) {
      const id = refId(record[navigation.name]);
      if (id === null) continue;
      if (!navigation.targets.some((target) => idsBySet.get(target)?.has(id))) {
        problems.push(`${def.name}(${record.ID}).${navigation.name} refers to unknown ID ${id}`);
        if (problems.length >= 5) break;
      }
    }
    if (problems.length >= 5) break;
  }
  if (problems.length > 0) throw new Error(`Seed has dangling references: ${problems.join('; ')}`);
}

/** Given dates are kept unless two collide; rows without one get fresh dates after all given ones. */
function assignMutationDates(data: TenantData, pending: readonly PendingRecord[]): void {
  const dated = pending.filter((entry) => entry.givenMutationMs !== undefined);
  dated.sort((a, b) => (a.givenMutationMs as number) - (b.givenMutationMs as number));
  let previous = -Infinity;
  for (const entry of dated) {
    const ms = Math.max(entry.givenMutationMs as number, previous + 1);
    entry.record.LastMutationDate = new NativeDate(ms).toISOString();
    previous = ms;
  }
  if (previous > -Infinity) data.clock.advancePast(previous);
  for (const entry of pending) {
    if (entry.givenMutationMs === undefined) entry.record.LastMutationDate = data.clock.next();
    entry.record.CreationDate ??= entry.record.LastMutationDate;
  }
}

function addOwnOrganization(data: TenantData, context: SeedContext): void {
  const name = context.ownOrganizationName ?? DEFAULT_OWN_ORGANIZATION_NAME;
  const timestamp = () => data.clock.next();
  const organizationId = deterministicId(context.tenantKey, 'own-organization');
  const organizationDate = timestamp();
  data.table('Relation_Organization').put({
    ID: organizationId,
    _Type: 'Relation.Organization',
    _Name: name,
    Name: name,
    IsActive: true,
    CreationDate: organizationDate,
    LastMutationDate: organizationDate,
  });
  const identityDate = timestamp();
  data.table(IDENTITY_SET).put({
    ID: deterministicId(context.tenantKey, 'identity'),
    _Type: 'Relationship.Organization.Identity',
    _Name: name,
    Name: name,
    IsActive: true,
    Relation: { ID: organizationId },
    CreationDate: identityDate,
    LastMutationDate: identityDate,
  });
}
