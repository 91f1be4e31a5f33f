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
 * A cursor and when this service first saw it (its own clock). Re-reading an overlap guards against
 * records committed late with a timestamp just below the cursor; once a cursor has stood unchanged for
 * longer than the overlap, such records would already have been visible, so a quiet tenant's next read
 * starts at the cursor's own second and costs one page per stream instead of re-reading the overlap forever.
 */
export interface StoredCursor {
  position: string;
  firstSeenAt: number | null;
}

export function parseStoredCursor(stored: string | undefined): StoredCursor | null {
  if (!stored) return null;
  if (stored.startsWith('{')) {
    const parsed = JSON.parse(stored) as { position: string; firstSeenAt?: number };
    return { position: parsed.position, firstSeenAt: parsed.firstSeenAt ?? null };
  }
  return { position: stored, firstSeenAt: null };
}

export function storeCursor(previous: StoredCursor | null, position: string, now: Date): string {
  const firstSeenAt =
    previous && previous.position === position && previous.firstSeenAt !== null
      ? previous.firstSeenAt
      : now.getTime();
  return JSON.stringify({ position, firstSeenAt });
}

export function isSettled(cursor: StoredCursor | null, overlapMs: number, now: Date): boolean {
  return cursor !== null && cursor.firstSeenAt !== null && now.getTime() - cursor.firstSeenAt > overlapMs;
}
