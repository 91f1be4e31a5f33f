import type { Random } from './random';
import type { CountryCode } from './well-known-ids';

/**
 * VAT, Chamber of Commerce and bank identifiers that pass the real check-digit rules, so a sandbox
 * or client that validates them accepts the generated data.
 */

/** Dutch btw-nummer `NL#########B##` whose nine digits pass the elfproef. */
export function dutchVatNumber(random: Random): string {
  for (;;) {
    let digits = '';
    let sum = 0;
    for (let i = 0; i < 8; i++) {
      const digit = i === 0 ? random.range(1, 9) : random.int(10);
      digits += digit;
      sum += digit * (9 - i);
    }
    const check = sum % 11;
    if (check === 10) continue;
    return `NL${digits}${check}B0${random.range(1, 3)}`;
  }
}

/** Belgian ondernemingsnummer as VAT number: `BE0` + 7 digits + 2 check digits (97 − n mod 97). */
export function belgianVatNumber(random: Random): string {
  const base = `0${random.range(2, 9)}${random.digits(6)}`;
  const check = 97 - (parseInt(base, 10) % 97);
  return `BE${base}${`${check}`.padStart(2, '0')}`;
}

/** German USt-IdNr: `DE` + 8 digits + ISO 7064 MOD 11,10 check digit. */
export function germanVatNumber(random: Random): string {
  const body = `${random.range(1, 9)}${random.digits(7)}`;
  let product = 10;
  for (let i = 0; i < body.length; i++) {
    let sum = (body.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = (11 - product) % 10;
  return `DE${body}${check}`;
}

export function vatNumber(random: Random, country: CountryCode): string {
  if (country === 'BE') return belgianVatNumber(random);
  if (country === 'DE') return germanVatNumber(random);
  return dutchVatNumber(random);
}

/** KvK-nummer: eight digits, not starting with 0. */
export function chamberOfCommerceNumber(random: Random): string {
  return `${random.range(1, 9)}${random.digits(7)}`;
}

interface Bank {
  readonly code: string;
  readonly bic: string;
}

const DUTCH_BANKS: readonly Bank[] = [
  { code: 'ABNA', bic: 'ABNANL2A' },
  { code: 'INGB', bic: 'INGBNL2A' },
  { code: 'RABO', bic: 'RABONL2U' },
  { code: 'RABO', bic: 'RABONL2U' },
  { code: 'INGB', bic: 'INGBNL2A' },
  { code: 'TRIO', bic: 'TRIONL2U' },
  { code: 'SNSB', bic: 'SNSBNL2A' },
  { code: 'ASNB', bic: 'ASNBNL21' },
  { code: 'KNAB', bic: 'KNABNL2H' },
  { code: 'BUNQ', bic: 'BUNQNL2A' },
];
const BELGIAN_BICS = ['GEBABEBB', 'KREDBEBB', 'BBRUBEBB', 'GKCCBEBB'];
const GERMAN_BICS = ['COBADEFFXXX', 'DEUTDEDDXXX', 'GENODEM1GLS', 'SPKHDE2HXXX'];

export interface BankAccount {
  readonly iban: string;
  readonly bic: string;
}

export function bankAccount(random: Random, country: CountryCode): BankAccount {
  if (country === 'BE') {
    const base = random.digits(10);
    const national = parseInt(base, 10) % 97 || 97;
    return { iban: iban('BE', `${base}${`${national}`.padStart(2, '0')}`), bic: random.pick(BELGIAN_BICS) };
  }
  if (country === 'DE') {
    return {
      iban: iban('DE', `${random.range(1, 8)}${random.digits(7)}${random.digits(10)}`),
      bic: random.pick(GERMAN_BICS),
    };
  }
  const bank = random.pick(DUTCH_BANKS);
  return { iban: iban('NL', `${bank.code}0${random.range(1, 9)}${random.digits(8)}`), bic: bank.bic };
}

/** An IBAN with correct ISO 13616 check digits. */
export function iban(country: string, bban: string): string {
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${`${check}`.padStart(2, '0')}${bban}`;
}

function mod97(text: string): number {
  let remainder = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    remainder = code >= 65 ? (remainder * 100 + (code - 55)) % 97 : (remainder * 10 + (code - 48)) % 97;
  }
  return remainder;
}

/** `NL91ABNA0417164300` → `NL91 ABNA 0417 1643 00`. */
export function groupIban(value: string): string {
  return value.replace(/(.{4})(?=.)/g, '$1 ');
}
