import type { SnelStartVerkoopOrderRegelWrite, SnelStartVerkoopOrderWrite } from './snelstart-records';
import { isoDateOnly, localDate, snelStartDate, SNELSTART_TIME_ZONE } from './snelstart-time';
import { shortenText, tidyText } from './tidy-text';
import type { TribeProductLine, TribeSalesOrder } from './tribe-records';

/**
 * A Tribe sales order in phase Linked ("Gekoppeld") → a SnelStart verkooporder with the tenant's
 * verkoopordersjabloon. Order lines must be on artikelen: a line whose product is not linked to a SnelStart
 * artikel fails the order with a message saying which one. SnelStart computes the VAT from the artikelen's
 * omzetgroepen; prices are sent excluding VAT.
 */

export const ORDERREFERENTIE_MAX_LENGTH = 50;
export const ORDER_REGEL_OMSCHRIJVING_MAX_LENGTH = 250;

export interface SalesOrderInput {
  readonly order: TribeSalesOrder;
  /** The order's product lines with `Product` (at least its ID) expanded. */
  readonly lines: readonly TribeProductLine[];
  /** The SnelStart relatie (a Klant) of the order. */
  readonly snelstartRelatieId: string;
  readonly verkoopordersjabloonId: string;
  /** Tribe product id → SnelStart artikel id, from the link table. */
  readonly artikelIdByTribeProductId: ReadonlyMap<string, string>;
  /** `YYYY-MM-DD`; default: the Dutch calendar date of the order's CreationDate. */
  readonly orderDate?: string | null;
}

/** The verkooporder with its `memo`, which carries the Tribe order it was made from. */
export type SnelStartVerkoopOrderFromTribe = SnelStartVerkoopOrderWrite & { memo: string };

export type SalesOrderResult =
  | {
      readonly ok: true;
      readonly order: SnelStartVerkoopOrderFromTribe;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly string[]; readonly warnings: readonly string[] };

/**
 * Builds the verkooporder: relatie, datum, sjabloon, omschrijving (the subject), orderreferentie (the
 * customer's reference, else the Tribe order number; at most 50 characters, VOR-0011), and one regel per
 * line with artikel, aantal, stuksprijs, kortingsPercentage and omschrijving (longer than 250 characters is
 * shortened, with a warning). No `nummer`: SnelStart assigns it (VOR-0005). The memo names the Tribe order
 * (see {@link salesOrderMemo}).
 */
export function salesOrderToVerkoopOrder(input: SalesOrderInput): SalesOrderResult {
  const { order } = input;
  const errors: string[] = [];
  const warnings: string[] = [];
  const number = tidyText(order.Number);
  const name = number === null ? `Tribe sales order ${order.ID}` : `Sales order ${number}`;

  const date = orderDate(input);
  if (date === null) errors.push(`${name} has no order date (CreationDate); it cannot be sent to SnelStart.`);

  const orderreferentie = tidyText(order.CustomerReference) ?? number;
  if (orderreferentie !== null && orderreferentie.length > ORDERREFERENTIE_MAX_LENGTH) {
    const source = tidyText(order.CustomerReference) !== null ? 'customer reference' : 'order number';
    errors.push(
      `${name}: the ${source} is ${orderreferentie.length} characters; SnelStart allows at most ${ORDERREFERENTIE_MAX_LENGTH} for the orderreferentie (VOR-0011). Shorten it in Tribe.`,
    );
  }
  if (input.lines.length === 0) errors.push(`${name} has no product lines; there is nothing to order.`);

  const regels: SnelStartVerkoopOrderRegelWrite[] = [];
  input.lines.forEach((line, index) => {
    const description = tidyText(line.Description);
    const label = `${name} line ${index + 1}${description ? ` ("${shortenText(description, 40)}")` : ''} (ProductLine ${line.ID})`;
    const product = line.Product;
    if (!product) {
      errors.push(
        `${label} has no product; SnelStart order lines must be on an artikel. Choose a product on the line in Tribe.`,
      );
      return;
    }
    const artikelId = input.artikelIdByTribeProductId.get(product.ID);
    if (artikelId === undefined) {
      const productName = tidyText(product.Name);
      errors.push(
        `${label}: product ${productName ? `"${productName}" ` : ''}(${product.ID}) is not linked to a SnelStart artikel and could not be created as one: its own failure (koppeling tenant failures) says why; fix that, then retry the order.`,
      );
      return;
    }
    if (typeof line.Quantity !== 'number' || !Number.isFinite(line.Quantity)) {
      errors.push(`${label} has no quantity; fill it in in Tribe.`);
      return;
    }
    let omschrijving = description;
    if (omschrijving !== null && omschrijving.length > ORDER_REGEL_OMSCHRIJVING_MAX_LENGTH) {
      warnings.push(
        `${label}: the description was shortened to ${ORDER_REGEL_OMSCHRIJVING_MAX_LENGTH} characters for SnelStart.`,
      );
      omschrijving = shortenText(omschrijving, ORDER_REGEL_OMSCHRIJVING_MAX_LENGTH);
    }
    regels.push({
      artikel: { id: artikelId },
      omschrijving,
      stuksprijs: typeof line.Price === 'number' ? line.Price : null,
      aantal: line.Quantity,
      ...(typeof line.DiscountPercentage === 'number' && line.DiscountPercentage !== 0
        ? { kortingsPercentage: line.DiscountPercentage }
        : {}),
    });
  });

  if (errors.length > 0 || date === null) return { ok: false, errors, warnings };
  return {
    ok: true,
    order: {
      relatie: { id: input.snelstartRelatieId },
      datum: snelStartDate(date),
      procesStatus: 'Order',
      verkooporderBtwIngaveModel: 'Exclusief',
      verkoopordersjabloon: { id: input.verkoopordersjabloonId },
      omschrijving: tidyText(order.Subject),
      orderreferentie,
      memo: salesOrderMemo(order),
      regels,
    },
    warnings,
  };
}

function orderDate(input: SalesOrderInput): string | null {
  if (input.orderDate != null) return isoDateOnly(input.orderDate);
  const created = tidyText(input.order.CreationDate);
  if (created === null) return null;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(created);
  const instant = hasZone ? Date.parse(created) : Number.NaN;
  return Number.isNaN(instant) ? isoDateOnly(created) : localDate(new Date(instant), SNELSTART_TIME_ZONE);
}

/**
 * The verkooporder's memo: the Tribe order's number and id. The orderreferentie is the customer's reference,
 * which several orders can share; the Tribe id in the memo is what tells this order's verkooporder apart when
 * it has to be looked up after an interrupted create.
 */
export function salesOrderMemo(order: Pick<TribeSalesOrder, 'ID' | 'Number'>): string {
  const number = tidyText(order.Number);
  return `Tribe ${number === null ? 'verkooporder' : `verkooporder ${number}`} (${order.ID})`;
}

/** Whether a SnelStart verkooporder's memo says it was made from this Tribe order. */
export function memoCarriesTribeOrder(memo: string | null | undefined, tribeOrderId: string): boolean {
  return (memo ?? '').toLowerCase().includes(`(${tribeOrderId.toLowerCase()})`);
}
