import type { BtwSoort } from './snelstart-seed';
import { SNELSTART_IDS, TRIBE_IDS } from './well-known-ids';

/**
 * How a product is taxed and booked. Each kind is one SnelStart artikelomzetgroep (grootboek +
 * btw-soort) and one Tribe VatGroup + GeneralLedgerAccount pair, so both sides describe the same thing.
 */
export type RevenueKind = 'goodsHigh' | 'servicesHigh' | 'low' | 'exempt' | 'reverseCharge';

export interface RevenueKindDefinition {
  readonly kind: RevenueKind;
  readonly vatPercentage: number;
  readonly snelstart: {
    readonly artikelomzetgroepId: string;
    readonly grootboekId: string;
    readonly btwSoort: BtwSoort;
  };
  readonly tribe: {
    readonly vatGroupId: string;
    readonly ledgerAccountId: string;
  };
}

export const REVENUE_KINDS: Readonly<Record<RevenueKind, RevenueKindDefinition>> = {
  goodsHigh: {
    kind: 'goodsHigh',
    vatPercentage: 21,
    snelstart: {
      artikelomzetgroepId: SNELSTART_IDS.artikelomzetgroep.hoog,
      grootboekId: SNELSTART_IDS.grootboek.omzetHoog,
      btwSoort: 'Hoog',
    },
    tribe: { vatGroupId: TRIBE_IDS.vatGroup.high21, ledgerAccountId: TRIBE_IDS.ledgerAccount.revenueHigh },
  },
  servicesHigh: {
    kind: 'servicesHigh',
    vatPercentage: 21,
    snelstart: {
      artikelomzetgroepId: SNELSTART_IDS.artikelomzetgroep.dienstenHoog,
      grootboekId: SNELSTART_IDS.grootboek.omzetDienstenHoog,
      btwSoort: 'Hoog',
    },
    tribe: {
      vatGroupId: TRIBE_IDS.vatGroup.high21,
      ledgerAccountId: TRIBE_IDS.ledgerAccount.revenueServices,
    },
  },
  low: {
    kind: 'low',
    vatPercentage: 9,
    snelstart: {
      artikelomzetgroepId: SNELSTART_IDS.artikelomzetgroep.laag,
      grootboekId: SNELSTART_IDS.grootboek.omzetLaag,
      btwSoort: 'Laag',
    },
    tribe: { vatGroupId: TRIBE_IDS.vatGroup.low9, ledgerAccountId: TRIBE_IDS.ledgerAccount.revenueLow },
  },
  exempt: {
    kind: 'exempt',
    vatPercentage: 0,
    snelstart: {
      artikelomzetgroepId: SNELSTART_IDS.artikelomzetgroep.geen,
      grootboekId: SNELSTART_IDS.grootboek.omzetGeen,
      btwSoort: 'Geen',
    },
    tribe: { vatGroupId: TRIBE_IDS.vatGroup.zero0, ledgerAccountId: TRIBE_IDS.ledgerAccount.revenueExempt },
  },
  reverseCharge: {
    kind: 'reverseCharge',
    vatPercentage: 0,
    snelstart: {
      artikelomzetgroepId: SNELSTART_IDS.artikelomzetgroep.verlegd,
      grootboekId: SNELSTART_IDS.grootboek.omzetVerlegd,
      btwSoort: 'Geen',
    },
    tribe: {
      vatGroupId: TRIBE_IDS.vatGroup.reverseCharge,
      ledgerAccountId: TRIBE_IDS.ledgerAccount.revenueReverseCharge,
    },
  },
};
