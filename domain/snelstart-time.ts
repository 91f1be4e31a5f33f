/**
 * SnelStart's zone-less timestamps (`yyyy-MM-ddTHH:mm:ss[.fffffff]`) and the incremental-read cursor.
 *
 * SnelStart does not say which zone its wall-clock times are in; they are taken as Dutch local time
 * (`Europe/Amsterdam`) when an instant is needed, and the zone can be passed in. The cursor never needs the
 * zone: it is SnelStart's own `modifiedOn` text, compared with SnelStart's own values.
 */

export const SNELSTART_TIME_ZONE = 'Europe/Amsterdam';

/** Default overlap when re-reading from the cursor: covers clock skew and records committed late. */
export const DEFAULT_CURSOR_OVERLAP_SECONDS = 300;

const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MS = 3_600_000;

/**
 * The wall-clock time of a SnelStart timestamp as milliseconds of a "naive" UTC clock (the same digits read
 * as UTC), or `null` when the text is not a zone-less timestamp. Fractions beyond milliseconds are dropped.
 */
export function parseSnelStartDateTime(value: string | null | undefined): number | null {
  const match = ZONELESS.exec((value ?? '').trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction = ''] = match;
  const naive = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  const date = new Date(naive);
  if (
    date.getUTCFullYear() !== Number(year) ||
    date.getUTCMonth() !== Number(month) - 1 ||
    date.getUTCDate() !== Number(day) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    return null;
  }
  return naive + Number(fraction.padEnd(3, '0').slice(0, 3));
}

/** Naive wall-clock milliseconds as SnelStart text, `yyyy-MM-ddTHH:mm:ss` (milliseconds only when asked). */
export function formatSnelStartDateTime(naiveMs: number, withMilliseconds = false): string {
  const iso = new Date(naiveMs).toISOString();
  return withMilliseconds ? iso.slice(0, 23) : iso.slice(0, 19);
}

/** `2026-01-05` → `2026-01-05T00:00:00`, SnelStart's form for a date (factuurdatum, orderdatum). */
export function snelStartDate(isoDate: string): string {
  const date = isoDateOnly(isoDate);
  if (date === null) throw new RangeError(`not a date: ${JSON.stringify(isoDate)} (expected YYYY-MM-DD)`);
  return `${date}T00:00:00`;
}

/**
 * The `YYYY-MM-DD` date of a date or timestamp text (`2026-01-05`, `2026-01-05T00:00:00`, `2026-01-05T10:00:00Z`),
 * or `null` when it does not start with a valid calendar date.
 */
export function isoDateOnly(value: string | null | undefined): string | null {
  const candidate = (value ?? '').trim().slice(0, 10);
  const match = DATE_ONLY.exec(candidate);
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? candidate : null;
}

/** Whole days from one `YYYY-MM-DD` date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = isoDateOnly(from);
  const b = isoDateOnly(to);
  if (a === null || b === null) throw new RangeError(`not a date: ${a === null ? from : to}`);
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The instant a SnelStart wall-clock time stands for in `timeZone`. In the hour that occurs twice when
 * summer time ends the earlier instant is taken; a time skipped when summer time starts is moved forward by
 * the jump (02:30 → 03:30). A value with an explicit zone (`Z`, `+01:00`) is read as that instant.
 */
export function snelStartDateTimeToInstant(value: string, timeZone: string = SNELSTART_TIME_ZONE): Date {
  const naive = parseSnelStartDateTime(value);
  if (naive === null) {
    if (/(?:Z|[+-]\d{2}:\d{2})$/.test(value.trim()) && !Number.isNaN(Date.parse(value)))
      return new Date(Date.parse(value));
    throw new RangeError(`not a SnelStart timestamp: ${JSON.stringify(value)}`);
  }
  const instants = instantsOfWallClock(naive, timeZone);
  const first = instants[0];
  if (first !== undefined) return new Date(first);
  return new Date(naive - offsetAt(naive - 12 * HOUR_MS, timeZone));
}

