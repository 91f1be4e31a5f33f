import type { LedgerAccountMapping, MappedBtwSoort, VatGroupMapping } from './activation-config';
import { centsToAmount, formatCents, percentageOfCents, toCents } from './money';
import type {
  SnelStartIdentifier,
  SnelStartRegelBtwSoort,
  SnelStartVerkoopBoekingBtwWrite,
  SnelStartVerkoopBoekingRegelWrite,
  SnelStartVerkoopBoekingWrite,
  SnelStartVerkoopBtwSoort,
} from './snelstart-records';
import { daysBetween, isoDateOnly, snelStartDate } from './snelstart-time';
import { shortenText, tidyText } from './tidy-text';
import type { TribeInvoice, TribeProductLine } from './tribe-records';

/**
 * A Tribe invoice in phase Sent → a SnelStart verkoopboeking. All amounts are summed in whole cents, so the
 * booking balances exactly: factuurbedrag = Σ boekingsregels.bedrag + Σ btw.btwBedrag (BOE-0039).
 */

export const FACTUURNUMMER_MAX_LENGTH = 25;
export const BOEKING_OMSCHRIJVING_MAX_LENGTH = 250;
/** SnelStart's attachment limit (BLG-0006/0013), taken as 10 MiB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const BETALINGSTERMIJN_MAX_DAYS = 999;

export interface InvoiceBookingInput {
  readonly invoice: TribeInvoice;
  /** The invoice's product lines, with `VatGroup` and `GeneralLedgerAccount` (or the product's) expanded. */
  readonly lines: readonly TribeProductLine[];
  readonly customer: {
    /** The SnelStart relatie (a Klant) the booking is for. */
    readonly snelstartRelatieId: string;
    /** Used for betalingstermijn when the invoice has no due date. */
    readonly paymentTermInDays?: number | null;
  };
  readonly mappings: {
    readonly vatGroups: readonly VatGroupMapping[];
    readonly ledgerAccounts: readonly LedgerAccountMapping[];
  };
  /** The doorlopende incassomachtiging to send (see mandate-selection). */
  readonly mandate?: SnelStartIdentifier | null;
  /** The invoice document that will be attached. */
  readonly document?: { readonly fileName?: string | null; readonly sizeBytes: number } | null;
}

export type InvoiceBookingResult =
  | {
      readonly ok: true;
      readonly booking: SnelStartVerkoopBoekingWrite;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly string[]; readonly warnings: readonly string[] };

const LINE_SOORT: Record<MappedBtwSoort, SnelStartRegelBtwSoort> = {
  Hoog: 'Hoog',
  Laag: 'Laag',
  Overig: 'Overig',
  Geen: 'Geen',
  Verlegd: 'Geen',
};

const DOCUMENT_SOORT: Partial<Record<MappedBtwSoort, SnelStartVerkoopBtwSoort>> = {
  Hoog: 'VerkopenHoog',
  Laag: 'VerkopenLaag',
  Overig: 'VerkopenOverig',
  Verlegd: 'VerkopenVerlegd',
};

const DOCUMENT_SOORT_ORDER: readonly MappedBtwSoort[] = ['Hoog', 'Laag', 'Overig', 'Verlegd'];

interface MappedLine {
  readonly label: string;
  readonly description: string | null;
  readonly grootboekId: string;
  readonly soort: MappedBtwSoort;
  readonly exclCents: number;
  readonly vatCents: number | null;
  readonly percentage: number | null;
}

/**
 * Builds the verkoopboeking, or says why it cannot be booked. Lines are grouped per (grootboek, btw soort)
 * through the tenant's ledger and VAT mappings. Per btw soort the VAT is the sum of the lines' own VAT
 * amounts when every line has one (what the customer's invoice shows), otherwise the soort's total
 * excl. VAT × the percentage, rounded once per percentage; reverse-charged lines (`Verlegd`) are booked with
 * line btw soort `Geen` and a `VerkopenVerlegd` entry of 0.00, and a VAT entry of 0.00 for another soort is
 * left out. When the Tribe invoice carries totals, the booking must reproduce them to the cent. A credit
 * invoice (IsCredit) is booked with negative amounts. Groups that add up to 0.00 are left out (SnelStart
 * rejects zero lines, BOE-0028), with a warning.
 */
