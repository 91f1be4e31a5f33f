/**
 * Fixed ids for reference data, so that tests and the demo activation file can name them. They are
 * UUID-v4 shaped: `<group>-0000-4000-8000-<item as 12 decimal digits>`, which keeps them readable
 * (the SnelStart grootboek 8000 is `a0000002-0000-4000-8000-000000008000`).
 */
export function wellKnownId(group: string, item: number): string {
  return `${group}-0000-4000-8000-${String(item).padStart(12, '0')}`;
}

const SNELSTART_LAND = 'a0000001';
const SNELSTART_GROOTBOEK = 'a0000002';
const SNELSTART_OMZETGROEP = 'a0000003';
const SNELSTART_SJABLOON = 'a0000004';
const SNELSTART_SYSTEM = 'a0000005';

const TRIBE_VAT_GROUP = 'b0000001';
const TRIBE_LEDGER = 'b0000002';
const TRIBE_ADDRESS_TYPE = 'b0000003';
const TRIBE_RELATIONSHIP_TYPE = 'b0000004';
const TRIBE_COUNTRY = 'b0000005';
const TRIBE_UNIT = 'b0000006';
const TRIBE_PRODUCT_GROUP = 'b0000007';
const TRIBE_INVOICE_PHASE = 'b0000008';
const TRIBE_SALES_ORDER_PHASE = 'b0000009';
const TRIBE_SUBSCRIPTION_PHASE = 'b000000a';
const TRIBE_OWN = 'b000000b';

/** Country items are the international calling codes. */
const country = (group: string) => ({
  NL: wellKnownId(group, 31),
  BE: wellKnownId(group, 32),
  DE: wellKnownId(group, 49),
  FR: wellKnownId(group, 33),
  GB: wellKnownId(group, 44),
  LU: wellKnownId(group, 352),
  AT: wellKnownId(group, 43),
  ES: wellKnownId(group, 34),
  IT: wellKnownId(group, 39),
  DK: wellKnownId(group, 45),
  SE: wellKnownId(group, 46),
  PL: wellKnownId(group, 48),
  CH: wellKnownId(group, 41),
  IE: wellKnownId(group, 353),
  PT: wellKnownId(group, 351),
  US: wellKnownId(group, 1),
});

export type CountryCode = keyof ReturnType<typeof country>;

export const SNELSTART_IDS = {
  land: country(SNELSTART_LAND),
  /** Grootboek ids carry their nummer. */
  grootboek: {
    kas: wellKnownId(SNELSTART_GROOTBOEK, 1000),
    bank: wellKnownId(SNELSTART_GROOTBOEK, 1100),
    debiteuren: wellKnownId(SNELSTART_GROOTBOEK, 1300),
    btwAfTeDragenHoog: wellKnownId(SNELSTART_GROOTBOEK, 1510),
    btwAfTeDragenLaag: wellKnownId(SNELSTART_GROOTBOEK, 1520),
    btwAfTeDragenOverig: wellKnownId(SNELSTART_GROOTBOEK, 1530),
    btwAfTeDragenVerlegd: wellKnownId(SNELSTART_GROOTBOEK, 1540),
    btwTeVorderenHoog: wellKnownId(SNELSTART_GROOTBOEK, 1560),
    btwTeVorderenLaag: wellKnownId(SNELSTART_GROOTBOEK, 1570),
    crediteuren: wellKnownId(SNELSTART_GROOTBOEK, 1600),
    memoriaal: wellKnownId(SNELSTART_GROOTBOEK, 1800),
    tussenrekeningBetalingen: wellKnownId(SNELSTART_GROOTBOEK, 2000),
    voorraad: wellKnownId(SNELSTART_GROOTBOEK, 3000),
    lonen: wellKnownId(SNELSTART_GROOTBOEK, 4000),
    huisvesting: wellKnownId(SNELSTART_GROOTBOEK, 4300),
    autokosten: wellKnownId(SNELSTART_GROOTBOEK, 4500),
    kantoorkosten: wellKnownId(SNELSTART_GROOTBOEK, 4600),
    inkopenHoog: wellKnownId(SNELSTART_GROOTBOEK, 7000),
    inkopenLaag: wellKnownId(SNELSTART_GROOTBOEK, 7010),
    omzetHoog: wellKnownId(SNELSTART_GROOTBOEK, 8000),
    omzetLaag: wellKnownId(SNELSTART_GROOTBOEK, 8010),
    omzetVerlegd: wellKnownId(SNELSTART_GROOTBOEK, 8020),
    omzetGeen: wellKnownId(SNELSTART_GROOTBOEK, 8030),
    omzetExportBinnenEu: wellKnownId(SNELSTART_GROOTBOEK, 8100),
    omzetExportBuitenEu: wellKnownId(SNELSTART_GROOTBOEK, 8110),
    omzetDienstenHoog: wellKnownId(SNELSTART_GROOTBOEK, 8200),
    omzetOud: wellKnownId(SNELSTART_GROOTBOEK, 8900),
  },
  artikelomzetgroep: {
    hoog: wellKnownId(SNELSTART_OMZETGROEP, 1),
    laag: wellKnownId(SNELSTART_OMZETGROEP, 2),
    verlegd: wellKnownId(SNELSTART_OMZETGROEP, 3),
    geen: wellKnownId(SNELSTART_OMZETGROEP, 4),
    dienstenHoog: wellKnownId(SNELSTART_OMZETGROEP, 5),
  },
  verkoopordersjabloon: {
    standaard: wellKnownId(SNELSTART_SJABLOON, 1),
    abonnementen: wellKnownId(SNELSTART_SJABLOON, 2),
    vervallen: wellKnownId(SNELSTART_SJABLOON, 3),
  },
  relatie: {
    eigen: wellKnownId(SNELSTART_SYSTEM, 1),
    leverancierOnbekend: wellKnownId(SNELSTART_SYSTEM, 2),
    klantOnbekend: wellKnownId(SNELSTART_SYSTEM, 3),
  },
  administratie: wellKnownId(SNELSTART_SYSTEM, 100),
} as const;

