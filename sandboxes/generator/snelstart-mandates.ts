import { DAY_MS, zoneLessMidnight } from './dates';
import type { Random } from './random';
import type { DoorlopendeIncassoMachtigingModel } from './snelstart-seed';

/** What a Core-incasso customer has in SnelStart: an active mandate, only revoked ones, or none. */
export type MandateStatus = 'active' | 'revokedOnly' | 'none';

const DESCRIPTIONS = [
  'Doorlopende machtiging abonnement',
  'SEPA-machtiging onderhoudscontract',
  'Doorlopende machtiging licenties',
  'Machtiging maandelijkse facturen',
];

/**
 * Records the doorlopende incassomachtigingen of Core-incasso customers: every second one has a
 * mandate; of those some were revoked, and some of the revoked ones were replaced by a new mandate.
 */
export class MandateRegistry {
  readonly mandates: DoorlopendeIncassoMachtigingModel[] = [];
  private coreCustomers = 0;

  constructor(
    private readonly random: Random,
    private readonly nowMs: number,
  ) {}

  addFor(klantId: string, relatiecode: number): MandateStatus {
    const index = this.coreCustomers++;
    if (index % 2 === 1) return 'none';
    const roll = this.random.next();
    const signedMs = this.nowMs - this.random.range(60, 1500) * DAY_MS;
    if (roll < 0.7) {
      this.push(klantId, relatiecode, 1, signedMs, null);
      return 'active';
    }
    const revokedMs = signedMs + this.random.range(10, 50) * DAY_MS;
    this.push(klantId, relatiecode, 1, signedMs, revokedMs);
    if (roll < 0.85) return 'revokedOnly';
    this.push(klantId, relatiecode, 2, revokedMs + this.random.range(1, 8) * DAY_MS, null);
    return 'active';
  }

  private push(
    klantId: string,
    relatiecode: number,
    sequence: number,
    signedMs: number,
    revokedMs: number | null,
  ): void {
    this.mandates.push({
      id: this.random.uuid(),
      kenmerk: `MDT-${relatiecode}-${sequence}`,
      afsluitDatum: zoneLessMidnight(signedMs),
      intrekkingsDatum: revokedMs === null ? null : zoneLessMidnight(revokedMs),
      omschrijving: this.random.pick(DESCRIPTIONS),
      klant: { id: klantId },
    });
  }
}
