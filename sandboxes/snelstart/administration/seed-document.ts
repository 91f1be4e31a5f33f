import { randomUUID } from 'node:crypto';
import { defaultsOf, type ModelSchema } from '../model/field-schema';
import {
  artikelModel,
  artikelOmzetGroepModel,
  doorlopendeIncassoMachtigingModel,
  grootboekModel,
  landModel,
  relatieModel,
  verkoopBoekingModel,
  verkoopOrderModel,
  verkoopordersjabloonModel,
} from '../model/models';
import { artikelReadOnlyFields } from '../resources/artikelen';
import { writeVerkoopfactuur } from '../resources/verkoopboekingen';
import type { Collection, WireRecord } from '../store/collection';
import type { Administration } from './administration';
import {
  defaultArtikelomzetgroepen,
  defaultBtwtarieven,
  defaultGrootboeken,
  defaultLanden,
  defaultVerkoopordersjablonen,
} from './reference-data';
import { ensureSystemRelaties } from './system-relaties';

type Rows = Record<string, unknown>[];

/**
 * An administration's content in the API's own wire shapes (RelatieModel, ArtikelModel, …), used to
 * seed it and to dump it. Every key is optional. Documenten may carry `documentType`
 * (Verkoopboekingen | Relaties | Inkoopboekingen); verkoopfacturen are derived from verkoopboekingen.
 */
export interface SeedDocument {
  relaties?: Rows;
  artikelen?: Rows;
  artikelomzetgroepen?: Rows;
  grootboeken?: Rows;
  btwtarieven?: Rows;
  landen?: Rows;
  verkoopordersjablonen?: Rows;
  doorlopendeincassomachtigingen?: Rows;
  verkoopboekingen?: Rows;
  verkooporders?: Rows;
  documenten?: Rows;
  companyInfo?: Record<string, unknown>;
}

/**
 * Loads `seed` into `admin`. Seed rows are trusted: they are completed with defaults but not
 * validated row by row, so 100,000 relaties load in a fraction of a second. Reference data the
 * administration does not have yet gets Dutch defaults; system relaties are added when absent.
 */
export function loadSeed(admin: Administration, seed: SeedDocument): void {
  const stamp = admin.clock.next();
  if (seed.companyInfo) admin.companyInfo = { ...admin.companyInfo, ...seed.companyInfo };

  loadReferenceRows(admin.landen, seed.landen, defaultLanden, landModel, '/landen');
  loadReferenceRows(
    admin.grootboeken,
    seed.grootboeken,
    () => defaultGrootboeken(stamp),
    grootboekModel,
    '/grootboeken',
    stamp,
  );
  loadReferenceRows(
    admin.artikelomzetgroepen,
    seed.artikelomzetgroepen,
    defaultArtikelomzetgroepen,
    artikelOmzetGroepModel,
    '/artikelomzetgroepen',
  );
  loadReferenceRows(
    admin.verkoopordersjablonen,
    seed.verkoopordersjablonen,
    defaultVerkoopordersjablonen,
    verkoopordersjabloonModel,
    '/verkoopordersjablonen',
  );
  if (seed.btwtarieven) admin.btwtarieven = seed.btwtarieven.map((row) => ({ ...row }));
  else if (admin.btwtarieven.length === 0) admin.btwtarieven = defaultBtwtarieven();

  if (seed.relaties) loadRelaties(admin, seed.relaties, stamp);
  ensureSystemRelaties(admin);

  const machtigingTemplate = seedTemplate(doorlopendeIncassoMachtigingModel);
  for (const row of seed.doorlopendeincassomachtigingen ?? []) {
    admin.doorlopendeIncassoMachtigingen.put(
      complete(row, machtigingTemplate, '/doorlopendeincassomachtigingen'),
    );
  }

  const artikelTemplate = seedTemplate(artikelModel, artikelReadOnlyFields(''));
  for (const row of seed.artikelen ?? [])
    admin.artikelen.put(complete(row, artikelTemplate, '/artikelen', stamp));

  const boekingTemplate = seedTemplate(verkoopBoekingModel);
  for (const row of seed.verkoopboekingen ?? []) {
    const boeking = complete(row, boekingTemplate, '/verkoopboekingen', stamp);
    boeking.factuurdatum ??= `${stamp.slice(0, 10)}T00:00:00`;
    boeking.betalingstermijn ??= 14;
    admin.verkoopboekingen.put(boeking);
    writeVerkoopfactuur(admin, boeking);
  }

  const orderTemplate = seedTemplate(verkoopOrderModel, { totaalExclusiefBtw: 0, totaalInclusiefBtw: 0 });
  for (const row of seed.verkooporders ?? []) {
    const order = complete(row, orderTemplate, '/verkooporders', stamp);
    admin.verkooporders.put(order);
    if (
      typeof order.nummer === 'number' &&
      order.nummer >= Number(admin.companyInfo.volgendVerkoopordernummer)
    ) {
      admin.companyInfo = { ...admin.companyInfo, volgendVerkoopordernummer: order.nummer + 1 };
    }
  }

  for (const row of seed.documenten ?? []) {
    const doc = complete(row, { readOnly: false }, '/documenten');
    doc.parentIdentifier = String(doc.parentIdentifier ?? '').toLowerCase();
    doc.documentType ??= admin.verkoopboekingen.has(doc.parentIdentifier as string)
      ? 'Verkoopboekingen'
      : admin.relaties.has(doc.parentIdentifier as string)
        ? 'Relaties'
        : 'Inkoopboekingen';
    admin.documenten.put(doc);
  }
  advanceClockPastSeededRows(admin, seed, stamp);
}

