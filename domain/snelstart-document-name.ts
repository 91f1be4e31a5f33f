import type { BookingKind } from '../store/booking-store';

/**
 * SnelStart rejects file names with characters it does not allow (BLG-0016) or that are too long (BLG-0017);
 * neither limit is documented, so names keep to letters, digits, `.`, `-` and stay within 120 characters.
 */
export const SNELSTART_FILE_NAME_MAX_LENGTH = 120;

const PREFIX: Record<BookingKind, string> = { invoice: 'factuur', sales_order: 'verkooporder' };

/**
 * The name a Tribe document is attached under in SnelStart, derived from the Tribe number alone, so an
 * interrupted upload is found again by its name. Other characters are written as `_` and their code point,
 * which keeps two different numbers from ever sharing a name (sales-order documents share the relatie).
 */
export function snelstartDocumentFileName(kind: BookingKind, number: string): string {
  const safe = [...number.trim()]
    .map((char) =>
      /[A-Za-z0-9.-]/.test(char) ? char : `_${(char.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}`,
    )
    .join('');
  const stem = `${PREFIX[kind]}-${safe}`.slice(0, SNELSTART_FILE_NAME_MAX_LENGTH - '.pdf'.length);
  return `${stem}.pdf`;
}
