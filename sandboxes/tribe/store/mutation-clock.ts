/**
 * Hands out `LastMutationDate` values: millisecond precision and strictly increasing per tenant, so a
 * client can page with `LastMutationDate gt <last seen>` without losing or repeating records.
 */
export class MutationClock {
  private lastMs = 0;
  /** Stamps whole seconds, so writes within one second share a `LastMutationDate` (as Tribe's examples show). */
  wholeSeconds = false;

  constructor(private readonly now: () => number = Date.now) {}

  nextMs(): number {
    this.lastMs = this.wholeSeconds
      ? Math.max(Math.floor(this.now() / 1000) * 1000, this.lastMs)
      : Math.max(this.now(), this.lastMs + 1);
    return this.lastMs;
  }

  next(): string {
    return new Date(this.nextMs()).toISOString();
  }

  /** Never hand out a value at or before `ms` (used after seeding records with their own dates). */
  advancePast(ms: number): void {
    this.lastMs = Math.max(this.lastMs, ms);
  }
}
