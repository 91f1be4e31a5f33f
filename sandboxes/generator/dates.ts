/** Date helpers. The generator never reads the clock: every moment is derived from the `now` it is given. */

// Built-ins are read once into module constants: in VM contexts (test runners) every global lookup is slow.
const NativeDate = Date;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** SnelStart style: no zone, millisecond precision, `yyyy-MM-ddTHH:mm:ss.fff`. */
export function zoneLessDateTime(ms: number): string {
  return new NativeDate(ms).toISOString().slice(0, 23);
}

/** SnelStart style calendar date: `yyyy-MM-ddT00:00:00`. */
export function zoneLessMidnight(ms: number): string {
  return `${isoDate(ms)}T00:00:00`;
}

/** Tribe style: ISO-8601 UTC with `Z` and millisecond precision. */
export function isoDateTime(ms: number): string {
  return new NativeDate(ms).toISOString();
}

/** `YYYY-MM-DD`. */
export function isoDate(ms: number): string {
  return new NativeDate(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of the day that contains `ms`. */
export function startOfDay(ms: number): number {
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

export function yearOf(ms: number): number {
  return new NativeDate(ms).getUTCFullYear();
}

const DUTCH_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** `maart 2026`. */
export function dutchMonthYear(ms: number): string {
  const date = new NativeDate(ms);
  return `${DUTCH_MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}
