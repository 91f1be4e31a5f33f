import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout) derived from `parts`, so reference data such as landen has the same id in
 * every run and every administration, and dumps are reproducible.
 */
export function nameBasedId(...parts: (string | number)[]): string {
  const hex = createHash('sha1')
    .update(`snelstart-sandbox:${parts.join(':')}`)
    .digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
