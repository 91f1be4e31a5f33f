import { tidyText } from './tidy-text';

/**
 * Dutch (and Belgian) street addresses. SnelStart keeps street, house number and addition in one `straat`
 * string; Tribe keeps them in `Street`, `HouseNumber` and `HouseNumberSuffix`.
 */

/** SnelStart's limit for `straat` (REL-0020). */
export const STRAAT_MAX_LENGTH = 50;

export interface StreetAddressParts {
  readonly street: string | null;
  readonly houseNumber: number | null;
  /** As written, without the separator that joined it to the number: `"a"`, `"bis"`, `"II"`, `"bus 3"`. */
  readonly addition: string | null;
}

const NO_ADDRESS: StreetAddressParts = { street: null, houseNumber: null, addition: null };

/** One to five digits, not followed by another digit (so a longer number is never cut in two). */
const NUMBER = String.raw`(\d{1,5})(?!\d)`;
/** An addition token: `a`, `A1`, `bis`, `hs`, `II`, `14`, `1hg`. */
const TOKEN = String.raw`[\p{L}\p{N}]{1,6}`;
/** Up to two tokens after an optional separator: `a`, `-14`, `/2`, ` bis`, ` A 1`. */
const TAIL = String.raw`(?:\s*[-/]?\s*(${TOKEN}(?:[\s\-/]${TOKEN})?))?`;
/** Words that announce the house number: `Plein 1944 nr 3`, `Kade no. 4`. */
const NUMBER_MARKER = String.raw`(?:nr|no|nummer|huisnummer)\.?`;

/** `Straat 12 bus 3`, `Straat 12A bus 3`, `Straat 12/bus 3` (Belgian box numbers). */
const BELGIAN_BUS = new RegExp(
  String.raw`^(.*\S)\s+${NUMBER}\s*(?:[-/]?\s*(\p{L}{1,2})(?!\p{L})\s*)?[-/]?\s*bus\s*(${TOKEN})$`,
  'iu',
);
/** Street (not ending in a separator), then the last number in the string, then at most a short addition. */
const STREET_NUMBER = new RegExp(String.raw`^(.*[^\s\-/])\s+(?:${NUMBER_MARKER}\s*)?${NUMBER}${TAIL}$`, 'iu');
/** The same with the first possible number of at most three digits: `Dorpsstraat 12 1hg`, `Straat 7 A 1`. */
const STREET_FIRST_NUMBER = new RegExp(
  String.raw`^(.*?[^\s\-/])\s+(?:${NUMBER_MARKER}\s*)?(\d{1,3})(?!\d)${TAIL}$`,
  'iu',
);
/** A street that itself ends like a house number and addition (`Dorpsstraat 12`, `Straat 7 A`). */
const ENDS_LIKE_HOUSE_NUMBER = new RegExp(String.raw`\s\d{1,3}(?!\d)(?:\s*[-/]?\s*${TOKEN})?$`, 'u');
/** A number glued to the street: `Dorpsstraat12a`. */
const GLUED_STREET_NUMBER = new RegExp(String.raw`^(.*\p{L})${NUMBER}${TAIL}$`, 'u');
/** Only a number and at most a one-word addition: `12 A` (but `1e Weg` is a street name). */
const NUMBER_ONLY = new RegExp(String.raw`^${NUMBER}(?:\s*[-/]?\s*(${TOKEN}))?$`, 'u');
const TRAILING_NUMBER_MARKER = new RegExp(String.raw`\s+${NUMBER_MARKER}$`, 'iu');

/**
 * Splits a SnelStart `straat` into street, house number and addition.
 *
 * The house number is the last number in the string that is followed by nothing but a short addition, so
 * numbers inside the street name stay there (`2e Helmersstraat 5`, `Laan 1940-1945 10`, `Plein 1944 nr 3`).
 * Commas count as spaces. When no house number can be found the whole string is the street.
 */
export function parseStraat(straat: string | null | undefined): StreetAddressParts {
  const text = tidyText(straat?.replace(/[,;]/g, ' '));
  if (text === null) return NO_ADDRESS;

  const bus = BELGIAN_BUS.exec(text);
  if (bus) {
    const [, street = '', number = '', letter, box = ''] = bus;
    return {
      street: streetWithoutMarker(street),
      houseNumber: Number(number),
      addition: tidyText(`${letter ?? ''} bus ${box}`),
    };
  }

  const numbered = lastHouseNumber(text);
  if (numbered) {
    const [, street = '', number = '', addition] = numbered;
    return {
      street: streetWithoutMarker(street),
      houseNumber: Number(number),
      addition: tidyAddition(addition),
    };
  }

  const numberOnly = NUMBER_ONLY.exec(text);
  if (numberOnly) {
    const [, number = '', addition] = numberOnly;
    return { street: null, houseNumber: Number(number), addition: tidyAddition(addition) };
  }

  return { street: text, houseNumber: null, addition: null };
}

