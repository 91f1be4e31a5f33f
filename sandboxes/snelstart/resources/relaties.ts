import { randomUUID } from 'node:crypto';
import type { Administration } from '../administration/administration';
import { readBody } from '../model/field-schema';
import { relatieModel } from '../model/models';
import type { WireRecord } from '../store/collection';
import {
  assertNoModelState,
  bodyHasField,
  checkBodyId,
  ErrorList,
  NotFound,
  requireObjectBody,
  ValidationFailure,
} from './api-errors';
import { documentReferencesOf } from './documenten';

type Adres = {
  contactpersoon: string | null;
  straat: string | null;
  postcode: string | null;
  plaats: string | null;
  land: { id: string } | null;
};

/** Fields SnelStart keeps itself; a PUT cannot change them. */
export function relatieReadOnlyFields(id: string) {
  return {
    id,
    uri: `/relaties/${id}`,
    fax: null,
    inkoopBoekingenUri: `/relaties/${id}/inkoopboekingen`,
    verkoopBoekingenUri: `/relaties/${id}/verkoopboekingen`,
    extraVeldenKlant: [],
  };
}

export function getRelatie(admin: Administration, id: string): WireRecord {
  const row = admin.relaties.get(id);
  if (!row) throw new NotFound(`Relatie met id '${id}' is niet gevonden.`);
  return row;
}

/** A relatie as the API shows it: with the references to its attached documents. */
export function relatieView(admin: Administration, row: WireRecord): WireRecord {
  return { ...row, documents: documentReferencesOf(admin, row.id) };
}

export function createRelatie(admin: Administration, input: unknown): WireRecord {
  const body = requireObjectBody(input);
  checkBodyId(body);
  const { value, problems } = readBody(relatieModel, body);
  assertNoModelState(problems);
  validateRelatie(admin, value);
  const id = randomUUID();
  const relatiecode = typeof value.relatiecode === 'number' ? value.relatiecode : admin.nextRelatiecode();
  admin.noteRelatiecode(relatiecode);
  const row: WireRecord = {
    ...value,
    ...relatieReadOnlyFields(id),
    relatiecode,
    modifiedOn: admin.clock.next(),
  };
  admin.relaties.put(row);
  return row;
}

/** PUT replaces the whole record: fields the body leaves out fall back to their defaults. */
export function replaceRelatie(admin: Administration, id: string, input: unknown): WireRecord {
  const existing = getRelatie(admin, id);
  const body = requireObjectBody(input);
  checkBodyId(body, existing.id);
  const { value, problems } = readBody(relatieModel, body);
  assertNoModelState(problems);
  if (!bodyHasField(body, 'relatiesoort')) value.relatiesoort = existing.relatiesoort;
  if (!bodyHasField(body, 'relatiecode') || value.relatiecode === null)
    value.relatiecode = existing.relatiecode;
  validateRelatie(admin, value, existing);
  admin.noteRelatiecode(value.relatiecode);
  const row: WireRecord = {
    ...value,
    ...relatieReadOnlyFields(existing.id),
    fax: existing.fax ?? null,
    extraVeldenKlant: existing.extraVeldenKlant ?? [],
    modifiedOn: admin.clock.next(),
  };
  admin.relaties.put(row);
  return row;
}

export function deleteRelatie(admin: Administration, id: string): void {
  const existing = getRelatie(admin, id);
  const soorten = existing.relatiesoort as string[];
  const code = existing.relatiecode as number;
  if (soorten.includes('Eigen') || code < 0) {
    throw new ValidationFailure([
      { errorCode: 'REL-0067', message: 'Deze relatie wordt intern gebruikt en kan niet worden verwijderd.' },
    ]);
  }
  if (admin.verkoopboekingen.lookup('klant.id', existing.id).length > 0) {
    throw new ValidationFailure([
      { errorCode: 'REL-0049', message: 'De relatie heeft boekingen en kan niet worden verwijderd.' },
    ]);
  }
  if (admin.verkooporders.lookup('relatie.id', existing.id).length > 0) {
    throw new ValidationFailure([
      { errorCode: 'REL-0050', message: 'De relatie heeft verkooporders en kan niet worden verwijderd.' },
    ]);
  }
  admin.relaties.delete(existing.id);
}

