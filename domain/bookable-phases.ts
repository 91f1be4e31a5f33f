import type { BookingKind } from '../store/booking-store';

/**
 * The Tribe phase codes in which a document is booked in SnelStart: the phase that makes it ready ("Verstuurd",
 * "Gekoppeld") and every later one, so an invoice paid before it was booked is still booked.
 */
export const BOOKABLE_PHASES: Readonly<Record<BookingKind, readonly string[]>> = {
  invoice: ['Sent', 'Paid'],
  sales_order: ['Linked', 'Delivered'],
};

export function isBookablePhase(kind: BookingKind, phaseCode: string | null | undefined): boolean {
  return phaseCode != null && BOOKABLE_PHASES[kind].includes(phaseCode);
}
