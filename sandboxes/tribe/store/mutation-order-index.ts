export interface TimeBound {
  readonly ms: number;
  readonly inclusive: boolean;
}

interface Slot {
  ms: number;
  position: number;
}

/**
 * Record IDs ordered by `LastMutationDate`. Writes always carry the newest date, so an update appends and
 * leaves a stale slot behind; stale slots are skipped while reading and compacted away in bulk. Range reads
 * binary-search the lower bound, so `LastMutationDate gt X` costs O(log n + k) instead of a table scan.
 */
export class MutationOrderIndex {
  private times: number[] = [];
  private ids: string[] = [];
  private readonly slots = new Map<string, Slot>();
  private sorted = true;

  get size(): number {
    return this.slots.size;
  }

  set(id: string, ms: number): void {
    const last = this.times[this.times.length - 1];
    if (last !== undefined && ms < last) this.sorted = false;
    this.slots.set(id, { ms, position: this.times.length });
    this.times.push(ms);
    this.ids.push(id);
    this.compactIfSparse();
  }

  delete(id: string): void {
    this.slots.delete(id);
    this.compactIfSparse();
  }

  clear(): void {
    this.times = [];
    this.ids = [];
    this.slots.clear();
    this.sorted = true;
  }

  *range(lower?: TimeBound, upper?: TimeBound, descending = false): Generator<string> {
    if (!this.sorted) this.compact();
    const start = lower ? this.lowerIndex(lower) : 0;
    const end = upper ? this.upperIndex(upper) : this.times.length;
    if (descending) {
      for (let i = end - 1; i >= start; i--) if (this.isLive(i)) yield this.ids[i] as string;
    } else {
      for (let i = start; i < end; i++) if (this.isLive(i)) yield this.ids[i] as string;
    }
  }

  private isLive(index: number): boolean {
    return this.slots.get(this.ids[index] as string)?.position === index;
  }

  /** First index whose time satisfies the lower bound. */
  private lowerIndex(bound: TimeBound): number {
    return this.search((ms) => (bound.inclusive ? ms >= bound.ms : ms > bound.ms));
  }

  /** First index whose time no longer satisfies the upper bound. */
  private upperIndex(bound: TimeBound): number {
    return this.search((ms) => (bound.inclusive ? ms > bound.ms : ms >= bound.ms));
  }

  private search(isAtOrAfter: (ms: number) => boolean): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isAtOrAfter(this.times[middle] as number)) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private compactIfSparse(): void {
    const stale = this.times.length - this.slots.size;
    if (stale > 1024 && stale > this.slots.size) this.compact();
  }

  private compact(): void {
    const live: Array<[string, Slot]> = [];
    for (let i = 0; i < this.ids.length; i++) {
      const id = this.ids[i] as string;
      const slot = this.slots.get(id);
      if (slot?.position === i) live.push([id, slot]);
    }
    if (!this.sorted) live.sort((a, b) => a[1].ms - b[1].ms);
    this.times = live.map(([, slot]) => slot.ms);
    this.ids = live.map(([id]) => id);
    live.forEach(([, slot], index) => (slot.position = index));
    this.sorted = true;
  }
}