export const TRIBE_IDS = {
  vatGroup: {
    high21: wellKnownId(TRIBE_VAT_GROUP, 21),
    low9: wellKnownId(TRIBE_VAT_GROUP, 9),
    zero0: wellKnownId(TRIBE_VAT_GROUP, 100),
    reverseCharge: wellKnownId(TRIBE_VAT_GROUP, 200),
  },
  /** Ledger account ids carry their code. */
  ledgerAccount: {
    revenueHigh: wellKnownId(TRIBE_LEDGER, 8000),
    revenueLow: wellKnownId(TRIBE_LEDGER, 8010),
    revenueReverseCharge: wellKnownId(TRIBE_LEDGER, 8020),
    revenueExempt: wellKnownId(TRIBE_LEDGER, 8030),
    revenueServices: wellKnownId(TRIBE_LEDGER, 8200),
  },
  addressType: {
    visiting: wellKnownId(TRIBE_ADDRESS_TYPE, 1),
    postal: wellKnownId(TRIBE_ADDRESS_TYPE, 2),
    invoice: wellKnownId(TRIBE_ADDRESS_TYPE, 3),
  },
  relationshipType: {
    customer: wellKnownId(TRIBE_RELATIONSHIP_TYPE, 1),
    supplier: wellKnownId(TRIBE_RELATIONSHIP_TYPE, 2),
    prospect: wellKnownId(TRIBE_RELATIONSHIP_TYPE, 3),
  },
  country: country(TRIBE_COUNTRY),
  unit: {
    piece: wellKnownId(TRIBE_UNIT, 1),
    hour: wellKnownId(TRIBE_UNIT, 2),
    kilogram: wellKnownId(TRIBE_UNIT, 3),
    metre: wellKnownId(TRIBE_UNIT, 4),
    box: wellKnownId(TRIBE_UNIT, 5),
  },
  productGroup: {
    hardware: wellKnownId(TRIBE_PRODUCT_GROUP, 1),
    software: wellKnownId(TRIBE_PRODUCT_GROUP, 2),
    services: wellKnownId(TRIBE_PRODUCT_GROUP, 3),
    maintenance: wellKnownId(TRIBE_PRODUCT_GROUP, 4),
    consumables: wellKnownId(TRIBE_PRODUCT_GROUP, 5),
    food: wellKnownId(TRIBE_PRODUCT_GROUP, 6),
  },
  invoicePhase: {
    draft: wellKnownId(TRIBE_INVOICE_PHASE, 1),
    sent: wellKnownId(TRIBE_INVOICE_PHASE, 2),
    paid: wellKnownId(TRIBE_INVOICE_PHASE, 3),
  },
  salesOrderPhase: {
    open: wellKnownId(TRIBE_SALES_ORDER_PHASE, 1),
    linked: wellKnownId(TRIBE_SALES_ORDER_PHASE, 2),
    delivered: wellKnownId(TRIBE_SALES_ORDER_PHASE, 3),
  },
  subscriptionPhase: {
    draft: wellKnownId(TRIBE_SUBSCRIPTION_PHASE, 1),
    active: wellKnownId(TRIBE_SUBSCRIPTION_PHASE, 2),
    stopped: wellKnownId(TRIBE_SUBSCRIPTION_PHASE, 3),
  },
  ownOrganization: wellKnownId(TRIBE_OWN, 1),
  ownVisitingAddress: wellKnownId(TRIBE_OWN, 2),
  identity: wellKnownId(TRIBE_OWN, 3),
} as const;
