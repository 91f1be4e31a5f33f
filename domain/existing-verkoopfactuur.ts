import { formatCents, toCents } from './money';
import { tidyText } from './tidy-text';

/** What the booking about to be made would be: the natural key and what must agree with it. */
export interface IntendedVerkoopboeking {
  readonly factuurnummer: string;
  readonly klantId: string;
  readonly factuurbedrag: number;
}

/** The fields of a SnelStart verkoopfactuur that tell whether it is this invoice's booking. */
export interface FoundVerkoopfactuur {
  readonly factuurnummer: string;
  readonly relatie?: { readonly id: string } | null;
  readonly factuurBedrag?: number | null;
  readonly verkoopBoeking?: { readonly id: string } | null;
}

export type ExistingVerkoopfactuurVerdict =
  | { readonly kind: 'none' }
  | { readonly kind: 'adopt'; readonly verkoopboekingId: string }
  | { readonly kind: 'conflict'; readonly message: string };

/**
 * Whether a verkoopfactuur SnelStart has under the invoice's factuurnummer is this invoice's booking (made by an
 * earlier attempt whose answer was lost, or by hand), to be adopted instead of booked again. Only one for the
 * same relatie and the same amount is: any other is a different invoice that happens to use the number, and
 * booking over it or adopting it would both put the wrong invoice in the books.
 */
export function judgeExistingVerkoopfactuur(
  intended: IntendedVerkoopboeking,
  found: readonly FoundVerkoopfactuur[],
): ExistingVerkoopfactuurVerdict {
  // SnelStart's filter is trusted for narrowing only: the number must match exactly here.
  const factuur = found.find((row) => tidyText(row.factuurnummer) === intended.factuurnummer);
  if (!factuur) return { kind: 'none' };
  const problems: string[] = [];
  const relatieId = factuur.relatie?.id ?? null;
  if (relatieId?.toLowerCase() !== intended.klantId.toLowerCase()) {
    problems.push(`another relatie (${relatieId ?? 'none'}, not ${intended.klantId})`);
  }
  const bedrag = typeof factuur.factuurBedrag === 'number' ? toCents(factuur.factuurBedrag) : null;
  const expected = toCents(intended.factuurbedrag);
  if (bedrag !== expected) {
    problems.push(
      `another amount (${bedrag === null ? 'none' : formatCents(bedrag)}, not ${formatCents(expected)})`,
    );
  }
  const boekingId = factuur.verkoopBoeking?.id;
  if (problems.length === 0 && boekingId) return { kind: 'adopt', verkoopboekingId: boekingId };
  if (problems.length === 0) problems.push('a verkoopfactuur without a verkoopboeking');
  return {
    kind: 'conflict',
    message:
      `factuurnummer ${intended.factuurnummer} is already used in SnelStart by ${problems.join(' and ')}; ` +
      'it was not booked. Check that booking in SnelStart: if it is this invoice, correct its relatie or amount ' +
      'there; otherwise give the invoice another number in Tribe. Then retry.',
  };
}
