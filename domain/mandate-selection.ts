import type { SnelStartDoorlopendeIncassoMachtiging, SnelStartRelatie } from './snelstart-records';
import { isoDateOnly } from './snelstart-time';
import { tidyText } from './tidy-text';

/**
 * Choosing the doorlopende incassomachtiging (recurring SEPA mandate) to send with a verkoopboeking.
 * Mandates cannot be created through the SnelStart API, so when none can be used the invoice is booked
 * without one and the warning tells the user what to do in SnelStart.
 */

export type MandateUnavailableReason =
  'no-mandate' | 'revoked' | 'not-yet-valid' | 'missing-iban' | 'incasso-not-allowed';

export type MandateSelection =
  | {
      readonly kind: 'use';
      /** Send as `doorlopendeIncassoMachtiging`. */
      readonly mandate: { readonly id: string };
      readonly kenmerk: string | null;
      readonly afsluitDatum: string;
    }
  | {
      readonly kind: 'none';
      readonly reason: MandateUnavailableReason;
      /** For the tenant's status: what is wrong and what to do in SnelStart. */
      readonly warning: string;
    };

export interface MandateSelectionInput {
  readonly mandates: readonly SnelStartDoorlopendeIncassoMachtiging[];
  /** `YYYY-MM-DD` (or a timestamp; its date is used). */
  readonly invoiceDate: string;
  /**
   * `YYYY-MM-DD`: the day the booking is made. A mandate revoked on or before it is not sent even when it was
   * in force on the invoice date: SnelStart refuses a revoked mandate (BOE-0079).
   */
  readonly today: string;
  readonly invoiceNumber?: string | null;
  readonly customer: Pick<SnelStartRelatie, 'naam' | 'relatiecode' | 'iban' | 'incassoSoort'> & {
    readonly id?: string | null;
  };
}

/**
 * Picks the mandate that is in force on the invoice date: signed on or before it (`afsluitDatum`), not
 * revoked on or before it nor on or before today (`intrekkingsDatum` empty or later), and belonging to this customer (BOE-0066); of
 * several, the most recently signed, then the highest kenmerk and id, so the choice is repeatable. A mandate
 * without a valid afsluitDatum is not used. Even with a usable mandate nothing is sent when SnelStart would
 * reject the booking: the customer needs an IBAN (BOE-0052) and incassoSoort Core or B2B (BOE-0055).
 */
export function selectMandate(input: MandateSelectionInput): MandateSelection {
  const invoiceDate = isoDateOnly(input.invoiceDate);
  if (invoiceDate === null)
    throw new RangeError(`invoice date is not a date: ${JSON.stringify(input.invoiceDate)}`);
  const today = isoDateOnly(input.today);
  if (today === null) throw new RangeError(`today is not a date: ${JSON.stringify(input.today)}`);
  const usableAfter = today > invoiceDate ? today : invoiceDate;
  const who = describeCustomer(input.customer);
  const invoice = input.invoiceNumber ? `invoice ${input.invoiceNumber}` : 'the invoice';
  const none = (reason: MandateUnavailableReason, problem: string, action: string): MandateSelection => ({
    kind: 'none',
    reason,
    warning: `${who} ${problem}; ${invoice} was booked without a direct-debit mandate. ${action}`,
  });
  const createInSnelStart =
    'Create the doorlopende incassomachtiging in SnelStart (the SnelStart API cannot create mandates); later invoices will use it.';

  const own = input.mandates.filter((mandate) => {
    const owner = tidyText(mandate.klant?.id);
    const customerId = tidyText(input.customer.id);
    return owner === null || customerId === null || owner === customerId;
  });
  if (own.length === 0)
    return none('no-mandate', 'has no doorlopende incassomachtiging in SnelStart', createInSnelStart);

  const signed = own.filter((mandate) => {
    const from = isoDateOnly(mandate.afsluitDatum);
    return from !== null && from <= invoiceDate;
  });
  const active = signed.filter((mandate) => {
    const revoked = isoDateOnly(mandate.intrekkingsDatum);
    return revoked === null || revoked > usableAfter;
  });
  const chosen = [...active].sort(byLatestSigned)[0];
  if (chosen === undefined) {
    if (signed.length > 0) {
      return none(
        'revoked',
        `has only revoked doorlopende incassomachtigingen on ${usableAfter}`,
        createInSnelStart,
      );
    }
    const notYet = own.some((mandate) => (isoDateOnly(mandate.afsluitDatum) ?? '') > invoiceDate);
    if (notYet) {
      return none(
        'not-yet-valid',
        `has a doorlopende incassomachtiging that was signed after the invoice date ${invoiceDate}`,
        'Check the afsluitdatum of the mandate in SnelStart; invoices dated on or after it will use it.',
      );
    }
    return none(
      'no-mandate',
      'has no doorlopende incassomachtiging with a valid afsluitdatum in SnelStart',
      createInSnelStart,
    );
  }

  if (tidyText(input.customer.iban) === null) {
    return none(
      'missing-iban',
      'has a mandate but no IBAN in SnelStart (BOE-0052)',
      'Add the IBAN to the relatie in SnelStart.',
    );
  }
  const soort = tidyText(input.customer.incassoSoort);
  if (soort !== 'Core' && soort !== 'B2B') {
    return none(
      'incasso-not-allowed',
      `has a mandate but incassoSoort ${soort ?? '(empty)'} in SnelStart, which does not allow direct debit (BOE-0055)`,
      'Set the incassosoort of the relatie to Core or B2B in SnelStart.',
    );
  }
  return {
    kind: 'use',
    mandate: { id: chosen.id },
    kenmerk: tidyText(chosen.kenmerk),
    afsluitDatum: isoDateOnly(chosen.afsluitDatum) ?? '',
  };
}

function byLatestSigned(
  a: SnelStartDoorlopendeIncassoMachtiging,
  b: SnelStartDoorlopendeIncassoMachtiging,
): number {
  const dateA = isoDateOnly(a.afsluitDatum) ?? '';
  const dateB = isoDateOnly(b.afsluitDatum) ?? '';
  if (dateA !== dateB) return dateA < dateB ? 1 : -1;
  const kenmerkA = a.kenmerk ?? '';
  const kenmerkB = b.kenmerk ?? '';
  if (kenmerkA !== kenmerkB) return kenmerkA < kenmerkB ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function describeCustomer(customer: MandateSelectionInput['customer']): string {
  const name = tidyText(customer.naam) ?? 'The customer';
  return typeof customer.relatiecode === 'number' ? `${name} (relatie ${customer.relatiecode})` : name;
}
