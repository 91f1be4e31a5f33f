import { formatSnelStartDateTime } from '../../domain/snelstart-time';

export const STREAMS = {
  snelstartRelaties: 'snelstart.relaties',
  snelstartArtikelen: 'snelstart.artikelen',
  tribeOrganizations: 'tribe.organizations',
  tribeProducts: 'tribe.products',
  tribeInvoices: 'tribe.invoices',
  tribeSalesOrders: 'tribe.sales-orders',
} as const;

/**
 * The first SnelStart cursor, set when the initial sync starts. SnelStart's timestamps carry no zone and the
 * zone it means is not documented, so the starting point is taken early enough for any zone from UTC to
 * UTC+2; the first cycle re-reads those few hours once and writes nothing for unchanged records.
 */
export function initialSnelStartCursor(now: Date): string {
  return formatSnelStartDateTime(now.getTime() - 3 * 60 * 60 * 1000);
}

/** Tribe's timestamps carry a zone; a minute of slack covers clock skew. */
export function initialTribeCursor(now: Date): string {
  return new Date(now.getTime() - 60_000).toISOString();
}

export const TRIBE_CURSOR_OVERLAP_MS = 60_000;

export function tribeReadFrom(cursor: string | null): string | null {
  if (!cursor) return null;
  return new Date(Date.parse(cursor) - TRIBE_CURSOR_OVERLAP_MS).toISOString();
}

export function laterIso(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * A cursor, when this service first saw it (its own clock), and whether it has settled. Reads re-read an
 * overlap before the cursor, to catch records committed late with a timestamp just below it. Once a read
 * with the full overlap has run more than the overlap after the cursor was first seen, every record stamped
 * at or before the cursor has been seen: the cursor has settled, and later reads start right after it, so a
 * quiet tenant costs one page per stream instead of re-reading the overlap every hour.
 */
export interface StoredCursor {
  position: string;
  firstSeenAt: number | null;
  settled: boolean;
}

export function parseStoredCursor(stored: string | undefined): StoredCursor | null {
  if (!stored) return null;
  if (stored.startsWith('{')) {
    const parsed = JSON.parse(stored) as { position: string; firstSeenAt?: number; settled?: boolean };
    return {
      position: parsed.position,
      firstSeenAt: parsed.firstSeenAt ?? null,
      settled: parsed.settled === true,
    };
  }
  return { position: stored, firstSeenAt: null, settled: false };
}

/**
 * The cursor to store after a read that started at `readStartedAt`: a moved cursor starts over; an unmoved one
 * settles when this read used the full overlap (it had not settled yet) and started more than the overlap
 * after the cursor was first seen.
 */
export function storeCursor(
  previous: StoredCursor | null,
  position: string,
  readStartedAt: Date,
  overlapMs: number,
): string {
  const unmoved = previous !== null && previous.position === position && previous.firstSeenAt !== null;
  const firstSeenAt = unmoved ? (previous.firstSeenAt as number) : readStartedAt.getTime();
  const settled = unmoved && (previous.settled || readStartedAt.getTime() - firstSeenAt > overlapMs);
  return JSON.stringify({ position, firstSeenAt, settled });
}
