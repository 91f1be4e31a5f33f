/**
 * PostgreSQL `text` and `jsonb` cannot hold U+0000, which an API may send in any field. Values headed for the
 * database pass through these, so one odd character never costs a whole batch.
 */
export function pgText(value: string): string;
export function pgText(value: string | null): string | null;
export function pgText(value: string | null): string | null {
  return value === null ? null : value.replace(NUL, '\uFFFD');
}

/** `JSON.stringify` for a `jsonb` column: NUL characters inside strings are dropped. */
export function pgJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' ? item.replace(NUL, '') : item,
  );
}

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;
