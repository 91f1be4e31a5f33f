import { randomUUID } from 'node:crypto';
import type { Administration } from '../administration/administration';
import { readBody } from '../model/field-schema';
import { verkoopOrderModel } from '../model/models';
import type { WireRecord } from '../store/collection';
import { wallClockToMs } from '../store/wall-clock';
import {
  assertNoModelState,
  checkBodyId,
  ErrorList,
  ModelStateFailure,
  NotFound,
  requireObjectBody,
} from './api-errors';

const ORDERREFERENTIE_MAX = 50;

type Reference = { id: string } | null;
interface OrderRegel {
  artikel: Reference;
  omschrijving: string | null;
  stuksprijs: number | null;
  aantal: number;
  kortingsPercentage: number;
  extraRegelVelden: unknown[];
}

export function getVerkooporder(admin: Administration, id: string): WireRecord {
  const row = admin.verkooporders.get(id);
  if (!row) throw new NotFound(`Verkooporder met id '${id}' is niet gevonden.`);
  return row;
}

/** POST assigns the next order number (`companyInfo.volgendVerkoopordernummer`); giving one is VOR-0005. */
export function createVerkooporder(admin: Administration, input: unknown): WireRecord {
  const body = requireObjectBody(input);
  checkBodyId(body);
  const { value, problems } = readBody(verkoopOrderModel, body);
  assertNoModelState(problems);
  const errors = new ErrorList();
  if (value.nummer !== null) errors.add('VOR-0005', 'Het nummer moet leeg zijn bij een nieuwe verkooporder.');
  const order = completeOrder(admin, value, randomUUID(), errors);
  const nummer = Number(admin.companyInfo.volgendVerkoopordernummer ?? 1);
  admin.companyInfo = { ...admin.companyInfo, volgendVerkoopordernummer: nummer + 1 };
  const row = { ...order, nummer };
  admin.verkooporders.put(row);
  return row;
}

export function replaceVerkooporder(admin: Administration, id: string, input: unknown): WireRecord {
  const existing = getVerkooporder(admin, id);
  const body = requireObjectBody(input);
  checkBodyId(body, existing.id);
  const { value, problems } = readBody(verkoopOrderModel, body);
  assertNoModelState(problems);
  const row = { ...completeOrder(admin, value, existing.id, new ErrorList()), nummer: existing.nummer };
  admin.verkooporders.put(row);
  return row;
}

export function deleteVerkooporder(admin: Administration, id: string): void {
  admin.verkooporders.delete(getVerkooporder(admin, id).id);
}

function completeOrder(
  admin: Administration,
  order: Record<string, unknown>,
  id: string,
  errors: ErrorList,
): WireRecord {
  const relatieRef = order.relatie as Reference;
  if (!relatieRef) throw new ModelStateFailure({ 'model.Relatie': ['Het veld Relatie is verplicht.'] });
  if (!order.datum) throw new ModelStateFailure({ 'model.Datum': ['Het veld Datum is verplicht.'] });
  const krediettermijn = order.krediettermijn;
  if (typeof krediettermijn === 'number' && (krediettermijn < 0 || krediettermijn > 100)) {
    throw new ModelStateFailure({ 'model.Krediettermijn': ['Krediettermijn moet tussen 0 en 100 liggen.'] });
  }
  const relatie = admin.relaties.get(relatieRef.id);
  if (!relatie) errors.add('REL-0005', 'De relatie is niet gevonden.');
  else if (!(relatie.relatiesoort as string[]).includes('Klant'))
    errors.add('VOR-0002', 'De relatie is geen klant.');

  const referentie = order.orderreferentie;
  if (typeof referentie === 'string' && referentie.length > ORDERREFERENTIE_MAX) {
    errors.add('VOR-0011', `Orderreferentie mag maximaal ${ORDERREFERENTIE_MAX} tekens bevatten.`);
  }
  const machtigingRef = order.incassomachtiging as Reference;
  if (machtigingRef) {
    const machtiging = admin.doorlopendeIncassoMachtigingen.get(machtigingRef.id);
    if (!machtiging) errors.add('VOR-0013', 'De incassomachtiging is niet gevonden.');
    else if ((machtiging.klant as Reference)?.id !== relatieRef.id) {
      errors.add('VOR-0004', 'De incassomachtiging hoort niet bij deze relatie.');
    }
  }
  const sjabloon = resolveSjabloon(admin, order.verkoopordersjabloon as Reference);
  errors.throwIfAny();

  const regels = ((order.regels as (OrderRegel | null)[] | null) ?? [])
    .filter((regel): regel is OrderRegel => regel !== null)
    .map((regel, i) => completeRegel(admin, regel, i));
  const totals = orderTotals(order, regels);
  return {
    ...order,
    id,
    uri: `/verkooporders/${id}`,
    verkoopordersjabloon: { id: sjabloon.id, uri: `/verkoopordersjablonen/${sjabloon.id}` },
    krediettermijn: krediettermijn ?? relatie?.krediettermijn ?? 0,
    regels: regels.map(({ rate: _rate, ...regel }) => regel),
    verkoopfactuur: null,
    totaalExclusiefBtw: totals.exclusief,
    totaalInclusiefBtw: totals.inclusief,
    modifiedOn: admin.clock.next(),
  };
}

