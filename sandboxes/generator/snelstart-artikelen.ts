import { DAY_MS, HOUR_MS, zoneLessDateTime } from './dates';
import { euros } from './money';
import { drawProduct } from './product-draw';
import { Random } from './random';
import { REVENUE_KINDS } from './revenue-kinds';
import type { ArtikelQueryModel } from './snelstart-seed';

export const ARTIKELEN_STREAM = 3;
export const FIRST_ARTIKELCODE = 10_001;

export interface ArtikelenOptions {
  readonly seed: number;
  readonly nowMs: number;
  readonly count: number;
  /** Active suppliers an artikel may be bought from. */
  readonly leverancierIds: readonly string[];
}

export function generateArtikelen(options: ArtikelenOptions): ArtikelQueryModel[] {
  const random = new Random(options.seed, ARTIKELEN_STREAM);
  const artikelen: ArtikelQueryModel[] = new Array<ArtikelQueryModel>(options.count);
  let code = FIRST_ARTIKELCODE;
  for (let i = 0; i < options.count; i++) {
    const product = drawProduct(random);
    const { template } = product;
    const isGoods = template.group === 'hardware' || template.group === 'consumables';
    const stocked = isGoods && random.chance(0.3);
    const technischeVoorraad = stocked ? random.int(500) : 0;
    artikelen[i] = {
      id: random.uuid(),
      modifiedOn: zoneLessDateTime(options.nowMs - HOUR_MS - random.int(2 * 365 * DAY_MS)),
      artikelcode: `${code}`,
      omschrijving: product.name,
      artikelOmzetgroep: { id: REVENUE_KINDS[template.revenue].snelstart.artikelomzetgroepId },
      verkoopprijs: euros(product.salesCents),
      inkoopprijs: euros(product.purchaseCents),
      eenheid: template.unit,
      relatie:
        isGoods && options.leverancierIds.length > 0 && random.chance(0.3)
          ? { id: random.pick(options.leverancierIds) }
          : null,
      isNonActief: random.chance(0.04),
      voorraadControle: stocked,
      technischeVoorraad,
      vrijeVoorraad: technischeVoorraad - (stocked ? random.int(Math.min(20, technischeVoorraad) + 1) : 0),
      isHoofdartikel: false,
      subartikelen: [],
      extraVelden: [],
    };
    code += random.chance(0.05) ? 2 : 1;
  }
  return artikelen;
}
