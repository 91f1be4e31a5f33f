import { TribeInputError } from './errors';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `O'Brien` → `'O''Brien'`. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** GUIDs are unquoted in Tribe filters; anything that is not a GUID is refused rather than sent. */
export function odataGuid(value: string): string {
  if (!GUID.test(value)) throw new TribeInputError('$filter', '', `'${value}' is not a GUID`);
  return value.toLowerCase();
}

/** Unquoted DateTimeOffset in UTC with milliseconds: `2026-01-01T00:00:00.000Z`. */
export function odataDateTimeOffset(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime()))
    throw new TribeInputError('$filter', '', `'${String(value)}' is not a date-time`);
  return date.toISOString();
}

export function odataNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TribeInputError('$filter', '', `${value} is not a finite number`);
  return String(value);
}

export function odataBoolean(value: boolean): string {
  return value ? 'true' : 'false';
}

/** `(Path eq a or Path eq b …)`: Tribe has no `in` operator. */
export function odataAnyOf(path: string, literals: readonly string[]): string {
  if (literals.length === 0) throw new TribeInputError('$filter', path, 'needs at least one value');
  return `(${literals.map((literal) => `${path} eq ${literal}`).join(' or ')})`;
}
