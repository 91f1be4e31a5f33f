import { DAY_MS, isoDateTime, yearOf, zoneLessDateTime } from './dates';
import { resolveOptions, type GenerateDemoDataOptions, type ResolvedOptions } from './options';
import { PdfFactory } from './pdf-documents';
import { Random } from './random';
import { generateRelations, type GeneratedRelations } from './relations-generator';
import { generateArtikelen } from './snelstart-artikelen';
import {
  artikelomzetgroepen,
  btwtarieven,
  companyInfo,
  grootboeken,
  landen,
  verkoopordersjablonen,
} from './snelstart-reference-data';
import type { SnelStartSeed } from './snelstart-seed';
import type { DemoDataSummary } from './summary';
import { writeInvoices } from './tribe-invoices';
import { generateTribeProducts, type SellableProduct } from './tribe-products';
import { tribeReferenceSeed } from './tribe-reference-data';
import { writeSalesOrders } from './tribe-sales-orders';
import type { TribeSeed } from './tribe-seed';
import { pickSubscriptionCustomers, writeSubscriptions } from './tribe-subscriptions';

export interface DemoData {
  readonly snelstart: SnelStartSeed;
  readonly tribe: TribeSeed;
  readonly summary: DemoDataSummary;
}

const ACTIVITIES_STREAM = 5;

/**
 * A realistic Dutch demo administration (SnelStart) and CRM (Tribe) that overlap the way real tenants
 * do, in the APIs' wire shapes. Deterministic: the same options give byte-identical JSON.
 */
export function generateDemoData(input: GenerateDemoDataOptions): DemoData {
  const options = resolveOptions(input);
  const { seed, nowMs } = options;
  const referenceStamp = nowMs - 400 * DAY_MS;
  const tribe = tribeReferenceSeed(isoDateTime(referenceStamp));

  const relations = generateRelations(options, tribe);
  const artikelen = generateArtikelen({
    seed,
    nowMs,
    count: options.products,
    leverancierIds: relations.leverancierIds,
  });
  const tribeProducts = generateTribeProducts(seed, nowMs, options.tribeProducts);
  tribe.Product = tribeProducts.products;
  writeActivities(options, tribe, relations, tribeProducts.sellable);

  const snelstart: SnelStartSeed = {
    relaties: relations.relaties,
    artikelen,
    artikelomzetgroepen: artikelomzetgroepen(),
    grootboeken: grootboeken(zoneLessDateTime(referenceStamp)),
    btwtarieven: btwtarieven(),
    landen: landen(),
    verkoopordersjablonen: verkoopordersjablonen(),
    doorlopendeincassomachtigingen: relations.mandates,
    companyInfo: companyInfo(yearOf(nowMs)),
  };
  return { snelstart, tribe, summary: summarise(options, snelstart, tribe, relations) };
}

function writeActivities(
  options: ResolvedOptions,
  tribe: TribeSeed,
  relations: GeneratedRelations,
  products: readonly SellableProduct[],
): void {
  const { sentInvoices, draftInvoices, salesOrders, nowMs } = options;
  if (sentInvoices + draftInvoices + salesOrders === 0) return;
  if (relations.customers.length === 0) {
    throw new RangeError(
      'invoices and sales orders need a customer in Tribe: raise relations, tribeOverlap or tribeOnly, or ask for none',
    );
  }
  if (products.length === 0)
    throw new RangeError('invoices and sales orders need at least one active Tribe product');

  const random = new Random(options.seed, ACTIVITIES_STREAM);
  const pdf = new PdfFactory(options.pdfBytes);
  const subscriptionCount =
    sentInvoices === 0 ? 0 : Math.min(Math.max(1, Math.round(sentInvoices / 10)), relations.customers.length);
  const subscriptions = writeSubscriptions(
    tribe,
    random,
    nowMs,
    pickSubscriptionCustomers(relations.customers, subscriptionCount),
    products,
  );
  writeInvoices(
    tribe,
    random,
    {
      nowMs,
      sent: sentInvoices,
      drafts: draftInvoices,
      subscriptionInvoices: Math.min(sentInvoices, Math.max(subscriptionCount, Math.round(sentInvoices / 4))),
    },
    relations.customers,
    products,
    subscriptions,
    pdf,
  );
  writeSalesOrders(tribe, random, nowMs, salesOrders, relations.customers, products, pdf);
}

function summarise(
  options: ResolvedOptions,
  snelstart: SnelStartSeed,
  tribe: TribeSeed,
  relations: GeneratedRelations,
): DemoDataSummary {
  const c = relations.counts;
  const mandates = snelstart.doorlopendeincassomachtigingen;
  return {
    seed: options.seed,
    now: isoDateTime(options.nowMs),
    snelstart: {
      relaties: snelstart.relaties.length,
      systemRelaties: snelstart.relaties.length - c.klanten - c.leveranciers,
      klanten: c.klanten,
      leveranciers: c.leveranciers,
      nonactief: c.nonactief,
      foreign: c.foreign,
      coreIncassoKlanten: c.coreIncassoKlanten,
      klantenWithActiveMandate: c.klantenWithActiveMandate,
      incassomachtigingen: mandates.length,
      revokedIncassomachtigingen: mandates.filter((mandate) => mandate.intrekkingsDatum !== null).length,
      artikelen: snelstart.artikelen.length,
      artikelenNonActief: snelstart.artikelen.filter((artikel) => artikel.isNonActief).length,
    },
    tribe: {
      organisations: tribe.Relation_Organization.length,
      addresses: tribe.Address.length,
      customers: tribe.Relationship_Organization_CommercialRelationship_Customer.length,
      suppliers: tribe.Relationship_Organization_Supplier.length,
      prospects: tribe.Relationship_Organization_CommercialRelationship_Prospect.length,
      products: tribe.Product.length,
      subscriptions: tribe.Activity_Subscription.length,
      sentInvoices: options.sentInvoices,
      draftInvoices: options.draftInvoices,
      salesOrders: tribe.Activity_SalesOrder.length,
      productLines: tribe.ProductLine.length,
      attachments: tribe.Attachment.length,
    },
    overlap: {
      snelstartOrganisations: options.relations - options.klantLeverancierPairs,
      matchByNumber: c.matchByNumber,
      matchByNameAddress: c.matchByNameAddress,
      matchByNameAddressFormatted: c.matchByNameAddressFormatted,
      ambiguousPairs: c.ambiguousPairs,
      snelstartOnly: c.snelstartOnly,
      klantLeverancierPairs: c.klantLeverancierPairs,
      klantLeverancierPairsInTribe: c.klantLeverancierPairsInTribe,
      tribeOnly: c.tribeOnly,
      tribeOnlyCustomers: c.tribeOnlyCustomers,
      tribeOnlySuppliers: c.tribeOnlySuppliers,
      tribeOnlyCustomerAndSupplier: c.tribeOnlyCustomerAndSupplier,
      tribeProspects: c.tribeProspects,
    },
  };
}