export function invoiceToVerkoopBoeking(input: InvoiceBookingInput): InvoiceBookingResult {
  const { invoice } = input;
  const errors: string[] = [];
  const warnings: string[] = [];

  const number = tidyText(invoice.Number);
  const name = number === null ? `Tribe invoice ${invoice.ID}` : `Invoice ${number}`;
  if (number === null)
    errors.push(`Tribe invoice ${invoice.ID} has no number; SnelStart needs a factuurnummer (BOE-0058).`);
  else if (number.length > FACTUURNUMMER_MAX_LENGTH) {
    errors.push(
      `${name}: the number is ${number.length} characters; SnelStart allows at most ${FACTUURNUMMER_MAX_LENGTH} (BOE-0058). Use a shorter invoice number in Tribe.`,
    );
  }
  const invoiceDate = isoDateOnly(invoice.InvoiceDate);
  if (invoiceDate === null)
    errors.push(`${name} has no valid invoice date (InvoiceDate); fill it in in Tribe.`);
  const omschrijving = tidyText(invoice.Subject);
  if (omschrijving !== null && omschrijving.length > BOEKING_OMSCHRIJVING_MAX_LENGTH) {
    errors.push(
      `${name}: the subject is ${omschrijving.length} characters; SnelStart allows at most ${BOEKING_OMSCHRIJVING_MAX_LENGTH} for the omschrijving (BOE-0071). Shorten the subject in Tribe.`,
    );
  }
  const currency = tidyText(invoice.Currency)?.toUpperCase();
  if (currency !== undefined && currency !== 'EUR') {
    errors.push(`${name} is in ${currency}; SnelStart books in EUR only. Book this invoice by hand.`);
  }
  if (input.document && input.document.sizeBytes > MAX_DOCUMENT_BYTES) {
    const megabytes = (input.document.sizeBytes / (1024 * 1024)).toFixed(1);
    errors.push(
      `${name}: the document${input.document.fileName ? ` ${input.document.fileName}` : ''} is ${megabytes} MB; SnelStart accepts attachments up to 10 MB (BLG-0006). Make the PDF smaller in Tribe.`,
    );
  }
  if (input.lines.length === 0) errors.push(`${name} has no product lines; there is nothing to book.`);

  const mapped = mapLines(name, input, errors);
  const betalingstermijn = paymentTerm(
    name,
    invoice,
    invoiceDate,
    input.customer.paymentTermInDays,
    errors,
    warnings,
  );
  if (errors.length > 0 || mapped.length === 0 || number === null || invoiceDate === null)
    return { ok: false, errors, warnings };

  const linesTotal = mapped.reduce((sum, line) => sum + line.exclCents, 0);
  const lineSign = invoice.IsCredit === true && linesTotal > 0 ? -1 : 1;
  const lines = mapped.map((line) => ({
    ...line,
    exclCents: line.exclCents * lineSign,
    vatCents: line.vatCents === null ? null : line.vatCents * lineSign,
  }));

  const soorten = new Set(lines.map((line) => line.soort));
  if (soorten.has('Verlegd') && (soorten.has('Hoog') || soorten.has('Laag') || soorten.has('Overig'))) {
    errors.push(
      `${name} combines reverse-charged (verlegd) lines with Hoog/Laag/Overig VAT; SnelStart does not allow that in one booking (BOE-0062). Split the invoice in Tribe.`,
    );
  }

  const btw = documentVat(name, lines, errors);
  const regels = bookingLines(name, number, lines, warnings);
  if (regels.length === 0 && errors.length === 0) {
    errors.push(
      `${name} adds up to 0.00 on every ledger account; SnelStart does not accept a booking without amounts (BOE-0028).`,
    );
  }
  if (errors.length > 0) return { ok: false, errors, warnings };

  const regelsCents = regels.reduce((sum, regel) => sum + regel.cents, 0);
  const btwCents = btw.reduce((sum, entry) => sum + entry.cents, 0);
  const totalCents = regelsCents + btwCents;
  checkAgainstInvoiceTotals(name, invoice, { regelsCents, btwCents, totalCents }, errors);
  if (errors.length > 0) return { ok: false, errors, warnings };

  const booking: SnelStartVerkoopBoekingWrite = {
    factuurnummer: number,
    factuurdatum: snelStartDate(invoiceDate),
    klant: { id: input.customer.snelstartRelatieId },
    omschrijving,
    factuurbedrag: centsToAmount(totalCents),
    ...(betalingstermijn !== undefined ? { betalingstermijn } : {}),
    ...(input.mandate ? { doorlopendeIncassoMachtiging: { id: input.mandate.id } } : {}),
    boekingsregels: regels.map(({ cents: _cents, ...regel }) => regel),
    btw: btw.map(({ cents: _cents, ...entry }) => entry),
  };
  return { ok: true, booking, warnings };
}

