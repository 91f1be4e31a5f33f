import { MAX_FILE_BYTES } from '../model/entity-sets';
import type { EntitySetDef, FieldDef } from '../model/entity-model';
import { validationError } from '../odata/odata-error';

// Built-ins are read once into module constants: in VM contexts (test runners) every global lookup is slow.
const NativeDate = Date;
const parseDate = Date.parse;
const { isFinite: isFiniteNumber, isInteger, isNaN: isNaNNumber } = Number;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface StoredFile {
  Name: string;
  MimeType: string;
  Size: number;
  Data: string;
}

/** Checks one written field value against its declared kind and limits; returns the value to store. */
export function checkFieldValue(def: EntitySetDef, field: FieldDef, value: unknown): unknown {
  // Named only when something is wrong: this runs for every field of every seeded and written record.
  const where = (): string => `${def.typeName}.${field.name}`;
  if (value === null) {
    if (field.required) throw validationError(`${where()} is required`);
    return null;
  }
  switch (field.kind) {
    case 'string':
      if (typeof value !== 'string') throw wrongType(where(), 'a string', value);
      if (field.required && value.trim() === '') throw validationError(`${where()} is required`);
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        throw validationError(`${where()} is longer than ${field.maxLength} characters (${value.length})`);
      }
      return value;
    case 'integer':
      if (typeof value !== 'number' || !isInteger(value)) throw wrongType(where(), 'an integer', value);
      return value;
    case 'number':
      if (typeof value !== 'number' || !isFiniteNumber(value)) throw wrongType(where(), 'a number', value);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType(where(), 'a boolean', value);
      return value;
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value) || isNaNNumber(parseDate(value))) {
        throw wrongType(where(), 'a date (YYYY-MM-DD)', value);
      }
      return value;
    case 'datetime':
      if (typeof value !== 'string' || isNaNNumber(parseDate(value)))
        throw wrongType(where(), 'a DateTimeOffset', value);
      return new NativeDate(value).toISOString();
    case 'guid':
      throw validationError(`${where()} cannot be written`);
    case 'file':
      return checkFile(where(), value);
  }
}

function checkFile(where: string, value: unknown): StoredFile {
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(where, 'an object', value);
  const { Name, MimeType, Data } = value as Record<string, unknown>;
  if (typeof Name !== 'string' || Name.trim() === '' || Name.length > 255) {
    throw validationError(`${where}.Name is required (at most 255 characters)`);
  }
  if (typeof MimeType !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(MimeType)) {
    throw validationError(`${where}.MimeType must be a media type such as application/pdf`);
  }
  if (typeof Data !== 'string' || Data.length % 4 !== 0 || !BASE64.test(Data)) {
    throw validationError(`${where}.Data must be base64`);
  }
  const size = Buffer.byteLength(Data, 'base64');
  if (size > MAX_FILE_BYTES)
    throw validationError(`${where} is ${size} bytes; the limit is ${MAX_FILE_BYTES}`);
  return { Name, MimeType, Size: size, Data };
}

function wrongType(where: string, expected: string, value: unknown) {
  const shown = JSON.stringify(value);
  const sample = shown === undefined ? String(value) : shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
  return validationError(`${where} must be ${expected}, got ${sample}`);
}
