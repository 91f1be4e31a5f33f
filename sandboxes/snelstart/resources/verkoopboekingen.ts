import { randomUUID } from 'node:crypto';
import type { Administration } from '../administration/administration';
import { readBody } from '../model/field-schema';
import { BTW_SOORTEN, VERKOOP_BTW_SOORTEN, verkoopBoekingModel } from '../model/models';
import type { WireRecord } from '../store/collection';
import { formatWallClock, wallClockToMs } from '../store/wall-clock';
import {
  assertNoModelState,
  checkBodyId,
  ErrorList,
  ModelStateFailure,
  NotFound,
  requireObjectBody,
} from './api-errors';
import { deleteDocumentsOf, documentReferencesOf } from './documenten';

const FACTUURNUMMER_MAX = 25;
const BOEKSTUK_MAX = 25;
const OMSCHRIJVING_MAX = 250;
const MACHTIGING_TEXT_MAX = 50;
/** Payment term when neither the booking nor its klant gives one. */
const DEFAULT_BETALINGSTERMIJN = 14;

type Reference = { id: string } | null;
interface Regel {
  omschrijving: string | null;
  grootboek: Reference;
  kostenplaats: Reference;
  bedrag: number;
  btwSoort: string | null;
}
interface BtwRegel {
  btwSoort: string | null;
  btwBedrag: number;
}

export function getVerkoopboeking(admin: Administration, id: string): WireRecord {
  const row = admin.verkoopboekingen.get(id);
  if (!row) throw new NotFound(`Verkoopboeking met id '${id}' is niet gevonden.`);
  return row;
}

export function verkoopboekingView(admin: Administration, row: WireRecord): WireRecord {
  return { ...row, documents: documentReferencesOf(admin, row.id) };
}

export function createVerkoopboeking(admin: Administration, input: unknown): WireRecord {
  const body = requireObjectBody(input);
  checkBodyId(body);
  const { value, problems } = readBody(verkoopBoekingModel, body);
  assertNoModelState(problems);
  const row = completeBoeking(admin, value, randomUUID());
  admin.verkoopboekingen.put(row);
  writeVerkoopfactuur(admin, row);
  return row;
}

export function replaceVerkoopboeking(admin: Administration, id: string, input: unknown): WireRecord {
  const existing = getVerkoopboeking(admin, id);
  const body = requireObjectBody(input);
  checkBodyId(body, existing.id);
  const { value, problems } = readBody(verkoopBoekingModel, body);
  assertNoModelState(problems);
  const row = completeBoeking(admin, value, existing.id, existing);
  admin.verkoopboekingen.put(row);
  writeVerkoopfactuur(admin, row);
  return row;
}

export function deleteVerkoopboeking(admin: Administration, id: string): void {
  const existing = getVerkoopboeking(admin, id);
  admin.verkoopboekingen.delete(existing.id);
  for (const factuur of admin.verkoopfacturen.lookup('verkoopBoeking.id', existing.id)) {
    admin.verkoopfacturen.delete(factuur.id);
  }
  deleteDocumentsOf(admin, existing.id);
}

function completeBoeking(
  admin: Administration,
  boeking: Record<string, unknown>,
  id: string,
  existing?: WireRecord,
): WireRecord {
  const klantRef = boeking.klant as Reference;
  if (!klantRef) throw new ModelStateFailure({ 'model.Klant': ['Het veld Klant is verplicht.'] });
  const klant = admin.relaties.get(klantRef.id);
  validateBoeking(admin, boeking, klant, existing);
  const klantTermijn = klant?.krediettermijn;
  return {
    ...boeking,
    id,
    uri: `/verkoopboekingen/${id}`,
    factuurdatum: boeking.factuurdatum ?? `${formatWallClock(Date.now()).slice(0, 10)}T00:00:00`,
    betalingstermijn:
      boeking.betalingstermijn ??
      (typeof klantTermijn === 'number' && klantTermijn > 0 ? klantTermijn : DEFAULT_BETALINGSTERMIJN),
    modifiedOn: admin.clock.next(),
  };
}

