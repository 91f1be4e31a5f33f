/**
 * Strings assembled from shared parts, such as an attachment's base64 whose bulk is the same for every
 * PDF. The record holds the concatenation, which V8 keeps as a cheap rope over the shared parts; the
 * seed writer asks for the parts and writes them one by one, because serialising the whole string
 * would turn every rope into a private flat copy.
 */

const partsByHolder = new WeakMap<object, ReadonlyMap<string, readonly string[]>>();
const recordsWithSplices = new WeakSet<object>();

/**
 * Records that `holder[key]` (inside `record`) is the concatenation of `parts`, and returns that
 * concatenation. The parts must be plain JSON-safe text (no quotes, backslashes or control characters).
 */
export function splice(record: object, holder: object, key: string, parts: readonly string[]): string {
  partsByHolder.set(holder, new Map([...(partsByHolder.get(holder) ?? []), [key, parts]]));
  recordsWithSplices.add(record);
  // `+` (not `join`) so the result is a rope that shares the parts instead of copying them.
  let text = '';
  for (const part of parts) text += part;
  return text;
}

export function hasSplices(record: unknown): boolean {
  return typeof record === 'object' && record !== null && recordsWithSplices.has(record);
}

export function splicedParts(holder: object, key: string): readonly string[] | undefined {
  return partsByHolder.get(holder)?.get(key);
}
