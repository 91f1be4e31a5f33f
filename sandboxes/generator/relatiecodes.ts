import type { Random } from './random';

/** SnelStart numbering convention in this demo: customers from 1000, suppliers from 70000. */
export const FIRST_KLANT_CODE = 1000;
export const FIRST_LEVERANCIER_CODE = 70000;

/**
 * Hands out unique relatiecodes with the occasional gap (deleted relations). When there are so many
 * customers that their codes would run into the supplier block, they continue above it.
 */
export class RelatiecodeAllocator {
  private nextKlant = FIRST_KLANT_CODE;
  private nextLeverancier = FIRST_LEVERANCIER_CODE;
  private readonly leverancierBlockEnd: number;

  constructor(
    private readonly random: Random,
    leveranciers: number,
  ) {
    // Each code advances by at most 2, so the supplier block never passes this bound.
    this.leverancierBlockEnd = Math.ceil((FIRST_LEVERANCIER_CODE + 2 * leveranciers + 1) / 10_000) * 10_000;
  }

  klant(): number {
    if (this.nextKlant >= FIRST_LEVERANCIER_CODE && this.nextKlant < this.leverancierBlockEnd) {
      this.nextKlant = this.leverancierBlockEnd;
    }
    const code = this.nextKlant;
    this.nextKlant += this.step();
    return code;
  }

  leverancier(): number {
    const code = this.nextLeverancier;
    this.nextLeverancier += this.step();
    return code;
  }

  private step(): number {
    return this.random.chance(0.04) ? 2 : 1;
  }
}
