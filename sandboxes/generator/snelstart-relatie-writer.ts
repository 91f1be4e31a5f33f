import type { NumberStyle, PostcodeStyle } from './address';
import { emailFor } from './contact-details';
import { DAY_MS, HOUR_MS, zoneLessDateTime } from './dates';
import type { OrganisationProfile } from './organisation-profile';
import { WeightedList, type Random } from './random';
import type { OrganisationPlan } from './relation-plan';
import type { RelatiecodeAllocator } from './relatiecodes';
import type { MandateRegistry, MandateStatus } from './snelstart-mandates';
import { relatieFrom } from './snelstart-relaties';
import type { RelatieModel } from './snelstart-seed';
import type { SnelStartFacts } from './tribe-presence';

/** What was written for one organisation: the facts Tribe's copy depends on, and its incasso state. */
export interface WrittenSnelStartOrganisation extends SnelStartFacts {
  readonly coreIncasso: boolean;
  readonly mandate: MandateStatus | 'notCore';
}

const KLANT_TERMS = new WeightedList<number>([
  [14, 35],
  [30, 45],
  [7, 6],
  [21, 4],
  [60, 6],
  [0, 4],
]);
const LEVERANCIER_TERMS = new WeightedList<number>([
  [30, 60],
  [14, 20],
  [60, 15],
  [8, 5],
]);
const NUMBER_STYLES: readonly NumberStyle[] = ['compact', 'dash', 'lowercase'];
const MEMOS = [
  'Betaalt vaak laat, eerst bellen.',
  'Facturen per e-mail, geen papier.',
  'Contract loopt tot eind van het jaar.',
];
/** Share of customers with a bank account that pay by direct debit (incassoSoort Core). */
const CORE_INCASSO_SHARE = 0.25;

/** Writes the Klant and/or Leverancier relatie of a planned organisation. */
export class SnelStartRelatieWriter {
  /** Active suppliers (for `artikel.relatie`). */
  readonly leverancierIds: string[] = [];

  constructor(
    private readonly relaties: RelatieModel[],
    private readonly random: Random,
    private readonly codes: RelatiecodeAllocator,
    private readonly mandates: MandateRegistry,
    private readonly nowMs: number,
  ) {}

  write(plan: OrganisationPlan, profile: OrganisationProfile): WrittenSnelStartOrganisation {
    const r = this.random;
    // About one in ten relaties has its house number addition or postcode typed differently.
    const numberStyle = r.chance(0.1) ? r.pick(NUMBER_STYLES) : 'canonical';
    const postcodeStyle: PostcodeStyle = r.chance(0.05) ? 'compact' : 'canonical';
    const klantKrediettermijn = KLANT_TERMS.pick(r);
    const leverancierKrediettermijn = LEVERANCIER_TERMS.pick(r);
    let klantCode: number | null = null;
    let leverancierCode: number | null = null;
    let coreIncasso = false;
    let mandate: MandateStatus | 'notCore' = 'notCore';

    if (plan.role !== 'leverancier') {
      const id = r.uuid();
      klantCode = this.codes.klant();
      coreIncasso = !plan.nonactief && profile.iban !== null && r.chance(CORE_INCASSO_SHARE);
      if (coreIncasso) mandate = this.mandates.addFor(id, klantCode);
      this.relaties.push(
        relatieFrom({
          id,
          soort: 'Klant',
          relatiecode: klantCode,
          profile,
          numberStyle,
          postcodeStyle,
          email: profile.email,
          nonactief: plan.nonactief,
          modifiedOn: this.modifiedOn(),
          krediettermijn: klantKrediettermijn,
          incassoSoort: coreIncasso ? 'Core' : 'Geen',
          memo: r.chance(0.02) ? r.pick(MEMOS) : null,
        }),
      );
    }
    if (plan.role !== 'klant') {
      const id = r.uuid();
      leverancierCode = this.codes.leverancier();
      // The second relatie of a pair was typed in separately: notation may differ, mailbox often does.
      const isPair = plan.role === 'both';
      const domain = profile.email?.split('@')[1];
      this.relaties.push(
        relatieFrom({
          id,
          soort: 'Leverancier',
          relatiecode: leverancierCode,
          profile,
          numberStyle: isPair && r.chance(0.3) ? r.pick(NUMBER_STYLES) : numberStyle,
          postcodeStyle,
          email: isPair && domain !== undefined ? emailFor(domain, r) : profile.email,
          nonactief: plan.nonactief,
          modifiedOn: this.modifiedOn(),
          krediettermijn: leverancierKrediettermijn,
          incassoSoort: 'Geen',
          memo: null,
        }),
      );
      if (!plan.nonactief) this.leverancierIds.push(id);
    }
    return {
      profile,
      klantCode,
      leverancierCode,
      klantKrediettermijn,
      leverancierKrediettermijn,
      coreIncasso,
      mandate,
    };
  }

  private modifiedOn(): string {
    return zoneLessDateTime(this.nowMs - HOUR_MS - this.random.int(3 * 365 * DAY_MS));
  }
}
