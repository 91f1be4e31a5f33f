/**
 * Safe `$filter` building: every value interpolated into `odataFilter` is written as an OData v3
 * literal, so user data can never change the filter's meaning.
 *
 *   odataFilter`Factuurnummer eq ${nummer} and Klant/Id eq ${guid(klantId)}`
 */

/** A literal whose text is already valid OData (built by `guid` or `datetime`). */
export class ODataLiteral {
  constructor(readonly text: string) {}
}

export type ODataValue = string | number | boolean | null | ODataLiteral;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?$/;

/** `guid'…'`, for Id and reference (`Relatie/Id`) comparisons. */
export function guid(id: string): ODataLiteral {
  if (!GUID.test(id)) throw new TypeError(`not a GUID: ${JSON.stringify(id)}`);
  return new ODataLiteral(`guid'${id}'`);
}

/** `datetime'…'` from a zone-less wall-clock time (`yyyy-MM-ddTHH:mm:ss[.fff]`), as SnelStart writes them. */
export function datetime(wallClock: string): ODataLiteral {
  if (!WALL_CLOCK.test(wallClock)) {
    throw new TypeError(`not a zone-less date-time (yyyy-MM-ddTHH:mm:ss.fff): ${JSON.stringify(wallClock)}`);
  }
  return new ODataLiteral(`datetime'${wallClock}'`);
}

/** A string literal: quoted, with `'` doubled. */
export function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function literal(value: ODataValue): string {
  if (value instanceof ODataLiteral) return value.text;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return String(value);
  }
  return quote(value);
}

export function odataFilter(strings: TemplateStringsArray, ...values: ODataValue[]): string {
  return strings.reduce(
    (filter, part, i) => filter + part + (i < values.length ? literal(values[i] as ODataValue) : ''),
    '',
  );
}

/** Joins filters with `and` (each parenthesised); undefined when there are none. */
export function allOf(...filters: (string | undefined)[]): string | undefined {
  const present = filters.filter((filter): filter is string => filter !== undefined && filter.trim() !== '');
  if (present.length <= 1) return present[0];
  return present.map((filter) => `(${filter})`).join(' and ');
}
