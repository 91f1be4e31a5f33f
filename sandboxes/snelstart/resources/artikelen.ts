import { randomUUID } from 'node:crypto';
import type { Administration } from '../administration/administration';
import { readBody } from '../model/field-schema';
import { artikelModel } from '../model/models';
import type { WireRecord } from '../store/collection';
import { assertNoModelState, checkBodyId, ErrorList, NotFound, requireObjectBody } from './api-errors';

const OMSCHRIJVING_MAX = 250;

/** Stock and composition fields SnelStart maintains itself. */
export function artikelReadOnlyFields(id: string) {
  return {
    id,
    uri: `/artikelen/${id}`,
    isHoofdartikel: false,
    subartikelen: [],
    technischeVoorraad: 0,
    vrijeVoorraad: 0,
    extraVelden: [],
  };
}

export function getArtikel(admin: Administration, id: string): WireRecord {
  const row = admin.artikelen.get(id);
  if (!row) throw new NotFound(`Artikel met id '${id}' is niet gevonden.`);
  return row;
}

export function createArtikel(admin: Administration, input: unknown): WireRecord {
  const body = requireObjectBody(input);
  checkBodyId(body);
  const { value, problems } = readBody(artikelModel, body);
  assertNoModelState(problems);
  validateArtikel(admin, value);
  const id = randomUUID();
  const row: WireRecord = { ...value, ...artikelReadOnlyFields(id), modifiedOn: admin.clock.next() };
  admin.artikelen.put(row);
  return row;
}

export function replaceArtikel(admin: Administration, id: string, input: unknown): WireRecord {
  const existing = getArtikel(admin, id);
  const body = requireObjectBody(input);
  checkBodyId(body, existing.id);
  const { value, problems } = readBody(artikelModel, body);
  assertNoModelState(problems);
  validateArtikel(admin, value, existing);
  const row: WireRecord = {
    ...value,
    ...artikelReadOnlyFields(existing.id),
    isHoofdartikel: existing.isHoofdartikel,
    subartikelen: existing.subartikelen,
    technischeVoorraad: existing.technischeVoorraad,
    vrijeVoorraad: existing.vrijeVoorraad,
    extraVelden: existing.extraVelden,
    modifiedOn: admin.clock.next(),
  };
  admin.artikelen.put(row);
  return row;
}

export function deleteArtikel(admin: Administration, id: string): void {
  admin.artikelen.delete(getArtikel(admin, id).id);
}

function validateArtikel(
  admin: Administration,
  artikel: Record<string, unknown>,
  existing?: WireRecord,
): void {
  const errors = new ErrorList();
  const code = artikel.artikelcode;
  if (typeof code !== 'string' || code.trim() === '') {
    errors.add('ART-0002', 'Artikelcode is verplicht.');
  } else {
    if (admin.companyInfo.artikelcodeSoort === 'Numeriek' && !/^\d+$/.test(code)) {
      errors.add('ART-0003', 'Artikelcode moet numeriek zijn.');
    }
    const maxLength = admin.companyInfo.artikelcodeMaxLengte;
    if (typeof maxLength === 'number' && code.length > maxLength) {
      errors.add('ART-0004', `Artikelcode mag maximaal ${maxLength} tekens bevatten.`);
    }
    if (admin.artikelen.lookup('artikelcode', code).some((row) => row.id !== existing?.id)) {
      errors.add('ART-0005', `Artikelcode '${code}' bestaat al.`);
    }
  }
  const omschrijving = artikel.omschrijving;
  if (typeof omschrijving !== 'string' || omschrijving.trim() === '') {
    errors.add('ART-0006', 'Omschrijving is verplicht.');
  } else if (omschrijving.length > OMSCHRIJVING_MAX) {
    errors.add('ART-0007', `Omschrijving mag maximaal ${OMSCHRIJVING_MAX} tekens bevatten.`);
  }
  const groep = artikel.artikelOmzetgroep as { id: string } | null;
  if (!groep) errors.add('ART-0008', 'Artikelomzetgroep is verplicht.');
  else if (!admin.artikelomzetgroepen.has(groep.id))
    errors.add('ART-0009', 'De artikelomzetgroep bestaat niet.');

  const relatie = artikel.relatie as { id: string } | null;
  if (relatie) {
    const leverancier = admin.relaties.get(relatie.id);
    const soorten = (leverancier?.relatiesoort as string[] | undefined) ?? [];
    if (!soorten.includes('Leverancier') && !soorten.includes('Eigen')) {
      errors.add('ART-0016', 'De relatie van een artikel moet een leverancier zijn.');
    } else if (leverancier?.nonactief === true) {
      errors.add('ART-0018', 'De relatie is verwijderd en staat op nonactief.');
    }
  }
  errors.throwIfAny();
}