function validateBoeking(
  admin: Administration,
  boeking: Record<string, unknown>,
  klant: WireRecord | undefined,
  existing?: WireRecord,
): void {
  const errors = new ErrorList();
  const factuurnummer = boeking.factuurnummer;
  if (
    typeof factuurnummer !== 'string' ||
    factuurnummer.trim() === '' ||
    factuurnummer.length > FACTUURNUMMER_MAX
  ) {
    errors.add(
      'BOE-0058',
      `Factuurnummer is verplicht en mag maximaal ${FACTUURNUMMER_MAX} tekens bevatten.`,
    );
  } else if (
    admin.verkoopboekingen.lookup('factuurnummer', factuurnummer).some((row) => row.id !== existing?.id)
  ) {
    errors.add('BOE-0021', 'Het factuurnummer bestaat al.');
  }
  if (lengthOf(boeking.boekstuk) > BOEKSTUK_MAX) {
    errors.add('BOE-0068', `Boekstuk mag maximaal ${BOEKSTUK_MAX} tekens bevatten.`);
  }
  if (lengthOf(boeking.omschrijving) > OMSCHRIJVING_MAX) {
    errors.add('BOE-0071', `Omschrijving mag maximaal ${OMSCHRIJVING_MAX} tekens bevatten.`);
  }
  const termijn = boeking.betalingstermijn;
  if (typeof termijn === 'number' && (termijn < 0 || termijn > 999)) {
    throw new ModelStateFailure({
      'model.Betalingstermijn': ['Betalingstermijn moet tussen 0 en 999 liggen.'],
    });
  }

  if (!klant) {
    errors.add('REL-0005', 'De relatie is niet gevonden.');
  } else if (klant.nonactief === true) {
    errors.add('BOE-0054', 'De relatie is verwijderd en staat op nonactief.');
  } else if (!(klant.relatiesoort as string[]).includes('Klant')) {
    errors.add('BOE-0060', 'De relatie is geen klant.');
  }

  validateRegels(admin, (boeking.boekingsregels as (Regel | null)[] | null) ?? [], errors);
  const btw = ((boeking.btw as (BtwRegel | null)[] | null) ?? []).filter(
    (regel): regel is BtwRegel => regel !== null,
  );
  validateBtw(btw, errors);
  if (errors.empty) validateBalance(boeking, btw, errors);
  if (klant) validateIncasso(admin, boeking, klant, errors);
  errors.throwIfAny();
}

function validateRegels(admin: Administration, regels: (Regel | null)[], errors: ErrorList): void {
  const present = regels.filter((regel): regel is Regel => regel !== null);
  if (present.length === 0) {
    errors.add('BOE-0023', 'Er zijn geen boekingsregels opgegeven.');
    return;
  }
  present.forEach((regel, i) => {
    const where = `Boekingsregel ${i + 1}`;
    const grootboek = regel.grootboek ? admin.grootboeken.get(regel.grootboek.id) : undefined;
    if (!grootboek) errors.add('BOE-0037', `${where}: het grootboek is niet gevonden.`);
    else if (grootboek.nonactief === true) errors.add('BOE-0008', `${where}: het grootboek is nonactief.`);
    if (regel.kostenplaats) errors.add('BOE-0019', `${where}: de kostenplaats is niet gevonden.`);
    if (cents(regel.bedrag) === 0) errors.add('BOE-0028', `${where}: het bedrag mag niet 0 zijn.`);
    if (lengthOf(regel.omschrijving) > OMSCHRIJVING_MAX) {
      errors.add('BOE-0071', `${where}: omschrijving mag maximaal ${OMSCHRIJVING_MAX} tekens bevatten.`);
    }
    if (regel.btwSoort !== null && !(BTW_SOORTEN as readonly string[]).includes(regel.btwSoort)) {
      errors.add(
        'BOE-0082',
        `${where}: btw-soort '${regel.btwSoort}' is ongeldig; gebruik ${BTW_SOORTEN.join(', ')}.`,
      );
    }
  });
}

function validateBtw(btw: BtwRegel[], errors: ErrorList): void {
  for (const regel of btw) {
    if (regel.btwSoort === null || !(VERKOOP_BTW_SOORTEN as readonly string[]).includes(regel.btwSoort)) {
      errors.add(
        'BOE-0082',
        `Btw-soort '${regel.btwSoort}' is ongeldig; gebruik ${VERKOOP_BTW_SOORTEN.join(', ')}.`,
      );
    }
  }
  const soorten = new Set(btw.filter((regel) => cents(regel.btwBedrag) !== 0).map((regel) => regel.btwSoort));
  if (btw.some((regel) => regel.btwSoort === 'VerkopenVerlegd') && soorten.size > 1) {
    errors.add('BOE-0062', 'Verlegde btw mag niet met andere btw-soorten worden gecombineerd.');
  }
}

/** factuurbedrag (incl. btw) must equal the lines (excl. btw) plus the btw totals, to the cent. */
function validateBalance(boeking: Record<string, unknown>, btw: BtwRegel[], errors: ErrorList): void {
  const regels = ((boeking.boekingsregels as (Regel | null)[]) ?? []).filter((r): r is Regel => r !== null);
  const total =
    regels.reduce((sum, regel) => sum + cents(regel.bedrag), 0) +
    btw.reduce((sum, r) => sum + cents(r.btwBedrag), 0);
  const factuurbedrag = cents(boeking.factuurbedrag as number);
  if (factuurbedrag !== total) {
    errors.add(
      'BOE-0039',
      `De boeking is niet in balans: factuurbedrag ${euros(factuurbedrag)} wijkt af van regels plus btw ${euros(total)}.`,
    );
  }
}

