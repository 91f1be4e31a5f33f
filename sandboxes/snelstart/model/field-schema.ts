import { canonicalDateTime, storedDateTime } from '../store/wall-clock';

export type FieldType =
  | { kind: 'string'; maxLength?: number }
  | { kind: 'int' }
  | { kind: 'decimal' }
  | { kind: 'boolean' }
  | { kind: 'datetime' }
  | { kind: 'guid' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'object'; model: ModelSchema }
  | { kind: 'array'; items: FieldType };

export interface FieldSchema {
  type: FieldType;
  /** Sent by the server only; ignored in request bodies. */
  readOnly?: boolean;
  /** The value a created or replaced record gets when the body leaves the field out. */
  default?: unknown;
}

/** One SnelStart model: what its fields are, for reading bodies, defaults and `$filter` paths. */
export interface ModelSchema {
  /** The .NET type name SnelStart puts in its error messages. */
  typeName: string;
  fields: Record<string, FieldSchema>;
  /** For identifier models (`{id, uri}`): the resource path their `uri` points into, e.g. `/relaties`. */
  uriPrefix?: string;
}

export const field = {
  string: (maxLength?: number): FieldSchema => ({ type: { kind: 'string', maxLength }, default: null }),
  int: (fallback: number | null = 0): FieldSchema => ({ type: { kind: 'int' }, default: fallback }),
  decimal: (fallback: number | null = 0): FieldSchema => ({ type: { kind: 'decimal' }, default: fallback }),
  boolean: (fallback = false): FieldSchema => ({ type: { kind: 'boolean' }, default: fallback }),
  datetime: (): FieldSchema => ({ type: { kind: 'datetime' }, default: null }),
  guid: (): FieldSchema => ({ type: { kind: 'guid' }, default: null }),
  enum: (values: readonly string[], fallback: string | null = values[0] ?? null): FieldSchema => ({
    type: { kind: 'enum', values },
    default: fallback,
  }),
  object: (model: ModelSchema, fallback: 'null' | 'empty' = 'null'): FieldSchema => ({
    type: { kind: 'object', model },
    default: fallback === 'null' ? null : 'empty',
  }),
  array: (items: FieldType, fallback: unknown[] | null = []): FieldSchema => ({
    type: { kind: 'array', items },
    default: fallback,
  }),
  readOnly: (schema: FieldSchema): FieldSchema => ({ ...schema, readOnly: true }),
};

/** Problems found while reading a body, keyed by field path as ASP.NET ModelState reports them. */
export type ModelState = Record<string, string[]>;

export interface ReadResult {
  value: Record<string, unknown>;
  problems: ModelState;
}

/**
 * Reads a JSON body into a complete record of `model`'s writable fields, the way the .NET binder
 * behind SnelStart does: property names case-insensitive, numbers and booleans also from strings,
 * enum names case-insensitive, unknown and read-only properties ignored, left-out fields defaulted.
 */
export function readBody(model: ModelSchema, body: unknown, path = 'model'): ReadResult {
  const problems: ModelState = {};
  const value = readObject(model, body, path, problems);
  return { value: value ?? defaultsOf(model), problems };
}

/** A record of `model` with every writable field at its default. */
export function defaultsOf(model: ModelSchema): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(model.fields)) {
    if (schema.readOnly) continue;
    record[name] = defaultValue(schema);
  }
  return record;
}

function defaultValue(schema: FieldSchema): unknown {
  if (schema.default === 'empty' && schema.type.kind === 'object') return defaultsOf(schema.type.model);
  if (Array.isArray(schema.default)) return [];
  return schema.default;
}

const lowerCaseLookups = new WeakMap<ModelSchema, Map<string, string>>();

function fieldNameLookup(model: ModelSchema): Map<string, string> {
  let lookup = lowerCaseLookups.get(model);
  if (!lookup) {
    lookup = new Map(Object.keys(model.fields).map((name) => [name.toLowerCase(), name]));
    lowerCaseLookups.set(model, lookup);
  }
  return lookup;
}

function readObject(
  model: ModelSchema,
  input: unknown,
  path: string,
  problems: ModelState,
): Record<string, unknown> | null {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'object' || Array.isArray(input)) {
    addProblem(problems, path, `Kan de waarde niet omzetten naar ${model.typeName}.`);
    return null;
  }
  const record = defaultsOf(model);
  const names = fieldNameLookup(model);
  for (const [key, raw] of Object.entries(input)) {
    const name = names.get(key.toLowerCase());
    if (!name) continue;
    const schema = model.fields[name] as FieldSchema;
    if (schema.readOnly || raw === undefined) continue;
    const fieldPath = `${path}.${name[0]?.toUpperCase()}${name.slice(1)}`;
    const read = raw === null ? defaultValue(schema) : readValue(schema.type, raw, fieldPath, problems);
    if (read !== undefined) record[name] = read;
  }
  if (model.uriPrefix) {
    if (typeof record.id !== 'string') return null;
    record.uri = `${model.uriPrefix}/${record.id}`;
  }
  return record;
}

function readValue(type: FieldType, raw: unknown, path: string, problems: ModelState): unknown {
  const fail = (expected: string): undefined => {
    addProblem(problems, path, `Kan de waarde ${JSON.stringify(raw)} niet omzetten naar ${expected}.`);
    return undefined;
  };
  switch (type.kind) {
    case 'string': {
      if (typeof raw === 'object') return fail('System.String');
      const text = String(raw);
      if (type.maxLength !== undefined && text.length > type.maxLength) {
        addProblem(problems, path, `Het veld mag maximaal ${type.maxLength} tekens bevatten.`);
        return undefined;
      }
      return text;
    }
    case 'int': {
      const number = toNumber(raw);
      return number !== undefined && Number.isInteger(number) && Math.abs(number) <= 2 ** 31
        ? number
        : fail('System.Int32');
    }
    case 'decimal': {
      const number = toNumber(raw);
      return number === undefined ? fail('System.Decimal') : number;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return fail('System.Boolean');
    case 'datetime': {
      const text = typeof raw === 'string' ? storedDateTime(raw) : undefined;
      return text ?? fail('System.DateTime');
    }
    case 'guid':
      return typeof raw === 'string' && isGuid(raw) ? raw.toLowerCase() : fail('System.Guid');
    case 'enum': {
      if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw < type.values.length) {
        return type.values[raw];
      }
      const match =
        typeof raw === 'string' ? type.values.find((v) => v.toLowerCase() === raw.toLowerCase()) : undefined;
      return match ?? fail(`één van ${type.values.join(', ')}`);
    }
    case 'object':
      return readObject(type.model, raw, path, problems) ?? undefined;
    case 'array': {
      if (!Array.isArray(raw)) return fail('een lijst');
      return raw.map((item, i) =>
        item === null ? null : readValue(type.items, item, `${path}[${i}]`, problems),
      );
    }
  }
}

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return Number(raw);
  return undefined;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isGuid(text: string): boolean {
  return GUID.test(text);
}

export function isDateTime(text: string): boolean {
  return canonicalDateTime(text) !== undefined;
}

function addProblem(problems: ModelState, path: string, message: string): void {
  (problems[path] ??= []).push(message);
}
