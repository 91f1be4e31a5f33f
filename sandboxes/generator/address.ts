import { Random, WeightedList } from './random';
import type { CountryCode } from './well-known-ids';
import { BELGIAN_PLACES, DUTCH_PLACES, GERMAN_PLACES, type Place } from './words/places';
import { CITY_STREETS, COMMON_DUTCH_STREETS, FOREIGN_CITY_STREETS } from './words/streets';

// Built-ins are read once into module constants: in VM contexts (test runners) every global lookup is slow.
const { exp, floor, log } = Math;

/** A postal address, system-neutral; the SnelStart and Tribe writers format it their own way. */
export interface Address {
  readonly street: string;
  readonly houseNumber: number;
  /** Canonical addition: `A`, `B`, `1`, `II`, `bis`, `hs`, or null. */
  readonly suffix: string | null;
  /** Canonical postcode: `1234 AB` in NL, digits elsewhere. */
  readonly postcode: string;
  readonly city: string;
  readonly country: CountryCode;
  /** Telephone area code of the place. */
  readonly areaCode: string;
}

/** SnelStart limits `straat` (street, number and addition) to 50 characters. */
export const MAX_STRAAT_LENGTH = 50;

/** House-number additions and how often they occur. */
const SUFFIX_TOKENS = ['A', 'B', 'C', '1', '2', '3', 'II', 'III', 'bis', 'hs'];
const SUFFIX_WEIGHTS = [30, 14, 4, 10, 5, 2, 8, 2, 5, 10];
const DUTCH_SUFFIXES = new WeightedList<number>(
  SUFFIX_WEIGHTS.map((weight, index) => [index, weight] as const),
);
const GERMAN_SUFFIXES = [0, 1];
const NO_SUFFIX = -1;

/** Dutch postcodes use 20 letters and never SA, SD or SS. */
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';
const FORBIDDEN_LETTER_PAIRS = new Set(['SA', 'SD', 'SS']);
const MAX_HOUSE_NUMBER = 399;
const LOG_MAX_HOUSE_NUMBER = log(MAX_HOUSE_NUMBER + 1);
const COUNTRY_KEYS: Readonly<Partial<Record<CountryCode, number>>> = { NL: 0, BE: 1, DE: 2 };

/**
 * Draws addresses. Visiting addresses are unique (postcode + number + addition), so a match on
 * name and address is only ever ambiguous where the generator makes it so on purpose.
 */
export class AddressFactory {
  /** Numeric keys of the visiting addresses handed out (country, postcode, number, addition). */
  private readonly used = new Set<number>();
  private readonly usedPostbus = new Set<number>();
  private readonly dutchPlaces = new WeightedList(
    DUTCH_PLACES.map((place) => [place, place.weight] as const),
  );
  private readonly belgianPlaces = new WeightedList(
    BELGIAN_PLACES.map((place) => [place, place.weight] as const),
  );
  private readonly germanPlaces = new WeightedList(
    GERMAN_PLACES.map((place) => [place, place.weight] as const),
  );

  constructor(private readonly random: Random) {}

  /** A new visiting address: mostly Dutch, a few Belgian and German. */
  visiting(): Address {
    const roll = this.random.next();
    const places = roll < 0.95 ? this.dutchPlaces : roll < 0.98 ? this.belgianPlaces : this.germanPlaces;
    return this.visitingIn(places.pick(this.random));
  }

  visitingIn(place: Place): Address {
    const street = this.street(place);
    const countryKey = COUNTRY_KEYS[place.country] ?? 3;
    for (;;) {
      const houseNumber = this.houseNumber();
      const suffix = this.suffix(place.country);
      const digits = this.random.range(place.postcodeFrom, place.postcodeTo);
      const letters = place.country === 'NL' ? this.letterPair() : -1;
      // Country, postcode digits, letter pair (or -1), house number and addition (or -1) as one integer.
      const key =
        (((countryKey * 100_000 + digits) * 401 + letters + 1) * 401 + houseNumber) * 16 + suffix + 1;
      if (this.used.has(key)) continue;
      this.used.add(key);
      return {
        street,
        houseNumber,
        suffix: suffix === NO_SUFFIX ? null : (SUFFIX_TOKENS[suffix] as string),
        postcode: letters < 0 ? `${digits}` : `${digits} ${letterPairText(letters)}`,
        city: place.city,
        country: place.country,
        areaCode: place.areaCode,
      };
    }
  }