const PHONE_MAX = 25;
const EMAIL = /^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$/;
const BIC = /^[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$/;

function validateRelatie(
  admin: Administration,
  relatie: Record<string, unknown>,
  existing?: WireRecord,
): void {
  const errors = new ErrorList();
  const soorten = (relatie.relatiesoort as string[] | null) ?? [];

  if (soorten.length === 0) errors.add('REL-0001', "RelatieSoort mag niet 'geen' zijn.");
  if (soorten.includes('Eigen') && !(existing?.relatiesoort as string[] | undefined)?.includes('Eigen')) {
    errors.add('REL-0048', "RelatieSoort mag niet 'eigen' bevatten.");
  }
  if (soorten.includes('Klant') && soorten.includes('Leverancier')) {
    errors.add('REL-0065', "RelatieSoort kan niet zowel 'klant' als 'leverancier' zijn.");
  }
  if (existing && !sameSet(soorten, existing.relatiesoort as string[])) {
    errors.add('REL-0064', 'RelatieSoort mag niet aangepast worden.');
  }

  if (typeof relatie.naam !== 'string' || relatie.naam.trim() === '')
    errors.add('REL-0007', 'Naam is verplicht.');

  const code = relatie.relatiecode;
  if (typeof code === 'number') {
    const holders = admin.relaties.lookup('relatiecode', code);
    if (holders.some((holder) => holder.id !== existing?.id)) {
      errors.add('REL-0008', `Relatiecode ${code} is reeds in gebruik.`);
    }
  }

  const krediettermijn = relatie.krediettermijn as number;
  if (krediettermijn < -365 || krediettermijn > 1000) {
    errors.add('REL-0003', 'Krediettermijn moet tussen -365 en 1000 liggen.');
  }
  if (lengthOf(relatie.telefoon) > PHONE_MAX)
    errors.add('REL-0012', `Telefoon mag maximaal ${PHONE_MAX} tekens bevatten.`);
  if (lengthOf(relatie.mobieleTelefoon) > PHONE_MAX) {
    errors.add('REL-0013', `MobieleTelefoon mag maximaal ${PHONE_MAX} tekens bevatten.`);
  }
  const kvk = relatie.kvkNummer;
  if (typeof kvk === 'string' && kvk !== '' && (kvk.length > 12 || !/^[0-9A-Za-z]+$/.test(kvk))) {
    errors.add('REL-0006', 'KvkNummer is ongeldig.');
  }
  const oin = relatie.oin;
  if (typeof oin === 'string' && oin !== '' && !/^\d{20}$/.test(oin)) {
    errors.add('REL-0086', 'Oin moet uit precies 20 cijfers bestaan.');
  }
  const btwNummer = relatie.btwNummer;
  if (typeof btwNummer === 'string' && btwNummer !== '' && !/^[0-9A-Za-z]{2,50}$/.test(btwNummer)) {
    errors.add('REL-0057', 'BtwNummer moet uit 2 tot 50 letters en cijfers bestaan.');
  }
  const email = relatie.email;
  if (
    typeof email === 'string' &&
    email !== '' &&
    !email.split(';').every((part) => EMAIL.test(part.trim()))
  ) {
    errors.add('REL-0061', 'Email is ongeldig.');
  }
  const website = relatie.websiteUrl;
  if (typeof website === 'string' && website !== '' && !isWebsite(website)) {
    errors.add('REL-0015', 'WebSiteUrl moet een geldige url zijn.');
  }

  const iban = relatie.iban;
  if (typeof iban === 'string' && iban !== '' && !isValidIban(iban))
    errors.add('REL-0011', 'Iban is ongeldig.');
  const bic = relatie.bic;
  if (typeof bic === 'string' && bic !== '' && !BIC.test(bic)) errors.add('REL-0010', 'Bic is ongeldig.');
  const incasso = relatie.incassoSoort;
  if (incasso === 'Core' || incasso === 'B2B') {
    if (typeof iban !== 'string' || iban === '')
      errors.add('REL-0009', 'Iban is verplicht bij een incassosoort.');
    if (!soorten.includes('Klant'))
      errors.add('REL-0016', 'Een incassosoort is alleen toegestaan voor klanten.');
  }
  if ((relatie.kredietLimiet as number) > 0 && !soorten.includes('Klant')) {
    errors.add('REL-0062', 'Een kredietlimiet is alleen toegestaan voor klanten.');
  }

  const factuurRelatie = relatie.factuurRelatie as { id: string } | null;
  if (factuurRelatie) {
    const target = admin.relaties.get(factuurRelatie.id);
    if (!target) errors.add('REL-0017', 'De factuurrelatie bestaat niet.');
    else if (!(target.relatiesoort as string[]).includes('Klant')) {
      errors.add('REL-0018', 'De factuurrelatie moet een klant zijn.');
    }
  }

  const vestiging = relatie.vestigingsAdres as Adres | null;
  if (vestiging) {
    const parts = [vestiging.straat, vestiging.postcode, vestiging.plaats, vestiging.land?.id];
    const filled = parts.filter((part) => typeof part === 'string' && part !== '').length;
    if (filled > 0 && filled < parts.length) {
      errors.add(
        'REL-0060',
        'Als een veld van het VestigingsAdres is ingevuld, moeten straat, postcode, plaats en land allemaal zijn ingevuld.',
      );
    }
    if (vestiging.land && !admin.landen.has(vestiging.land.id)) {
      errors.add('REL-0055', 'Het land van het vestigingsadres bestaat niet.');
    }
  }
  const correspondentie = relatie.correspondentieAdres as Adres | null;
  if (correspondentie?.land && !admin.landen.has(correspondentie.land.id)) {
    errors.add('REL-0056', 'Het land van het correspondentieadres bestaat niet.');
  }

  errors.throwIfAny();
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

function isWebsite(text: string): boolean {
  try {
    const url = new URL(text.includes('://') ? text : `http://${text}`);
    return url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** ISO 13616 check: move the country code and check digits to the end, then mod 97 must be 1. */
export function isValidIban(text: string): boolean {
  const iban = text.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