/** The SnelStart wall-clock text (`yyyy-MM-ddTHH:mm:ss`) of an instant in `timeZone`. */
export function instantToSnelStartDateTime(instant: Date, timeZone: string = SNELSTART_TIME_ZONE): string {
  return formatSnelStartDateTime(wallClockOf(instant.getTime(), timeZone));
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localDate(instant: Date, timeZone: string = SNELSTART_TIME_ZONE): string {
  return instantToSnelStartDateTime(instant, timeZone).slice(0, 10);
}

/** True when the wall-clock time occurs twice in `timeZone` (the repeated hour when summer time ends). */
export function isRepeatedWallClock(value: string, timeZone: string = SNELSTART_TIME_ZONE): boolean {
  const naive = parseSnelStartDateTime(value);
  return naive !== null && instantsOfWallClock(naive, timeZone).length > 1;
}

/** Orders two SnelStart timestamps by their wall-clock value (`…:00` = `…:00.000`). Invalid text sorts first. */
export function compareSnelStartDateTimes(a: string, b: string): number {
  return (parseSnelStartDateTime(a) ?? -Infinity) - (parseSnelStartDateTime(b) ?? -Infinity) || 0;
}

/**
 * The next cursor: the greatest `modifiedOn` seen, never lower than the current cursor. Kept exactly as
 * SnelStart wrote it. Values that are not SnelStart timestamps are ignored.
 */
export function advanceCursor(
  cursor: string | null,
  modifiedOns: Iterable<string | null | undefined>,
): string | null {
  let next = cursor !== null && parseSnelStartDateTime(cursor) !== null ? cursor : null;
  for (const value of modifiedOns) {
    if (value == null || parseSnelStartDateTime(value) === null) continue;
    if (next === null || compareSnelStartDateTimes(value, next) > 0) next = value;
  }
  return next;
}

/**
 * Where the next read starts: the cursor minus the overlap, truncated to the whole second, so a record
 * modified in the cursor's own second (or a little earlier and committed late) is read again; `null` (read
 * everything) before the first cursor. When the cursor falls in the hour that repeats when summer time ends,
 * the read starts one more hour earlier, because records of the second pass through that hour carry
 * wall-clock times below the cursor. Records read twice are recognised by their fingerprint
 * ({@link changedSinceSnapshot}) and cause no writes.
 */
export function readFromCursor(
  cursor: string | null,
  overlapSeconds: number = DEFAULT_CURSOR_OVERLAP_SECONDS,
  timeZone: string = SNELSTART_TIME_ZONE,
): string | null {
  if (cursor === null) return null;
  const naive = parseSnelStartDateTime(cursor);
  if (naive === null) throw new RangeError(`not a SnelStart timestamp: ${JSON.stringify(cursor)}`);
  const overlapMs =
    Math.max(0, overlapSeconds) * 1000 + (isRepeatedWallClock(cursor, timeZone) ? HOUR_MS : 0);
  const from = naive - overlapMs;
  return formatSnelStartDateTime(from - (((from % 1000) + 1000) % 1000));
}

/**
 * The OData filter for an incremental read: `ModifiedOn ge datetime'…'` (`ge`, not `gt`, so the boundary
 * second is included), or `null` for a full read.
 */
export function modifiedOnFilter(from: string | null): string | null {
  if (from === null) return null;
  if (parseSnelStartDateTime(from) === null)
    throw new RangeError(`not a SnelStart timestamp: ${JSON.stringify(from)}`);
  return `ModifiedOn ge datetime'${from}'`;
}

/**
 * The records whose fingerprint differs from the one stored with their snapshot (or that have no snapshot):
 * what an overlapping re-read leaves to process.
 */
export function changedSinceSnapshot<T>(
  records: readonly T[],
  idOf: (record: T) => string,
  fingerprintOf: (record: T) => string,
  snapshotFingerprints: ReadonlyMap<string, string>,
): T[] {
  return records.filter((record) => snapshotFingerprints.get(idOf(record)) !== fingerprintOf(record));
}

// ------------------------------------------------------------------------------------------- time zones

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock (naive milliseconds) of an instant in a zone. */
function wallClockOf(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const millis = ((instantMs % 1000) + 1000) % 1000;
  return (
    Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    ) + millis
  );
}

function offsetAt(instantMs: number, timeZone: string): number {
  return wallClockOf(instantMs, timeZone) - instantMs;
}

/** Every instant whose wall clock in `timeZone` is `naive` (none in a skipped hour, two in a repeated one). */
function instantsOfWallClock(naive: number, timeZone: string): number[] {
  const offsets = new Set([-12, 0, 12].map((hours) => offsetAt(naive + hours * HOUR_MS, timeZone)));
  return [...offsets]
    .map((offset) => naive - offset)
    .filter((instant) => wallClockOf(instant, timeZone) === naive)
    .sort((a, b) => a - b);
}
