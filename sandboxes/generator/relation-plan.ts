import type { Random } from './random';

/** Which SnelStart relaties an organisation has. `both`: a Klant and a Leverancier with one name and address. */
export type SnelStartRole = 'klant' | 'leverancier' | 'both';

/**
 * How the organisation already exists in Tribe before the initial sync:
 * - `none`: not at all (the sync creates it);
 * - `number`: carries the debtor and/or creditor number (name or address may differ);
 * - `nameAddress`: same name and address, written the same way, no number;
 * - `nameAddressFormatted`: same name and address, written differently (case, spacing, `1234ab`, `12-a`);
 * - `ambiguous`: twice, two organisations with the same name and address (a person must choose).
 */
export type TribePresence = 'none' | 'number' | 'nameAddress' | 'nameAddressFormatted' | 'ambiguous';

export interface OrganisationPlan {
  role: SnelStartRole;
  presence: TribePresence;
  nonactief: boolean;
}

export interface PlanCounts {
  readonly relations: number;
  readonly klantLeverancierPairs: number;
  readonly ambiguousPairs: number;
  readonly tribeOverlap: number;
}

/** Share of single-role organisations that are suppliers. */
const LEVERANCIER_SHARE = 0.2;
/** Share of relaties that are inactive. */
const NONACTIEF_SHARE = 0.03;
/** How the overlap (beyond the ambiguous pairs) divides over the matching rules. */
const BY_NUMBER_SHARE = 0.4;
const BY_NAME_EXACT_SHARE = 0.3;

/**
 * Decides, before any data is drawn, what every SnelStart organisation is and how it appears in Tribe,
 * with exact counts per category, in random order.
 */
export function planOrganisations(counts: PlanCounts, random: Random): OrganisationPlan[] {
  const pairs = counts.klantLeverancierPairs;
  const organisations = counts.relations - pairs;
  const ambiguous = counts.ambiguousPairs;
  const singles = organisations - pairs;
  const leveranciers = Math.min(Math.round(singles * LEVERANCIER_SHARE), singles - ambiguous);

  const plans: OrganisationPlan[] = [];
  const add = (count: number, role: SnelStartRole, presence: TribePresence) => {
    for (let i = 0; i < count; i++) plans.push({ role, presence, nonactief: false });
  };
  add(ambiguous, 'klant', 'ambiguous');
  add(pairs, 'both', 'none');
  add(leveranciers, 'leverancier', 'none');
  add(organisations - plans.length, 'klant', 'none');

  // Everything but the ambiguous pairs, in random order: the first part is in Tribe, the tail is not.
  const rest = random.shuffle(plans.slice(ambiguous));
  const overlap = Math.min(
    Math.max(Math.round(counts.tribeOverlap * organisations) - ambiguous, 0),
    rest.length,
  );
  const byNumber = Math.ceil(overlap * BY_NUMBER_SHARE);
  const byNameExact = Math.min(Math.round(overlap * BY_NAME_EXACT_SHARE), overlap - byNumber);
  rest.slice(0, overlap).forEach((plan, k) => {
    plan.presence =
      k < byNumber ? 'number' : k < byNumber + byNameExact ? 'nameAddress' : 'nameAddressFormatted';
  });

  // Inactive relaties come from the organisations Tribe does not know, single role only.
  let inactiveLeft = Math.round(counts.relations * NONACTIEF_SHARE);
  for (let k = rest.length - 1; k >= overlap && inactiveLeft > 0; k--) {
    const plan = rest[k] as OrganisationPlan;
    if (plan.role === 'both') continue;
    plan.nonactief = true;
    inactiveLeft--;
  }
  return random.shuffle(plans);
}