function mapLines(name: string, input: InvoiceBookingInput, errors: string[]): MappedLine[] {
  const vatMapping = new Map(
    input.mappings.vatGroups.map((entry) => [entry.tribeVatGroupId.toLowerCase(), entry.snelstartBtwSoort]),
  );
  const ledgerMapping = new Map(
    input.mappings.ledgerAccounts.map((entry) => [
      entry.tribeLedgerAccountId.toLowerCase(),
      entry.snelstartGrootboekId,
    ]),
  );
  const mapped: MappedLine[] = [];
  input.lines.forEach((line, index) => {
    const description = tidyText(line.Description) ?? tidyText(line.Product?.Name);
    const label = `${name} line ${index + 1}${description ? ` ("${shortenText(description, 40)}")` : ''} (ProductLine ${line.ID})`;
    let ok = true;

    const vatGroup = line.VatGroup ?? line.Product?.VatGroup ?? null;
    const soort = vatGroup ? vatMapping.get(vatGroup.ID.toLowerCase()) : undefined;
    if (!vatGroup) {
      errors.push(`${label} has no VAT group; choose one on the line or its product in Tribe.`);
      ok = false;
    } else if (soort === undefined) {
      errors.push(
        `${label}: Tribe VAT group ${describeReference(vatGroup)} has no SnelStart btw soort in the tenant's VAT mapping; add it to mappings.vatGroups.`,
      );
      ok = false;
    }

    const ledger = line.GeneralLedgerAccount ?? line.Product?.GeneralLedgerAccount ?? null;
    const grootboekId = ledger ? ledgerMapping.get(ledger.ID.toLowerCase()) : undefined;
    if (!ledger) {
      errors.push(`${label} has no ledger account; choose one on the line or its product in Tribe.`);
      ok = false;
    } else if (grootboekId === undefined) {
      errors.push(
        `${label}: Tribe ledger account ${describeReference(ledger)} has no SnelStart grootboek in the tenant's ledger mapping; add it to mappings.ledgerAccounts.`,
      );
      ok = false;
    }

    const exclCents = lineAmountCents(line);
    if (exclCents === null) {
      errors.push(
        `${label} has no amount (TotalExcludingVat, or Quantity and Price); correct the line in Tribe.`,
      );
      ok = false;
    }
    const vatCents = typeof line.VatAmount === 'number' ? toCents(line.VatAmount) : null;
    if ((soort === 'Geen' || soort === 'Verlegd') && vatCents !== null && vatCents !== 0) {
      errors.push(
        `${label} is mapped to btw soort ${soort} but carries VAT ${formatCents(vatCents)}; correct the VAT group or the VAT amount in Tribe.`,
      );
      ok = false;
    }
    if (!ok || soort === undefined || grootboekId === undefined || exclCents === null) return;
    const percentage = line.VatPercentage ?? vatGroup?.Percentage ?? null;
    mapped.push({ label, description, grootboekId, soort, exclCents, vatCents, percentage });
  });
  return mapped;
}

