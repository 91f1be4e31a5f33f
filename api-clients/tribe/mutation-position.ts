/** One row of a modified-since listing as the position cares about it. */
export interface MutationStamp {
  readonly id: string;
  readonly lastMutationDate: string;
}

/**
 * Where a modified-since listing stands: the latest `LastMutationDate` read and the ids already read at
 * exactly that moment. Tribe does not promise unique timestamps (its examples carry whole seconds), so
 * the next page starts at that moment inclusively and leaves out what was read already, instead of
 * starting after it and losing the other records of the same second.
 */
export class MutationPosition {
  private readonly seenAtLatest = new Set<string>();

  constructor(private latestMs: number | null) {}

  get latest(): string | null {
    return this.latestMs === null ? null : new Date(this.latestMs).toISOString();
  }

  /** `gt` while nothing at the latest moment has been read, `ge` once something has. */
  get inclusive(): boolean {
    return this.seenAtLatest.size > 0;
  }

  /** Whether a row was read before (the inclusive bound brings the latest moment's rows back). */
  seen(row: MutationStamp): boolean {
    return Date.parse(row.lastMutationDate) === this.latestMs && this.seenAtLatest.has(row.id.toLowerCase());
  }

  /** Moves past the rows of a page (new ones only); true when the listing advanced. */
  advance(rows: readonly MutationStamp[]): boolean {
    let advanced = false;
    for (const row of rows) {
      const ms = Date.parse(row.lastMutationDate);
      if (!row.id || Number.isNaN(ms) || (this.latestMs !== null && ms < this.latestMs)) continue;
      if (this.latestMs === null || ms > this.latestMs) {
        this.latestMs = ms;
        this.seenAtLatest.clear();
      }
      const id = row.id.toLowerCase();
      if (!this.seenAtLatest.has(id)) {
        this.seenAtLatest.add(id);
        advanced = true;
      }
    }
    return advanced;
  }

  /** After every row of the latest moment has been read (by paging that moment on its own). */
  closeLatest(): void {
    this.seenAtLatest.clear();
  }
}