/**
 * Joins street, house number and addition into one `straat`: `Dorpsstraat 12a`, `Dorpsstraat 12-14`,
 * `Dorpsstraat 12 bis`, `Straat 12 bus 3`. A single-letter addition is glued to the number, one that starts
 * with a digit is joined with `-`, anything else with a space, so that `parseStraat` gives the parts back.
 * It never shortens: a result longer than {@link STRAAT_MAX_LENGTH} is reported by the write validation,
 * because a silently shortened street would come back from SnelStart as a change of the street name.
 */
export function formatStraat(parts: StreetAddressParts): string {
  const street = tidyText(parts.street);
  const addition = tidyAddition(parts.addition);
  if (parts.houseNumber === null) return tidyText([street, addition].filter(Boolean).join(' ')) ?? '';
  const numberAndAddition = `${parts.houseNumber}${joinAddition(addition)}`;
  return street === null ? numberAndAddition : `${street} ${numberAndAddition}`;
}

/**
 * The parts SnelStart would report after storing these parts as one `straat`: formats and parses again.
 * Tribe addresses are compared in this form, so that `Street: "Dorpsstraat 12", HouseNumber: null` and
 * SnelStart's `"Dorpsstraat 12"` are the same address and never look like an edit.
 */
export function canonicalStreetParts(parts: StreetAddressParts): StreetAddressParts {
  return parseStraat(formatStraat(parts));
}

/**
 * A postcode in one spelling: Dutch postcodes as `1234 AB` (`1234ab`, `1234-AB`, ` 1234  ab ` all become
 * `1234 AB`); other postcodes upper-cased with whitespace collapsed (`sw1a  1aa` → `SW1A 1AA`).
 */
export function normalisePostcode(postcode: string | null | undefined): string | null {
  const text = tidyText(postcode);
  if (text === null) return null;
  const dutch = /^([1-9]\d{3})([A-Z]{2})$/.exec(text.replace(/[\s-]/g, '').toUpperCase());
  if (dutch) return `${dutch[1]} ${dutch[2]}`;
  return text.toUpperCase();
}

/** True for a postcode in the Dutch `1234 AB` form (after {@link normalisePostcode}). */
export function isDutchPostcode(postcode: string | null | undefined): boolean {
  return /^[1-9]\d{3} [A-Z]{2}$/.test(normalisePostcode(postcode) ?? '');
}

/**
 * The spellings under which a postcode may be stored on the other side, for exact-match lookups:
 * `1234 AB` → `1234 AB`, `1234AB`, `1234 ab`, `1234ab`. Other postcodes only in their normalised form.
 */
export function postcodeSpellings(postcode: string | null | undefined): string[] {
  const normalised = normalisePostcode(postcode);
  if (normalised === null) return [];
  if (!isDutchPostcode(normalised)) return [normalised];
  const compact = normalised.replace(' ', '');
  return [normalised, compact, normalised.toLowerCase(), compact.toLowerCase()];
}

/**
 * An addition as a comparison key: separators and spaces removed, upper case.
 * `-a`, ` A`, `a` → `A`; `bus 3` → `BUS3`; none → `''`.
 */
export function normaliseAddition(addition: string | null | undefined): string {
  return (addition ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The last number followed only by a short addition is the house number, unless what precedes it ends like a
 * house number itself (one to three digits, maybe an addition): then the second number belongs to the
 * addition (`Dorpsstraat 12 1hg`). Four-digit numbers before it stay in the street (`Laan 1940-1945 10`).
 */
function lastHouseNumber(text: string): RegExpExecArray | null {
  const last = STREET_NUMBER.exec(text);
  if (last && ENDS_LIKE_HOUSE_NUMBER.test(last[1] ?? '')) return STREET_FIRST_NUMBER.exec(text) ?? last;
  return last ?? GLUED_STREET_NUMBER.exec(text);
}

function tidyAddition(addition: string | null | undefined): string | null {
  return tidyText(addition?.replace(/^[\s\-/]+/, ''));
}

function joinAddition(addition: string | null): string {
  if (addition === null) return '';
  if (/^\p{L}$/u.test(addition)) return addition;
  if (/^\d/.test(addition)) return `-${addition}`;
  return ` ${addition}`;
}

function streetWithoutMarker(street: string): string | null {
  return tidyText(street.replace(TRAILING_NUMBER_MARKER, ''));
}