/** TotalExcludingVat, or Quantity × Price × (1 − DiscountPercentage / 100), in cents. */
function lineAmountCents(line: TribeProductLine): number | null {
  if (typeof line.TotalExcludingVat === 'number' && Number.isFinite(line.TotalExcludingVat))
    return toCents(line.TotalExcludingVat);
  if (typeof line.Quantity !== 'number' || typeof line.Price !== 'number') return null;
  const discount = typeof line.DiscountPercentage === 'number' ? line.DiscountPercentage : 0;
  return toCents(line.Quantity * line.Price * (1 - discount / 100));
}

interface RegelWithCents extends SnelStartVerkoopBoekingRegelWrite {
  readonly cents: number;
}

function bookingLines(
  name: string,
  number: string,
  lines: readonly MappedLine[],
  warnings: string[],
): RegelWithCents[] {
  const groups = new Map<
    string,
    { grootboekId: string; soort: SnelStartRegelBtwSoort; cents: number; members: MappedLine[] }
  >();
  for (const line of lines) {
    const soort = LINE_SOORT[line.soort];
    const key = `${line.grootboekId.toLowerCase()}|${soort}`;
    const group = groups.get(key) ?? { grootboekId: line.grootboekId, soort, cents: 0, members: [] };
    group.cents += line.exclCents;
    group.members.push(line);
    groups.set(key, group);
  }
  const regels: RegelWithCents[] = [];
  for (const group of groups.values()) {
    if (group.cents === 0) {
      warnings.push(
        `${name}: the lines on grootboek ${group.grootboekId} (btw ${group.soort}) add up to 0.00 and are left out of the booking (SnelStart rejects zero amounts, BOE-0028).`,
      );
      continue;
    }
    regels.push({
      omschrijving: regelOmschrijving(group.members, number),
      grootboek: { id: group.grootboekId },
      bedrag: centsToAmount(group.cents),
      btwSoort: group.soort,
      cents: group.cents,
    });
  }
  return regels;
}

function regelOmschrijving(members: readonly MappedLine[], number: string): string {
  const descriptions = [
    ...new Set(members.map((member) => member.description).filter((text): text is string => text !== null)),
  ];
  const joined = descriptions.length > 0 ? descriptions.join('; ') : `Factuur ${number}`;
  return shortenText(joined, BOEKING_OMSCHRIJVING_MAX_LENGTH);
}

interface BtwWithCents extends SnelStartVerkoopBoekingBtwWrite {
  readonly cents: number;
}

function documentVat(name: string, lines: readonly MappedLine[], errors: string[]): BtwWithCents[] {
  const entries: BtwWithCents[] = [];
  for (const soort of DOCUMENT_SOORT_ORDER) {
    const btwSoort = DOCUMENT_SOORT[soort];
    const ofSoort = lines.filter((line) => line.soort === soort);
    if (btwSoort === undefined || ofSoort.length === 0) continue;
    let cents = 0;
    if (soort === 'Verlegd') cents = 0;
    else if (ofSoort.every((line) => line.vatCents !== null)) {
      cents = ofSoort.reduce((sum, line) => sum + (line.vatCents ?? 0), 0);
    } else {
      const missing = ofSoort.filter((line) => line.vatCents === null && line.percentage === null);
      if (missing.length > 0) {
        for (const line of missing)
          errors.push(
            `${line.label} has neither a VAT amount nor a VAT percentage; correct the line in Tribe.`,
          );
        continue;
      }
      const byPercentage = new Map<number, number>();
      for (const line of ofSoort) {
        const percentage = line.percentage ?? 0;
        byPercentage.set(percentage, (byPercentage.get(percentage) ?? 0) + line.exclCents);
      }
      for (const [percentage, exclCents] of byPercentage) cents += percentageOfCents(exclCents, percentage);
    }
    entries.push({ btwSoort, btwBedrag: centsToAmount(cents), cents });
  }
  return entries.filter((entry) => entry.cents !== 0 || entry.btwSoort === 'VerkopenVerlegd');
}

