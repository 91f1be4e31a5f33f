/**
 * Organisation names as a matching key. Two names are treated as the same organisation name when they are
 * equal after exactly these steps, and after nothing else:
 *
 * 1. accents are dropped (`Café` = `Cafe`) and letters are lower-cased;
 * 2. dots are removed (`B.V.` = `BV`, `St.` = `St`);
 * 3. every other character that is not a letter, a digit, `&` or `+` separates words (`Jansen-de Vries` =
 *    `Jansen de Vries`, `A&B` = `A & B`), and runs of spaces count as one;
 * 4. the spellings of a Dutch or Belgian legal form are one word: `b v`/`besloten vennootschap` = `bv`,
 *    `n v`/`naamloze vennootschap` = `nv`, `v o f`/`vennootschap onder firma` = `vof`,
 *    `c v`/`commanditaire vennootschap` = `cv`, `b v b a` = `bvba`, `u a` = `ua`, `i o` = `io`.
 *
 * Deliberately not equated: a name with a legal form and the same name without one (`Acme BV` ≠ `Acme`,
 * they may be different legal entities), different legal forms (`Acme BV` ≠ `Acme NV`), `&` and `en`,
 * abbreviations and their full words (`St.` ≠ `Sint`), and word order.
 */

const LEGAL_FORM_SPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/\bbesloten vennootschap\b/g, 'bv'],
  [/\bnaamloze vennootschap\b/g, 'nv'],
  [/\bvennootschap onder firma\b/g, 'vof'],
  [/\bcommanditaire vennootschap\b/g, 'cv'],
  [/\bb v b a\b/g, 'bvba'],
  [/\bv o f\b/g, 'vof'],
  [/\bb v\b/g, 'bv'],
  [/\bn v\b/g, 'nv'],
  [/\bc v\b/g, 'cv'],
  [/\bu a\b/g, 'ua'],
  [/\bi o\b/g, 'io'],
];

/** The matching key of an organisation name (see the module comment for what is equated); `''` for none. */
export function normaliseOrganisationName(name: string | null | undefined): string {
  let key = (name ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}&+]+/gu, ' ')
    .replace(/([&+])/g, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [spelling, legalForm] of LEGAL_FORM_SPELLINGS) key = key.replace(spelling, legalForm);
  return key;
}
