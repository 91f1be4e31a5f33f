import type { z } from 'zod';
import type { TribeDocument, TribeAttachments } from './attachments';
import { odataAnyOf, odataDateTimeOffset, odataString } from './odata-literals';
import type { ODataOperations } from './odata-operations';
import { ORGANIZATION_EXPAND } from './organizations';
import type { TribePage } from './paging';

/**
 * Activities are read with phase, customer (with organisation and addresses) and lines with their product
 * expanded. OData leaves out every navigation that is not expanded, so whatever the booking reads (a line's
 * product, an invoice's subscription) is named here.
 */
export const ACTIVITY_EXPAND = [
  'Phase',
  `Relationship($expand=Organization($expand=${ORGANIZATION_EXPAND}))`,
  'ProductLines($expand=VatGroup,GeneralLedgerAccount,Product($select=ID,Name;$expand=VatGroup,GeneralLedgerAccount))',
].join(',');

/** Invoices also name the subscription they were made from (SEPA direct debit applies to those). */
export const INVOICE_EXPAND = `${ACTIVITY_EXPAND},Subscription($select=ID)`;

/** Smaller pages: every activity carries its lines and customer. */
const ACTIVITY_PAGE_SIZE = 200;

/** Invoices, sales orders and subscriptions: the same reads over different entity sets. */
export class TribeActivities<S extends z.ZodType> {
  constructor(
    private readonly odata: ODataOperations,
    private readonly attachments: TribeAttachments,
    private readonly set: string,
    private readonly schema: S,
    private readonly expand: string = ACTIVITY_EXPAND,
  ) {}

  async get(id: string): Promise<z.infer<S> | null> {
    return this.odata.get(this.set, id, this.schema, { expand: this.expand });
  }

  /**
   * Activities in one of the phases (e.g. `Sent`, or `['Sent', 'Paid']`) changed after `since`, oldest first.
   * Tribe's OData has no `in`, so several phases are asked for with `or`.
   */
  async *inPhaseModifiedSince(
    phaseCodes: string | readonly string[],
    since: string | null,
    pageSize = ACTIVITY_PAGE_SIZE,
  ): AsyncGenerator<TribePage<z.infer<S>>> {
    const codes = typeof phaseCodes === 'string' ? [phaseCodes] : phaseCodes;
    yield* this.odata.modifiedSince(this.set, this.schema, {
      since,
      pageSize,
      filter: odataAnyOf('Phase/Code', codes.map(odataString)),
      expand: this.expand,
    });
  }

  /**
   * Activities changed after `since` that are in the `ready` phase, or in one of the `later` phases and changed
   * at or after `laterChangedSince` (none of those when it is null), oldest first.
   */
  async *readyModifiedSince(
    phases: { ready: string; later: readonly string[]; laterChangedSince: Date | null },
    since: string | null,
    pageSize = ACTIVITY_PAGE_SIZE,
  ): AsyncGenerator<TribePage<z.infer<S>>> {
    const ready = `Phase/Code eq ${odataString(phases.ready)}`;
    const later =
      phases.later.length > 0 && phases.laterChangedSince
        ? `(${odataAnyOf('Phase/Code', phases.later.map(odataString))}) and LastMutationDate ge ${odataDateTimeOffset(phases.laterChangedSince)}`
        : null;
    yield* this.odata.modifiedSince(this.set, this.schema, {
      since,
      pageSize,
      filter: later ? `(${ready}) or (${later})` : ready,
      expand: this.expand,
    });
  }

  /** The activity's PDF (the invoice or order document), or null when none is attached. */
  async document(id: string): Promise<TribeDocument | null> {
    return this.attachments.latestPdf(id);
  }
}