  /**
   * A `Postbus` in the same town as `visiting` (Dutch addresses only). Postbus numbers start above the
   * highest house number and are unique too, so a postal address never matches another organisation.
   */
  postbus(visiting: Address): Address {
    const place = DUTCH_PLACES.find((candidate) => candidate.city === visiting.city);
    if (place === undefined) throw new Error(`a Postbus needs a Dutch place, got ${visiting.city}`);
    for (;;) {
      const number = this.random.range(MAX_HOUSE_NUMBER + 1, 9999);
      const digits = this.random.range(place.postcodeFrom, place.postcodeTo);
      const letters = this.letterPair();
      const key = (digits * 400 + letters) * 10_000 + number;
      if (this.usedPostbus.has(key)) continue;
      this.usedPostbus.add(key);
      return {
        street: 'Postbus',
        houseNumber: number,
        suffix: null,
        postcode: `${digits} ${letterPairText(letters)}`,
        city: visiting.city,
        country: visiting.country,
        areaCode: visiting.areaCode,
      };
    }
  }

  private street(place: Place): string {
    for (;;) {
      const street = this.pickStreet(place);
      // Leave room for the longest house number and addition (` 9999-III`).
      if (street.length <= MAX_STRAAT_LENGTH - 9) return street;
    }
  }

  private pickStreet(place: Place): string {
    if (place.country !== 'NL')
      return this.random.pick(FOREIGN_CITY_STREETS[place.city] ?? COMMON_DUTCH_STREETS);
    const local = CITY_STREETS[place.city];
    return local && this.random.chance(0.5)
      ? this.random.pick(local)
      : this.random.pick(COMMON_DUTCH_STREETS);
  }

  /** Index into SUFFIX_TOKENS, or NO_SUFFIX. */
  private suffix(country: CountryCode): number {
    if (country === 'NL') return this.random.chance(0.25) ? DUTCH_SUFFIXES.pick(this.random) : NO_SUFFIX;
    if (country === 'DE') return this.random.chance(0.1) ? this.random.pick(GERMAN_SUFFIXES) : NO_SUFFIX;
    return NO_SUFFIX;
  }

  /** Mostly small numbers, now and then a long road (log-uniform 1..MAX_HOUSE_NUMBER). */
  private houseNumber(): number {
    return floor(exp(this.random.next() * LOG_MAX_HOUSE_NUMBER)) || 1;
  }

  /** Two postcode letters as one index (first * 20 + second). */
  private letterPair(): number {
    for (;;) {
      const pair = this.random.int(POSTCODE_LETTERS.length * POSTCODE_LETTERS.length);
      if (!FORBIDDEN_LETTER_PAIRS.has(letterPairText(pair))) return pair;
    }
  }
}

function letterPairText(pair: number): string {
  const size = POSTCODE_LETTERS.length;
  return POSTCODE_LETTERS.charAt(floor(pair / size)) + POSTCODE_LETTERS.charAt(pair % size);
}

/** How the house number and addition are written. */
export type NumberStyle = 'canonical' | 'compact' | 'dash' | 'lowercase';

const NUMERIC_SUFFIX = /^\d+$/;
const ROMAN_SUFFIX = /^[IVX]+$/;

/**
 * The number part of a street line. Canonical: `12 A`, `12-1`, `12-II`, `12 bis`, `12 hs`;
 * compact: `12A`; dash: `12-a`; lowercase: `12 a`. A numeric addition always keeps its dash
 * (`12-1`, never `121`).
 */
export function formatHouseNumber(houseNumber: number, suffix: string | null, style: NumberStyle): string {
  if (suffix === null) return `${houseNumber}`;
  if (NUMERIC_SUFFIX.test(suffix)) return `${houseNumber}-${suffix}`;
  switch (style) {
    case 'compact':
      return `${houseNumber}${suffix}`;
    case 'dash':
      return `${houseNumber}-${suffix.toLowerCase()}`;
    case 'lowercase':
      return `${houseNumber} ${suffix.toLowerCase()}`;
    case 'canonical':
      return ROMAN_SUFFIX.test(suffix) ? `${houseNumber}-${suffix}` : `${houseNumber} ${suffix}`;
  }
}

/** SnelStart `straat`: street, number and addition in one string. */
export function streetLine(address: Address, style: NumberStyle = 'canonical'): string {
  if (address.country === 'DE' && style === 'canonical' && address.suffix !== null) {
    // German addresses glue a lower-case addition on: `Königsallee 92a`.
    return `${address.street} ${address.houseNumber}${address.suffix.toLowerCase()}`;
  }
  return `${address.street} ${formatHouseNumber(address.houseNumber, address.suffix, style)}`;
}

/** How a postcode is written: `1234 AB`, `1234AB`, `1234ab`, `1234 ab`. */
export type PostcodeStyle = 'canonical' | 'compact' | 'compactLower' | 'spacedLower';

export function formatPostcode(postcode: string, style: PostcodeStyle): string {
  switch (style) {
    case 'canonical':
      return postcode;
    case 'compact':
      return postcode.replace(' ', '');
    case 'compactLower':
      return postcode.replace(' ', '').toLowerCase();
    case 'spacedLower':
      return postcode.toLowerCase();
  }
}