/** The booking must reproduce the totals printed on the Tribe invoice (when it has them), to the cent. */
function checkAgainstInvoiceTotals(
  name: string,
  invoice: TribeInvoice,
  booking: { regelsCents: number; btwCents: number; totalCents: number },
  errors: string[],
): void {
  const header = {
    excl: typeof invoice.TotalExcludingVat === 'number' ? toCents(invoice.TotalExcludingVat) : null,
    vat: typeof invoice.VatAmount === 'number' ? toCents(invoice.VatAmount) : null,
    incl: typeof invoice.TotalIncludingVat === 'number' ? toCents(invoice.TotalIncludingVat) : null,
  };
  const reference = header.incl ?? header.excl ?? 0;
  const sign = invoice.IsCredit === true && reference > 0 ? -1 : 1;
  const expected = {
    excl: header.excl === null ? null : header.excl * sign,
    vat: header.vat === null ? null : header.vat * sign,
    incl: header.incl === null ? null : header.incl * sign,
  };
  const mismatches: string[] = [];
  if (expected.excl !== null && expected.excl !== booking.regelsCents) {
    mismatches.push(
      `the lines add up to ${formatCents(booking.regelsCents)} excl. VAT but the invoice says ${formatCents(expected.excl)}`,
    );
  }
  if (expected.vat !== null && expected.vat !== booking.btwCents) {
    mismatches.push(
      `the VAT adds up to ${formatCents(booking.btwCents)} but the invoice says ${formatCents(expected.vat)}`,
    );
  }
  if (expected.incl !== null && expected.incl !== booking.totalCents) {
    mismatches.push(
      `lines ${formatCents(booking.regelsCents)} + VAT ${formatCents(booking.btwCents)} = ${formatCents(booking.totalCents)} but the invoice total is ${formatCents(expected.incl)}`,
    );
  }
  if (mismatches.length > 0) {
    errors.push(
      `${name} does not balance: ${mismatches.join('; ')}. SnelStart rejects unbalanced bookings (BOE-0039); correct the invoice lines or totals in Tribe.`,
    );
  }
}

/** Days from invoice date to due date (0..999); without a due date the customer's payment term. */
function paymentTerm(
  name: string,
  invoice: TribeInvoice,
  invoiceDate: string | null,
  customerTerm: number | null | undefined,
  errors: string[],
  warnings: string[],
): number | undefined {
  const dueText = tidyText(invoice.DueDate);
  if (dueText !== null) {
    const dueDate = isoDateOnly(dueText);
    if (dueDate === null) {
      errors.push(`${name} has an invalid due date (DueDate); correct it in Tribe.`);
      return undefined;
    }
    if (invoiceDate === null) return undefined;
    const days = daysBetween(invoiceDate, dueDate);
    if (days < 0) {
      errors.push(
        `${name} is due (${dueDate}) before its invoice date (${invoiceDate}); correct the due date in Tribe.`,
      );
      return undefined;
    }
    if (days > BETALINGSTERMIJN_MAX_DAYS) {
      errors.push(
        `${name} is due ${days} days after its invoice date; SnelStart allows a payment term of at most ${BETALINGSTERMIJN_MAX_DAYS} days.`,
      );
      return undefined;
    }
    return days;
  }
  if (typeof customerTerm === 'number') {
    if (Number.isInteger(customerTerm) && customerTerm >= 0 && customerTerm <= BETALINGSTERMIJN_MAX_DAYS)
      return customerTerm;
    warnings.push(
      `${name}: the customer's payment term ${customerTerm} is outside 0..${BETALINGSTERMIJN_MAX_DAYS} days and was not sent; SnelStart applies its default.`,
    );
  }
  return undefined;
}

function describeReference(reference: {
  readonly ID: string;
  readonly Name?: string | null;
  readonly Code?: string | null;
}): string {
  const label = tidyText(reference.Name) ?? tidyText(reference.Code);
  return label ? `"${label}" (${reference.ID})` : reference.ID;
}
