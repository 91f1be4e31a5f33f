import { AddressFactory } from './address';
import { DAY_MS, zoneLessDateTime } from './dates';
import { OrganisationFactory } from './organisation-profile';
import { Random } from './random';
import { planOrganisations, type OrganisationPlan, type TribePresence } from './relation-plan';
import { RelatiecodeAllocator } from './relatiecodes';
import { MandateRegistry } from './snelstart-mandates';
import { SnelStartRelatieWriter, type WrittenSnelStartOrganisation } from './snelstart-relatie-writer';
import { systemRelaties } from './snelstart-relaties';
import type { DoorlopendeIncassoMachtigingModel, RelatieModel } from './snelstart-seed';
import type { InvoiceCustomer } from './invoice-customer';
import { writeTribeOnly } from './tribe-only';
import { TribeOrganisationWriter } from './tribe-organisations';
import { TribePresenceWriter } from './tribe-presence';
import type { TribeSeed } from './tribe-seed';

export interface RelationOptions {
  readonly seed: number;
  readonly nowMs: number;
  readonly relations: number;
  readonly klantLeverancierPairs: number;
  readonly ambiguousPairs: number;
  readonly tribeOverlap: number;
  readonly tribeOnly: number;
}

export interface RelationCounts {
  klanten: number;
  leveranciers: number;
  nonactief: number;
  foreign: number;
  coreIncassoKlanten: number;
  klantenWithActiveMandate: number;
  klantLeverancierPairs: number;
  klantLeverancierPairsInTribe: number;
  matchByNumber: number;
  matchByNameAddress: number;
  matchByNameAddressFormatted: number;
  ambiguousPairs: number;
  snelstartOnly: number;
  tribeOnly: number;
  tribeOnlyCustomers: number;
  tribeOnlySuppliers: number;
  tribeOnlyCustomerAndSupplier: number;
  tribeProspects: number;
}

export interface GeneratedRelations {
  readonly relaties: RelatieModel[];
  readonly mandates: DoorlopendeIncassoMachtigingModel[];
  /** Non-ambiguous Tribe customers, in generation order. */
  readonly customers: InvoiceCustomer[];
  /** Active SnelStart suppliers (for `artikel.relatie`). */
  readonly leverancierIds: string[];
  readonly counts: RelationCounts;
}

const RELATIONS_STREAM = 1;
const TRIBE_RELATIONS_STREAM = 2;

/**
 * SnelStart relaties (with system rows and incassomachtigingen) and, as planned per organisation,
 * their copies in Tribe; then the organisations only the CRM knows.
 */
export function generateRelations(options: RelationOptions, tribe: TribeSeed): GeneratedRelations {
  const random = new Random(options.seed, RELATIONS_STREAM);
  const tribeRandom = new Random(options.seed, TRIBE_RELATIONS_STREAM);
  const { nowMs } = options;
  const addresses = new AddressFactory(random);
  const organisations = new OrganisationFactory(random, addresses);
  const plans = planOrganisations(options, random);
  const leveranciers = plans.reduce((sum, plan) => sum + (plan.role === 'klant' ? 0 : 1), 0);
  const mandates = new MandateRegistry(random, nowMs);
  const relaties = systemRelaties(zoneLessDateTime(nowMs - 400 * DAY_MS));
  const snelstart = new SnelStartRelatieWriter(
    relaties,
    random,
    new RelatiecodeAllocator(random, leveranciers),
    mandates,
    nowMs,
  );
  const writer = new TribeOrganisationWriter(tribe, tribeRandom);
  const presence = new TribePresenceWriter(writer, addresses, tribeRandom, nowMs);
  const customers: InvoiceCustomer[] = [];
  const counts = emptyCounts();

  for (const plan of plans) {
    const profile = organisations.next(plan.role === 'klant' ? 0.55 : 0.9);
    const written = snelstart.write(plan, profile);
    count(counts, plan, written);
    const copies = presence.write(plan.presence, written);
    // Invoicing an ambiguous customer could only fail until a person resolves it: leave them out.
    if (plan.presence === 'ambiguous') continue;
    for (const copy of copies) {
      if (copy.customerRelationshipId === null) continue;
      customers.push({
        relationshipId: copy.customerRelationshipId,
        name: profile.name,
        paymentTermDays: written.klantKrediettermijn,
        mandate: written.mandate,
      });
    }
  }

  const tribeOnly = writeTribeOnly(options.tribeOnly, nowMs, organisations, writer, tribeRandom, customers);
  counts.tribeOnly = options.tribeOnly;
  counts.tribeOnlyCustomers = tribeOnly.customers;
  counts.tribeOnlySuppliers = tribeOnly.suppliers;
  counts.tribeOnlyCustomerAndSupplier = tribeOnly.customerAndSupplier;
  counts.tribeProspects = tribeOnly.prospects;
  return {
    relaties,
    mandates: mandates.mandates,
    customers,
    leverancierIds: snelstart.leverancierIds,
    counts,
  };
}

const PRESENCE_COUNTERS: Record<TribePresence, keyof RelationCounts> = {
  none: 'snelstartOnly',
  number: 'matchByNumber',
  nameAddress: 'matchByNameAddress',
  nameAddressFormatted: 'matchByNameAddressFormatted',
  ambiguous: 'ambiguousPairs',
};

function count(counts: RelationCounts, plan: OrganisationPlan, written: WrittenSnelStartOrganisation): void {
  counts[PRESENCE_COUNTERS[plan.presence]]++;
  if (written.klantCode !== null) counts.klanten++;
  if (written.leverancierCode !== null) counts.leveranciers++;
  if (written.coreIncasso) counts.coreIncassoKlanten++;
  if (written.mandate === 'active') counts.klantenWithActiveMandate++;
  if (plan.nonactief) counts.nonactief++;
  if (written.profile.address.country !== 'NL') counts.foreign++;
  if (plan.role === 'both') {
    counts.klantLeverancierPairs++;
    if (plan.presence !== 'none') counts.klantLeverancierPairsInTribe++;
  }
}

function emptyCounts(): RelationCounts {
  return {
    klanten: 0,
    leveranciers: 0,
    nonactief: 0,
    foreign: 0,
    coreIncassoKlanten: 0,
    klantenWithActiveMandate: 0,
    klantLeverancierPairs: 0,
    klantLeverancierPairsInTribe: 0,
    matchByNumber: 0,
    matchByNameAddress: 0,
    matchByNameAddressFormatted: 0,
    ambiguousPairs: 0,
    snelstartOnly: 0,
    tribeOnly: 0,
    tribeOnlyCustomers: 0,
    tribeOnlySuppliers: 0,
    tribeOnlyCustomerAndSupplier: 0,
    tribeProspects: 0,
  };
}
