import { REVENUE_KINDS } from './revenue-kinds';
import type { BtwSoort } from './snelstart-seed';
import { SNELSTART_IDS, TRIBE_IDS, type CountryCode } from './well-known-ids';

/** The activation mappings that fit the generated demo data, as plain data, one described row per mapping. */
export interface DemoActivationMappings {
  readonly vatGroups: readonly {
    readonly tribeVatGroupId: string;
    readonly tribeVatGroupCode: string;
    readonly percentage: number;
    /** Line-level SnelStart btw-soort. */
    readonly snelstartBtwSoort: BtwSoort;
    /** Reverse charge: line `Geen`, booked as `VerkopenVerlegd` on the document (activation btw-soort `Verlegd`). */
    readonly reverseCharge: boolean;
  }[];
  readonly ledgerAccounts: readonly {
    readonly tribeLedgerAccountId: string;
    readonly tribeLedgerAccountCode: string;
    readonly snelstartGrootboekId: string;
    readonly snelstartGrootboekNummer: number;
  }[];
  readonly relationTypes: readonly {
    readonly tribeRelationshipTypeId: string;
    /** The Tribe entity set of the relationship. */
    readonly tribeEntitySet: string;
    readonly snelstartRelatiesoort: 'Klant' | 'Leverancier';
  }[];
  readonly addressTypes: readonly {
    readonly tribeAddressTypeId: string;
    readonly tribeAddressTypeCode: string;
    readonly snelstartAdres: 'vestigingsAdres' | 'correspondentieAdres';
  }[];
  readonly countries: readonly {
    readonly isoCode: CountryCode;
    readonly tribeCountryId: string;
    readonly snelstartLandId: string;
  }[];
  readonly verkoopordersjabloonId: string;
}

/** The verkoopordersjabloon for sales-order mode in the demo administration. */
export const DEMO_VERKOOPORDERSJABLOON_ID = SNELSTART_IDS.verkoopordersjabloon.standaard;

export function demoActivationMappings(): DemoActivationMappings {
  const ledger = (kind: keyof typeof REVENUE_KINDS, code: string, nummer: number) => ({
    tribeLedgerAccountId: REVENUE_KINDS[kind].tribe.ledgerAccountId,
    tribeLedgerAccountCode: code,
    snelstartGrootboekId: REVENUE_KINDS[kind].snelstart.grootboekId,
    snelstartGrootboekNummer: nummer,
  });
  const vat = (
    tribeVatGroupId: string,
    tribeVatGroupCode: string,
    percentage: number,
    snelstartBtwSoort: BtwSoort,
  ) => ({
    tribeVatGroupId,
    tribeVatGroupCode,
    percentage,
    snelstartBtwSoort,
    reverseCharge: tribeVatGroupId === TRIBE_IDS.vatGroup.reverseCharge,
  });
  return {
    vatGroups: [
      vat(TRIBE_IDS.vatGroup.high21, 'NL21', 21, 'Hoog'),
      vat(TRIBE_IDS.vatGroup.low9, 'NL9', 9, 'Laag'),
      vat(TRIBE_IDS.vatGroup.zero0, 'NL0', 0, 'Geen'),
      vat(TRIBE_IDS.vatGroup.reverseCharge, 'NLVERLEGD', 0, 'Geen'),
    ],
    ledgerAccounts: [
      ledger('goodsHigh', '8000', 8000),
      ledger('low', '8010', 8010),
      ledger('reverseCharge', '8020', 8020),
      ledger('exempt', '8030', 8030),
      ledger('servicesHigh', '8200', 8200),
    ],
    relationTypes: [
      {
        tribeRelationshipTypeId: TRIBE_IDS.relationshipType.customer,
        tribeEntitySet: 'Relationship_Organization_CommercialRelationship_Customer',
        snelstartRelatiesoort: 'Klant',
      },
      {
        tribeRelationshipTypeId: TRIBE_IDS.relationshipType.supplier,
        tribeEntitySet: 'Relationship_Organization_Supplier',
        snelstartRelatiesoort: 'Leverancier',
      },
    ],
    addressTypes: [
      {
        tribeAddressTypeId: TRIBE_IDS.addressType.visiting,
        tribeAddressTypeCode: 'Visiting',
        snelstartAdres: 'vestigingsAdres',
      },
      {
        tribeAddressTypeId: TRIBE_IDS.addressType.postal,
        tribeAddressTypeCode: 'Postal',
        snelstartAdres: 'correspondentieAdres',
      },
    ],
    countries: (Object.keys(SNELSTART_IDS.land) as CountryCode[]).map((isoCode) => ({
      isoCode,
      tribeCountryId: TRIBE_IDS.country[isoCode],
      snelstartLandId: SNELSTART_IDS.land[isoCode],
    })),
    verkoopordersjabloonId: DEMO_VERKOOPORDERSJABLOON_ID,
  };
}