function validateIncasso(
  admin: Administration,
  boeking: Record<string, unknown>,
  klant: WireRecord,
  errors: ErrorList,
): void {
  const doorlopend = boeking.doorlopendeIncassoMachtiging as Reference;
  const eenmalig = boeking.eenmaligeIncassoMachtiging as {
    kenmerk: string | null;
    omschrijving: string | null;
    datum: string | null;
  } | null;
  if (!doorlopend && !eenmalig) return;
  if (doorlopend && eenmalig) {
    errors.add('BOE-0064', 'Geef een doorlopende of een eenmalige incassomachtiging op, niet allebei.');
    return;
  }
  if (typeof klant.iban !== 'string' || klant.iban === '') {
    errors.add('BOE-0052', 'Voor incasso moet de klant een IBAN hebben.');
  }
  if (klant.incassoSoort !== 'Core' && klant.incassoSoort !== 'B2B') {
    errors.add('BOE-0055', 'Incasso is niet toegestaan voor deze klant.');
  }
  if (doorlopend) {
    const machtiging = admin.doorlopendeIncassoMachtigingen.get(doorlopend.id);
    if (!machtiging || (machtiging.klant as Reference)?.id !== klant.id) {
      errors.add('BOE-0066', 'De incassomachtiging hoort niet bij deze klant.');
    } else if (isRevoked(machtiging, boeking.factuurdatum as string | null)) {
      errors.add('BOE-0079', 'De incassomachtiging is ingetrokken.');
    }
  }
  if (eenmalig) {
    if (!eenmalig.omschrijving || !eenmalig.datum) {
      throw new ModelStateFailure({
        'model.EenmaligeIncassoMachtiging': [
          'Omschrijving en Datum van de eenmalige machtiging zijn verplicht.',
        ],
      });
    }
    if (eenmalig.omschrijving.length > MACHTIGING_TEXT_MAX) {
      errors.add(
        'BOE-0056',
        `Omschrijving van de machtiging mag maximaal ${MACHTIGING_TEXT_MAX} tekens bevatten.`,
      );
    }
    if (lengthOf(eenmalig.kenmerk) > MACHTIGING_TEXT_MAX) {
      errors.add(
        'BOE-0057',
        `Kenmerk van de machtiging mag maximaal ${MACHTIGING_TEXT_MAX} tekens bevatten.`,
      );
    }
  }
}

function isRevoked(machtiging: WireRecord, factuurdatum: string | null): boolean {
  const revokedOn = machtiging.intrekkingsDatum;
  if (typeof revokedOn !== 'string') return false;
  const onDate = factuurdatum ? wallClockToMs(factuurdatum) : Date.now();
  return wallClockToMs(revokedOn) <= onDate;
}

/** The verkoopfactuur SnelStart derives from each verkoopboeking (same id across rewrites). */
export function writeVerkoopfactuur(admin: Administration, boeking: WireRecord): void {
  const existing = admin.verkoopfacturen.lookup('verkoopBoeking.id', boeking.id)[0];
  const id = existing?.id ?? randomUUID();
  const klant = boeking.klant as Reference;
  const factuurdatum = boeking.factuurdatum as string | null;
  const vervalMs = factuurdatum
    ? wallClockToMs(factuurdatum) + Number(boeking.betalingstermijn ?? 0) * 86_400_000
    : Number.NaN;
  admin.verkoopfacturen.put({
    id,
    uri: `/verkoopfacturen/${id}`,
    verkoopBoeking: { id: boeking.id, uri: `/verkoopboekingen/${boeking.id}` },
    modifiedOn: boeking.modifiedOn,
    openstaandSaldo: boeking.factuurbedrag,
    factuurnummer: boeking.factuurnummer,
    vervalDatum: Number.isNaN(vervalMs) ? null : formatWallClock(vervalMs).slice(0, 19),
    relatie: klant ? { id: klant.id, uri: `/relaties/${klant.id}` } : null,
    factuurDatum: factuurdatum,
    factuurBedrag: boeking.factuurbedrag,
    verkoopOrders: existing?.verkoopOrders ?? [],
  });
}

function cents(amount: number | null | undefined): number {
  return Math.round((amount ?? 0) * 100);
}

function euros(centsValue: number): string {
  return (centsValue / 100).toFixed(2);
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}
