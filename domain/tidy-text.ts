/**
 * Trims a free-text value, collapses runs of whitespace (including non-breaking spaces) to one space and
 * turns an empty result into `null`. Every canonical text field goes through this, so that `"  Acme  BV "`
 * and `"Acme BV"` compare equal and an empty string never differs from a missing value.
 */
export function tidyText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const tidied = value.replace(/\s+/g, ' ').trim();
  return tidied === '' ? null : tidied;
}

/** Cuts a text to at most `max` characters, ending in `…` when it was cut (for derived labels only). */
export function shortenText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