function resolveSjabloon(admin: Administration, ref: Reference): WireRecord {
  if (ref) {
    const sjabloon = admin.verkoopordersjablonen.get(ref.id);
    if (!sjabloon) {
      throw new ModelStateFailure({
        'model.Verkoopordersjabloon': ['Het verkoopordersjabloon is niet gevonden.'],
      });
    }
    return sjabloon;
  }
  const first = [...admin.verkoopordersjablonen.values()].find((sjabloon) => sjabloon.nonactief !== true);
  if (!first)
    throw new ModelStateFailure({
      'model.Verkoopordersjabloon': ['Er is geen actief verkoopordersjabloon.'],
    });
  return first;
}

function completeRegel(admin: Administration, regel: OrderRegel, index: number) {
  const artikel = regel.artikel ? admin.artikelen.get(regel.artikel.id) : undefined;
  if (regel.artikel && !artikel) {
    throw new ModelStateFailure({ [`model.Regels[${index}].Artikel`]: ['Het artikel is niet gevonden.'] });
  }
  const stuksprijs = regel.stuksprijs ?? (artikel?.verkoopprijs as number | undefined) ?? 0;
  const totaal = round2(stuksprijs * regel.aantal * (1 - regel.kortingsPercentage / 100));
  return {
    ...regel,
    omschrijving: regel.omschrijving ?? (artikel?.omschrijving as string | undefined) ?? null,
    stuksprijs,
    totaal,
    rate: artikel ? btwRateOf(admin, artikel) : 0,
  };
}

/** VAT per line follows the artikel's omzetgroep; prices are exclusive unless the order says otherwise. */
function orderTotals(
  order: Record<string, unknown>,
  regels: { totaal: number; rate: number }[],
): { exclusief: number; inclusief: number } {
  const korting = 1 - ((order.factuurkorting as number) ?? 0) / 100;
  const inclusiefIngave = order.verkooporderBtwIngaveModel === 'Inclusief';
  let exclusief = 0;
  let inclusief = 0;
  for (const { totaal, rate } of regels) {
    const amount = totaal * korting;
    exclusief += inclusiefIngave ? amount / (1 + rate) : amount;
    inclusief += inclusiefIngave ? amount : amount * (1 + rate);
  }
  return { exclusief: round2(exclusief), inclusief: round2(inclusief) };
}

function btwRateOf(admin: Administration, artikel: WireRecord): number {
  const groep = admin.artikelomzetgroepen.get((artikel.artikelOmzetgroep as { id: string }).id);
  const soort = groep?.verkoopNederlandBtwSoort;
  const now = Date.now();
  const tarief = admin.btwtarieven.find(
    (t) =>
      t.btwSoort === soort &&
      wallClockToMs(t.datumVanaf as string) <= now &&
      now <= wallClockToMs(t.datumTotEnMet as string),
  );
  return ((tarief?.btwPercentage as number | undefined) ?? 0) / 100;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
