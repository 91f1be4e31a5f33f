/** A record as it travels on the wire: camelCase fields, always with an id. */
export type WireRecord = { id: string } & Record<string, unknown>;

/** An equality index over one field path, e.g. `relatiecode` or `klant.id`. */
export interface IndexDefinition {
  path: string;
  key: (row: WireRecord) => unknown;
}

interface Entry {
  row: WireRecord;
  seq: number;
}

const MEMO_SLOTS = 8;

/**
 * The rows of one resource in one administration, in insertion order (an update keeps its place, so
 * paging stays stable). Rows are replaced, never mutated, so handing them out is safe. Equality
 * indexes make natural-key lookups O(1), and `memo` keeps recent filter results until the next write.
 */
export class Collection {
  private readonly entries = new Map<string, Entry>();
  private readonly indexes = new Map<
    string,
    { definition: IndexDefinition; map: Map<unknown, Set<string>> }
  >();
  private readonly memos = new Map<string, unknown>();
  private nextSeq = 0;
  private writes = 0;

  constructor(indexes: IndexDefinition[] = []) {
    for (const definition of indexes) this.indexes.set(definition.path, { definition, map: new Map() });
  }

  /** Changes on every write; cached query results carry it. */
  get version(): number {
    return this.writes;
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): WireRecord | undefined {
    return this.entries.get(id.toLowerCase())?.row;
  }

  has(id: string): boolean {
    return this.entries.has(id.toLowerCase());
  }

  put(row: WireRecord): void {
    const existing = this.entries.get(row.id);
    if (existing) {
      this.unindex(existing.row);
      existing.row = row;
    } else {
      this.entries.set(row.id, { row, seq: this.nextSeq++ });
    }
    this.index(row);
    this.changed();
  }

  delete(id: string): WireRecord | undefined {
    const entry = this.entries.get(id.toLowerCase());
    if (!entry) return undefined;
    this.entries.delete(entry.row.id);
    this.unindex(entry.row);
    this.changed();
    return entry.row;
  }

  clear(): void {
    this.entries.clear();
    for (const { map } of this.indexes.values()) map.clear();
    this.changed();
  }

  *values(): IterableIterator<WireRecord> {
    for (const entry of this.entries.values()) yield entry.row;
  }

  hasIndex(path: string): boolean {
    return this.indexes.has(path);
  }

  /** Rows whose indexed `path` equals `value`, in insertion order. */
  lookup(path: string, value: unknown): WireRecord[] {
    const index = this.indexes.get(path);
    if (!index) throw new Error(`no index on ${path}`);
    const ids = index.map.get(value);
    if (!ids) return [];
    const entries = [...ids].map((id) => this.entries.get(id) as Entry);
    if (entries.length > 1) entries.sort((a, b) => a.seq - b.seq);
    return entries.map((entry) => entry.row);
  }

  /** `compute()` once per write version for `key` (e.g. a filter's text). */
  memo<T>(key: string, compute: () => T): T {
    const hit = this.memos.get(key) as { version: number; value: T } | undefined;
    if (hit && hit.version === this.writes) return hit.value;
    const value = compute();
    if (this.memos.size >= MEMO_SLOTS && !this.memos.has(key)) {
      this.memos.delete(this.memos.keys().next().value as string);
    }
    this.memos.set(key, { version: this.writes, value });
    return value;
  }

  private changed(): void {
    this.writes++;
  }

  private index(row: WireRecord): void {
    for (const { definition, map } of this.indexes.values()) {
      const key = definition.key(row);
      if (key === undefined || key === null) continue;
      let ids = map.get(key);
      if (!ids) map.set(key, (ids = new Set()));
      ids.add(row.id);
    }
  }

  private unindex(row: WireRecord): void {
    for (const { definition, map } of this.indexes.values()) {
      const key = definition.key(row);
      const ids = map.get(key);
      if (!ids) continue;
      ids.delete(row.id);
      if (ids.size === 0) map.delete(key);
    }
  }
}
