import { formatPostcode, type Address } from './address';
import { groupIban } from './business-identifiers';
import type { OrganisationProfile } from './organisation-profile';
import type { Random } from './random';
import type { TribeAddressFields, TribeOrganisationFields } from './tribe-organisations';
import { LEGAL_FORM_WORDS } from './words/company-words';

/**
 * How the CRM writes down an organisation that the books also know: the same facts, typed by someone
 * else. Fields are often missing, and in the `formatted` variants case, spacing, postcode and
 * house-number notation differ while still meaning the same thing.
 */

export interface CrmNumbers {
  readonly debtorNumber: string | null;
  readonly creditorNumber: string | null;
}

const NO_NUMBERS: CrmNumbers = { debtorNumber: null, creditorNumber: null };

export function crmFields(
  profile: OrganisationProfile,
  name: string,
  random: Random,
  numbers: CrmNumbers = NO_NUMBERS,
): TribeOrganisationFields {
  const hasIban = profile.iban !== null && random.chance(0.4);
  return {
    Name: name,
    PhoneNumber: random.chance(0.85) ? profile.phone : null,
    EmailAddress: random.chance(0.9) ? profile.email : null,
    Website: profile.website !== null && random.chance(0.8) ? profile.website.replace('https://', '') : null,
    VATNumber: random.chance(0.7) ? profile.vatNumber : null,
    ChamberOfCommerceNumber: random.chance(0.7) ? profile.cocNumber : null,
    DebtorNumber: numbers.debtorNumber,
    CreditorNumber: numbers.creditorNumber,
    IBAN:
      hasIban && profile.iban !== null ? (random.chance(0.5) ? groupIban(profile.iban) : profile.iban) : null,
    BIC: hasIban ? profile.bic : null,
  };
}

/** The address exactly as SnelStart's canonical notation would parse. */
export function crmAddress(address: Address): TribeAddressFields {
  return {
    Street: address.street,
    HouseNumber: address.houseNumber,
    HouseNumberSuffix: address.suffix,
    Postalcode: address.postcode,
    City: address.city,
    country: address.country,
  };
}

const SUFFIX_STYLES: readonly ((suffix: string) => string)[] = [
  (suffix) => suffix.toLowerCase(),
  (suffix) => `-${suffix.toLowerCase()}`,
  (suffix) => `-${suffix}`,
  (suffix) => suffix.toUpperCase(),
];

/** The same address typed differently: `1234ab`, `-a`, an abbreviated street, a city in capitals. */
export function crmAddressFormatted(address: Address, random: Random): TribeAddressFields {
  let suffix = address.suffix;
  if (suffix !== null) {
    for (let attempt = 0; attempt < 4 && suffix === address.suffix; attempt++)
      suffix = random.pick(SUFFIX_STYLES)(suffix);
  }
  return {
    Street: random.chance(0.25) ? address.street.replace(/straat$/, 'str.') : address.street,
    HouseNumber: address.houseNumber,
    HouseNumberSuffix: suffix,
    Postalcode: formatPostcode(
      address.postcode,
      random.pick(['compact', 'compactLower', 'spacedLower'] as const),
    ),
    City: random.chance(0.2) ? address.city.toUpperCase() : address.city,
    country: address.country,
  };
}

/** The same name with different case or spacing (never different words). */
export function nameVariant(name: string, random: Random): string {
  const firstSpace = name.indexOf(' ');
  for (let attempt = 0; attempt < 4; attempt++) {
    let variant: string;
    switch (random.int(3)) {
      case 0:
        variant = name.toUpperCase();
        break;
      case 1:
        variant = name.toLowerCase();
        break;
      default:
        variant =
          firstSpace > 0 ? `${name.slice(0, firstSpace)}  ${name.slice(firstSpace + 1)}` : name.toLowerCase();
    }
    if (variant !== name && sameWhenNormalised(variant, name)) return variant;
  }
  return firstSpace > 0 ? `${name.slice(0, firstSpace)}  ${name.slice(firstSpace + 1)}` : name;
}

/** Case and spacing folded the way a matcher folds them (`Yılmaz` has no upper case that folds back). */
function sameWhenNormalised(a: string, b: string): boolean {
  const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}

/** What a salesperson calls the organisation: the name without its legal form. */
export function tradeName(name: string): string {
  const words = name.split(' ');
  while (words.length > 1 && LEGAL_FORM_WORDS.has((words[words.length - 1] as string).toLowerCase()))
    words.pop();
  const stripped = words.join(' ');
  return stripped === name ? `${name} (hoofdkantoor)` : stripped;
}
