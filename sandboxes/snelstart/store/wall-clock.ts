/**
 * SnelStart reads and writes date-times as zone-less wall-clock strings (`yyyy-MM-ddTHH:mm:ss.fff`).
 * The sandbox uses the UTC wall clock for them.
 */
export function formatWallClock(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Normalises any date-time form the API accepts (date only, no seconds, 1–7 fraction digits, an
 * optional zone that is converted to UTC) to `yyyy-MM-ddTHH:mm:ss.fff`; undefined when it is not one.
 */
export function canonicalDateTime(text: string): string | undefined {
  if (text.length === 23 && text[10] === 'T' && text[19] === '.') return text;
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone] = match;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(local);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23) {
    return undefined;
  }
  return formatWallClock(local - zoneOffsetMs(zone));
}

/** The form SnelStart uses for dates it stores (`factuurdatum`, …): milliseconds only when not zero. */
export function storedDateTime(text: string): string | undefined {
  const canonical = canonicalDateTime(text);
  if (!canonical) return undefined;
  return canonical.endsWith('.000') ? canonical.slice(0, 19) : canonical;
}

export function wallClockToMs(wallClock: string): number {
  return Date.parse(`${canonicalDateTime(wallClock) ?? wallClock}Z`);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/**
 * Hands out `modifiedOn` values that strictly increase per administration, so a client reading
 * `ModifiedOn gt <last seen>` never misses a write made in the same millisecond.
 */
export class ModifiedOnClock {
  private lastMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  next(): string {
    this.lastMs = Math.max(this.now(), this.lastMs + 1);
    return formatWallClock(this.lastMs);
  }

  /** Never hand out a value at or before `wallClock` (after seeding records with their own dates). */
  advancePast(wallClock: string): void {
    const ms = wallClockToMs(wallClock);
    if (!Number.isNaN(ms)) this.lastMs = Math.max(this.lastMs, ms);
  }
}
