/**
 * Field-level three-way merge of canonical records (flat objects of JSON primitives), and the fingerprint
 * that recognises a record the sync has already seen.
 */

export type CanonicalValue = string | number | boolean | null;

/** A flat record of JSON primitives (works for interfaces as well as type aliases). */
export type CanonicalRecord<T> = { readonly [K in keyof T]: CanonicalValue };

export interface FieldConflict<T extends CanonicalRecord<T> = Record<string, CanonicalValue>> {
  readonly field: keyof T & string;
  /** The last synced value; `null` also when there was no snapshot. */
  readonly base: CanonicalValue;
  readonly snelstart: CanonicalValue;
  readonly tribe: CanonicalValue;
}

export interface MergeResult<T extends CanonicalRecord<T>> {
  /** Fields to write to SnelStart; empty when SnelStart is up to date. */
  readonly snelstartPatch: Partial<T>;
  /** Fields to write to Tribe; empty when Tribe is up to date. */
  readonly tribePatch: Partial<T>;
  /** What both sides hold once the patches are written: the base of the next merge. */
  readonly snapshot: T;
  /** Fields both sides changed to different values; SnelStart's value was taken. */
  readonly conflicts: readonly FieldConflict<T>[];
}

export interface MergeOptions<T extends CanonicalRecord<T>> {
  /**
   * Fields only SnelStart may change (e.g. the relatiecode): SnelStart's value always wins and is never written
   * to SnelStart. A Tribe edit of such a field is undone without a conflict entry.
   */
  readonly snelstartOwned?: readonly (keyof T & string)[];
}

/**
 * Merges one record field by field, given the last synced snapshot (`base`, `null` before the first sync)
 * and the current values on both sides:
 *
 * - both sides equal → nothing to write (so a record whose sides both equal the snapshot produces no writes,
 *   which is what stops the sync's own writes from echoing back);
 * - only one side changed since the snapshot → that side's value is written to the other side;
 * - both changed to different values → SnelStart wins (the books are the record) and a conflict is reported.
 *
 * Without a snapshot (a freshly matched pair) a value missing on one side is filled from the other, and two
 * different values are a conflict that SnelStart wins. A field absent from the snapshot is treated the same way.
 */
export function mergeThreeWay<T extends CanonicalRecord<T>>(
  base: T | null,
  snelstart: T,
  tribe: T,
  options: MergeOptions<T> = {},
): MergeResult<T> {
  const owned = new Set<string>(options.snelstartOwned ?? []);
  const snelstartPatch: Record<string, CanonicalValue> = {};
  const tribePatch: Record<string, CanonicalValue> = {};
  const snapshot: Record<string, CanonicalValue> = {};
  const conflicts: FieldConflict<T>[] = [];

  const fields = [
    ...new Set([...Object.keys(snelstart), ...Object.keys(tribe), ...Object.keys(base ?? {})]),
  ].sort();
  for (const field of fields) {
    const s = valueOf(snelstart, field);
    const t = valueOf(tribe, field);
    const hasBase = base !== null && Object.prototype.hasOwnProperty.call(base, field);
    const b = hasBase ? valueOf(base, field) : null;

    if (s === t) {
      snapshot[field] = s;
    } else if (owned.has(field)) {
      tribePatch[field] = s;
      snapshot[field] = s;
    } else if (hasBase && s === b) {
      snelstartPatch[field] = t;
      snapshot[field] = t;
    } else if (hasBase && t === b) {
      tribePatch[field] = s;
      snapshot[field] = s;
    } else if (!hasBase && s === null) {
      snelstartPatch[field] = t;
      snapshot[field] = t;
    } else if (!hasBase && t === null) {
      tribePatch[field] = s;
      snapshot[field] = s;
    } else {
      tribePatch[field] = s;
      snapshot[field] = s;
      conflicts.push({ field: field as keyof T & string, base: b, snelstart: s, tribe: t });
    }
  }
  return {
    snelstartPatch: snelstartPatch as Partial<T>,
    tribePatch: tribePatch as Partial<T>,
    snapshot: snapshot as T,
    conflicts,
  };
}

/** The field names of a patch, for the mappers that turn a patch into writes. */
export function patchedFields<T extends CanonicalRecord<T>>(patch: Partial<T>): (keyof T & string)[] {
  return Object.keys(patch).sort() as (keyof T & string)[];
}

/**
 * A stable text for a canonical record: JSON with the keys sorted and `undefined` treated as `null`, so equal
 * records give equal fingerprints whatever order their fields were built in. Stored with the snapshot; a
 * record read again with the same fingerprint has not changed.
 */
export function fingerprint<T extends { readonly [K in keyof T]: CanonicalValue | undefined }>(
  record: T,
): string {
  const sorted = Object.keys(record)
    .sort()
    .map((field) => [field, valueOf(record, field)]);
  return JSON.stringify(Object.fromEntries(sorted));
}

function valueOf(record: object, field: string): CanonicalValue {
  const value = (record as Record<string, CanonicalValue | undefined>)[field];
  if (value === undefined) return null;
  if (typeof value === 'number' && Object.is(value, -0)) return 0;
  return value;
}
