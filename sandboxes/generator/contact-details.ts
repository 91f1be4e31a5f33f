import type { Address } from './address';
import { initialOf } from './company-name';
import type { Random } from './random';
import { LEGAL_FORM_WORDS } from './words/company-words';
import { FIRST_NAMES, SURNAMES } from './words/person-names';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]/g;
const PRINTABLE_ASCII = /^[ -~]*$/;

/** `Bakkerij Müller & Zn.` → `bakkerijmuller`; empty when nothing Latin is left. */
export function nameSlug(name: string): string {
  let slug = '';
  for (const word of name.toLowerCase().split(' ')) {
    if (!LEGAL_FORM_WORDS.has(word)) slug += word;
  }
  if (!PRINTABLE_ASCII.test(slug)) {
    slug = slug.replaceAll('ĳ', 'ij').replaceAll('ß', 'ss').normalize('NFD').replace(COMBINING_MARKS, '');
  }
  return slug.replace(NOT_ALPHANUMERIC, '').slice(0, 40);
}

/** A web domain derived from the organisation name. */
export function domainFor(name: string, country: Address['country'], random: Random): string {
  const slug = nameSlug(name) || `firma${random.digits(5)}`;
  if (country === 'BE') return `${slug}.be`;
  if (country === 'DE') return `${slug}.de`;
  const roll = random.next();
  return `${slug}${roll < 0.85 ? '.nl' : roll < 0.95 ? '.com' : '.eu'}`;
}

const MAILBOXES = ['info', 'info', 'info', 'administratie', 'facturen', 'contact', 'office', 'sales'];

export function emailFor(domain: string, random: Random): string {
  if (random.chance(0.12)) {
    const first = random.pick(FIRST_NAMES).toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '');
    return `${first.replace(NOT_ALPHANUMERIC, '')}@${domain}`;
  }
  return `${random.pick(MAILBOXES)}@${domain}`;
}

export function websiteFor(domain: string, random: Random): string {
  return random.chance(0.7) ? `www.${domain}` : `https://www.${domain}`;
}

/** A landline in the address's area, written the way people type them. */
export function phoneFor(address: Address, random: Random): string {
  const area = address.areaCode;
  if (address.country === 'BE') return `+32 ${area} ${random.digits(8 - area.length)}`;
  if (address.country === 'DE') return `+49 ${area} ${random.digits(10 - area.length)}`;
  const subscriber = `${random.range(2, 9)}${random.digits(9 - area.length)}`;
  switch (random.int(5)) {
    case 0:
      return `${area} ${subscriber}`;
    case 1:
      return `+31 ${area.slice(1)} ${subscriber}`;
    case 2:
      return `${area}${subscriber}`;
    default:
      return `${area}-${subscriber}`;
  }
}

export function mobileFor(random: Random): string {
  return random.chance(0.7) ? `06-${random.digits(8)}` : `+31 6 ${random.digits(8)}`;
}

/** `Jan de Vries`, `A. Bakker`, or nobody. */
export function contactPersonFor(random: Random): string {
  const roll = random.next();
  if (roll < 0.2) return '';
  const first = random.pick(FIRST_NAMES);
  const surname = random.pick(SURNAMES);
  return roll < 0.7 ? `${first} ${surname}` : `${initialOf(first)} ${surname}`;
}
