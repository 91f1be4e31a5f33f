/**
 * Trims a free-text value, drops control characters (a NUL or an escape code is never meant as text, and
 * PostgreSQL cannot store a NUL), collapses runs of whitespace (including non-breaking spaces) to one space
 * and turns an empty result into `null`. Every canonical text field goes through this, so that
 * `"  Acme  BV "` and `"Acme BV"` compare equal and an empty string never differs from a missing value.
 */
export function tidyText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const tidied = value.replace(CONTROL_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  return tidied === '' ? null : tidied;
}

/** C0 and C1 control characters other than the whitespace ones (tab, line feed, carriage return). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Cuts a text to at most `max` characters, ending in `…` when it was cut (for derived labels only). */
export function shortenText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
