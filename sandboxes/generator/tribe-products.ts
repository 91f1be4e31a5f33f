import { DAY_MS, HOUR_MS, isoDateTime } from './dates';
import { euros } from './money';
import { drawProduct, templateOf, type DrawnProduct } from './product-draw';
import { Random } from './random';
import { REVENUE_KINDS, type RevenueKind } from './revenue-kinds';
import type { ProductEntity } from './tribe-seed';
import { TRIBE_IDS } from './well-known-ids';
import type { ProductGroupCode, UnitCode } from './words/product-catalog';

export const TRIBE_PRODUCTS_STREAM = 4;

const UNIT_IDS: Readonly<Record<UnitCode, string>> = {
  stuk: TRIBE_IDS.unit.piece,
  uur: TRIBE_IDS.unit.hour,
  kg: TRIBE_IDS.unit.kilogram,
  m: TRIBE_IDS.unit.metre,
  doos: TRIBE_IDS.unit.box,
};

const GROUP_IDS: Readonly<Record<ProductGroupCode, string>> = TRIBE_IDS.productGroup;

/** A Tribe product with what invoice lines need to know about it. */
export interface SellableProduct {
  readonly id: string;
  readonly name: string;
  readonly priceCents: number;
  readonly revenue: RevenueKind;
  readonly unit: UnitCode;
  readonly recurring: boolean;
}

export interface TribeProducts {
  readonly products: ProductEntity[];
  /** Active products, for invoice and order lines. */
  readonly sellable: SellableProduct[];
}

/** The first products cover every revenue kind, and one is a subscription product. */
const GUARANTEED: readonly (readonly [RevenueKind, boolean])[] = [
  ['goodsHigh', false],
  ['servicesHigh', false],
  ['servicesHigh', true],
  ['low', false],
  ['exempt', false],
  ['reverseCharge', false],
];

/** Products created in the CRM (codes `CRM-0001`…), which the sync brings to SnelStart. */
export function generateTribeProducts(seed: number, nowMs: number, count: number): TribeProducts {
  const random = new Random(seed, TRIBE_PRODUCTS_STREAM);
  const products: ProductEntity[] = [];
  const sellable: SellableProduct[] = [];
  for (let i = 0; i < count; i++) {
    const guaranteed = GUARANTEED[i];
    const drawn: DrawnProduct = guaranteed
      ? drawProduct(random, templateOf(...guaranteed))
      : drawProduct(random);
    const { template } = drawn;
    const revenue = REVENUE_KINDS[template.revenue];
    const createdMs = nowMs - HOUR_MS - random.int(3 * 365 * DAY_MS);
    const inactive = !guaranteed && random.chance(0.03);
    const id = random.uuid();
    products.push({
      ID: id,
      CreationDate: isoDateTime(createdMs),
      LastMutationDate: isoDateTime(createdMs + random.int(nowMs - createdMs)),
      IsActive: true,
      Name: drawn.name,
      Code: `CRM-${String(i + 1).padStart(4, '0')}`,
      Description: random.chance(0.3)
        ? `${drawn.name}, ${template.unit === 'uur' ? 'per uur' : `per ${template.unit}`}`
        : null,
      SalesPrice: euros(drawn.salesCents),
      PurchasePrice: euros(drawn.purchaseCents),
      IsInactive: inactive,
      Unit: { ID: UNIT_IDS[template.unit] },
      VatGroup: { ID: revenue.tribe.vatGroupId },
      GeneralLedgerAccount: { ID: revenue.tribe.ledgerAccountId },
      ProductGroup: { ID: GROUP_IDS[template.group] },
    });
    if (!inactive) {
      sellable.push({
        id,
        name: drawn.name,
        priceCents: drawn.salesCents,
        revenue: template.revenue,
        unit: template.unit,
        recurring: template.recurring ?? false,
      });
    }
  }
  return { products, sellable };
}