/** Everything in `admin`, in the shape `loadSeed` reads. */
export function dumpAdministration(admin: Administration): Required<SeedDocument> {
  const rows = (collection: Collection) => Array.from(collection.values());
  return {
    companyInfo: { ...admin.companyInfo },
    landen: rows(admin.landen),
    btwtarieven: admin.btwtarieven.map((row) => ({ ...row })),
    grootboeken: rows(admin.grootboeken),
    artikelomzetgroepen: rows(admin.artikelomzetgroepen),
    verkoopordersjablonen: rows(admin.verkoopordersjablonen),
    relaties: rows(admin.relaties),
    doorlopendeincassomachtigingen: rows(admin.doorlopendeIncassoMachtigingen),
    artikelen: rows(admin.artikelen),
    verkoopboekingen: rows(admin.verkoopboekingen),
    verkooporders: rows(admin.verkooporders),
    documenten: rows(admin.documenten),
  };
}

/** Empties every collection, as before a seed that replaces the administration's content. */
export function clearAdministration(admin: Administration): void {
  for (const collection of [
    admin.relaties,
    admin.artikelen,
    admin.artikelomzetgroepen,
    admin.grootboeken,
    admin.landen,
    admin.verkoopordersjablonen,
    admin.doorlopendeIncassoMachtigingen,
    admin.verkoopboekingen,
    admin.verkoopfacturen,
    admin.verkooporders,
    admin.documenten,
  ]) {
    collection.clear();
  }
  admin.btwtarieven = [];
  admin.highestRelatiecode = 0;
}

function loadRelaties(admin: Administration, rows: Rows, stamp: string): void {
  const template = seedTemplate(relatieModel, {
    fax: null,
    extraVeldenKlant: [],
    inkoopBoekingenUri: '',
    verkoopBoekingenUri: '',
  });
  for (const row of rows) admin.noteRelatiecode(row.relatiecode);
  for (const row of rows) {
    const relatie = complete(row, template, '/relaties', stamp);
    relatie.inkoopBoekingenUri = `${relatie.uri}/inkoopboekingen`;
    relatie.verkoopBoekingenUri = `${relatie.uri}/verkoopboekingen`;
    // Documents are their own resource; a relatie's `documents` is derived when it is read.
    if ('documents' in row) relatie.documents = undefined;
    if (typeof relatie.relatiecode !== 'number') relatie.relatiecode = admin.nextRelatiecode();
    admin.relaties.put(relatie);
  }
}

function loadReferenceRows(
  collection: Collection,
  rows: Rows | undefined,
  defaults: () => WireRecord[],
  model: ModelSchema,
  uriPrefix: string,
  stamp?: string,
): void {
  if (rows) {
    const template = seedTemplate(model);
    for (const row of rows) collection.put(complete(row, template, uriPrefix, stamp));
  } else if (collection.size === 0) {
    for (const row of defaults()) collection.put(row);
  }
}

/**
 * A model's defaults with every key a seeded row ends up with, so completing a row never adds a
 * property (which keeps 100,000 rows cheap to build).
 */
function seedTemplate(model: ModelSchema, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const withModifiedOn = 'modifiedOn' in model.fields ? { modifiedOn: null } : {};
  return { id: '', uri: '', ...withModifiedOn, ...defaultsOf(model), ...extra };
}

/** A seed row over its model's defaults, with a lower-case id (generated when absent) and its uri. */
function complete(
  row: Record<string, unknown>,
  template: Record<string, unknown>,
  uriPrefix: string,
  stamp?: string,
): WireRecord {
  const id = typeof row.id === 'string' && row.id !== '' ? row.id.toLowerCase() : randomUUID();
  const record: WireRecord = { ...template, ...row, id, uri: `${uriPrefix}/${id}` };
  if (stamp !== undefined) record.modifiedOn ??= stamp;
  return record;
}

/** Later writes must get a modifiedOn after every seeded one. */
function advanceClockPastSeededRows(admin: Administration, seed: SeedDocument, stamp: string): void {
  let latest = stamp;
  for (const rows of [
    seed.relaties,
    seed.artikelen,
    seed.grootboeken,
    seed.verkoopboekingen,
    seed.verkooporders,
  ]) {
    for (const row of rows ?? []) {
      const modifiedOn = row.modifiedOn;
      if (typeof modifiedOn === 'string' && modifiedOn > latest) latest = modifiedOn;
    }
  }
  admin.clock.advancePast(latest);
}
