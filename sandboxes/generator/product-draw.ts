import type { Random } from './random';
import type { RevenueKind } from './revenue-kinds';
import { PRODUCT_TEMPLATES, PRODUCT_VARIANTS, type ProductTemplate } from './words/product-catalog';

// Built-ins are read once into module constants: in VM contexts (test runners) every global lookup is slow.
const { round } = Math;

/** An article drawn from the catalogue, with prices in cents. */
export interface DrawnProduct {
  readonly name: string;
  readonly template: ProductTemplate;
  readonly salesCents: number;
  readonly purchaseCents: number;
}

export function drawProduct(
  random: Random,
  template: ProductTemplate = random.pick(PRODUCT_TEMPLATES),
): DrawnProduct {
  const hasVariants = template.group === 'hardware' && template.unit === 'stuk';
  const name =
    hasVariants && random.chance(0.6) ? `${template.name} ${random.pick(PRODUCT_VARIANTS)}` : template.name;
  let salesCents = round(
    (template.priceFrom + random.next() * (template.priceTo - template.priceFrom)) * 100,
  );
  // Shop prices: whole euros minus five cents above fifty euros.
  if (salesCents >= 5_000) salesCents = round(salesCents / 100) * 100 - 5;
  const margin = template.unit === 'uur' ? 0.45 + random.next() * 0.15 : 0.55 + random.next() * 0.25;
  return { name, template, salesCents, purchaseCents: round(salesCents * margin) };
}

/** The first template of a revenue kind (optionally a recurring one), so every kind can be guaranteed. */
export function templateOf(kind: RevenueKind, recurring = false): ProductTemplate {
  const template = PRODUCT_TEMPLATES.find(
    (candidate) => candidate.revenue === kind && (candidate.recurring ?? false) === recurring,
  );
  if (!template) throw new Error(`no product template for ${kind}${recurring ? ' (recurring)' : ''}`);
  return template;
}
