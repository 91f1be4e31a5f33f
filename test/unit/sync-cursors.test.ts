import { parseStoredCursor, storeCursor, type StoredCursor } from '../../activities/sync/cursors';

const OVERLAP = 5 * 60_000;
const t0 = Date.parse('2026-11-28T10:00:00Z');
const at = (ms: number) => new Date(t0 + ms);
const stored = (text: string) => parseStoredCursor(text) as StoredCursor;

describe('cursor settling', () => {
  it('a moved cursor starts over, unsettled, seen now', () => {
    const next = stored(
      storeCursor(stored(storeCursor(null, 'A', at(0), OVERLAP)), 'B', at(60_000), OVERLAP),
    );
    expect(next).toEqual({ position: 'B', firstSeenAt: t0 + 60_000, settled: false });
  });

  it.each([
    ['read within the overlap of first seeing it', 60_000, false],
    ['read exactly at the overlap', OVERLAP, false],
    ['read after the overlap (an hour later)', 3_600_000, true],
  ])('an unmoved cursor %s: settled = %s', (_case, later, settled) => {
    const first = stored(storeCursor(null, 'A', at(0), OVERLAP));
    expect(stored(storeCursor(first, 'A', at(later), OVERLAP)).settled).toBe(settled);
  });

  it('stays settled while it does not move, and starts over when it does', () => {
    let cursor = stored(storeCursor(null, 'A', at(0), OVERLAP));
    cursor = stored(storeCursor(cursor, 'A', at(3_600_000), OVERLAP));
    cursor = stored(storeCursor(cursor, 'A', at(7_200_000), OVERLAP));
    expect(cursor.settled).toBe(true);
    expect(cursor.firstSeenAt).toBe(t0);
    expect(stored(storeCursor(cursor, 'B', at(7_300_000), OVERLAP)).settled).toBe(false);
  });

  it('reads a plain stored position (the initial cursor) as never seen and unsettled', () => {
    const initial = stored('2026-11-28T07:00:00');
    expect(initial).toEqual({ position: '2026-11-28T07:00:00', firstSeenAt: null, settled: false });
    expect(stored(storeCursor(initial, '2026-11-28T07:00:00', at(3_600_000), OVERLAP)).settled).toBe(false);
  });
});
