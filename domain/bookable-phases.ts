import type { BookingKind } from '../store/booking-store';

export interface BookingPhases {
  /** The phase that makes a document ready to book ("Verstuurd", "Gekoppeld"). */
  readonly ready: string;
  /** Phases after it: a document that reached one before it was booked is booked all the same. */
  readonly later: readonly string[];
}

export const BOOKING_PHASES: Readonly<Record<BookingKind, BookingPhases>> = {
  invoice: { ready: 'Sent', later: ['Paid'] },
  sales_order: { ready: 'Linked', later: ['Delivered'] },
};

export interface BookableDocument {
  readonly phaseCode: string | null | undefined;
  /** Tribe's `LastMutationDate` of the document. */
  readonly changedAt: string | null | undefined;
}

/**
 * Whether a document is booked in SnelStart. In its ready phase always. In a later phase only when it changed
 * since the tenant was first activated (it was paid, or delivered, since): an invoice paid before then belongs
 * to the books as they were kept without Koppeling, and booking the whole paid history on the first cycle
 * could book some a second time under another number.
 */
export function isBookable(kind: BookingKind, document: BookableDocument, activatedAt: Date | null): boolean {
  const phases = BOOKING_PHASES[kind];
  if (document.phaseCode == null) return false;
  if (document.phaseCode === phases.ready) return true;
  if (!phases.later.includes(document.phaseCode) || activatedAt === null) return false;
  const changed = document.changedAt ? Date.parse(document.changedAt) : Number.NaN;
  return !Number.isNaN(changed) && changed >= activatedAt.getTime();
}
