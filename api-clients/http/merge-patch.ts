/**
 * Applies `patch` to a JSON record: nested objects are merged field by field, arrays and scalars are
 * replaced, `undefined` leaves a field alone and `null` clears it. Used for SnelStart's GET-merge-PUT
 * (its PUT replaces the whole record) and by the sandbox for edits made "in SnelStart".
 */
export function mergePatch<T extends object>(base: T, patch: object): T {
  return merge(base as Record<string, unknown>, patch as Record<string, unknown>) as T;
}

function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isPlainObject(value) && isPlainObject(current) ? merge(current, value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
