/**
 * Exact-match secondary index: value → IDs of the records holding it. Most indexed values are unique
 * (debtor numbers, import ids, the address of one organisation), so a single ID is stored as is and only
 * shared values get a Set; that keeps seeding 100k records free of 100k tiny Sets.
 */
export class ValueIndex {
  private readonly entries = new Map<string, string | Set<string>>();

  add(value: string, id: string): void {
    const current = this.entries.get(value);
    if (current === undefined) this.entries.set(value, id);
    else if (typeof current === 'string') {
      if (current !== id) this.entries.set(value, new Set([current, id]));
    } else current.add(id);
  }

  remove(value: string, id: string): void {
    const current = this.entries.get(value);
    if (current === undefined) return;
    if (typeof current === 'string') {
      if (current === id) this.entries.delete(value);
      return;
    }
    current.delete(id);
    if (current.size === 1) this.entries.set(value, current.values().next().value as string);
  }

  get(value: string): ReadonlySet<string> | undefined {
    const current = this.entries.get(value);
    return typeof current === 'string' ? new Set([current]) : current;
  }

  /** Calls `fn` with each ID holding `value`, without building a Set for it. */
  forEach(value: string, fn: (id: string) => void): void {
    const current = this.entries.get(value);
    if (current === undefined) return;
    if (typeof current === 'string') fn(current);
    else current.forEach((id) => fn(id));
  }

  clear(): void {
    this.entries.clear();
  }
}
