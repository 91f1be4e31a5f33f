import type { z } from 'zod';
import type { TribeDocument, TribeAttachments } from './attachments';
import { odataString } from './odata-literals';
import type { ODataOperations } from './odata-operations';
import { ORGANIZATION_EXPAND } from './organizations';
import type { TribePage } from './paging';

/** Activities are read with phase, customer (with organisation and addresses) and lines expanded. */
export const ACTIVITY_EXPAND = [
  'Phase',
  `Relationship($expand=Organization($expand=${ORGANIZATION_EXPAND}))`,
  'ProductLines($expand=VatGroup,GeneralLedgerAccount)',
].join(',');

/** Smaller pages: every activity carries its lines and customer. */
const ACTIVITY_PAGE_SIZE = 200;

/** Invoices, sales orders and subscriptions: the same reads over different entity sets. */
export class TribeActivities<S extends z.ZodType> {
  constructor(
    private readonly odata: ODataOperations,
    private readonly attachments: TribeAttachments,
    private readonly set: string,
    private readonly schema: S,
  ) {}

  async get(id: string): Promise<z.infer<S> | null> {
    return this.odata.get(this.set, id, this.schema, { expand: ACTIVITY_EXPAND });
  }

  /** Activities in phase `phaseCode` (e.g. `Sent`, `Linked`) changed after `since`, oldest first. */
  async *inPhaseModifiedSince(
    phaseCode: string,
    since: string | null,
    pageSize = ACTIVITY_PAGE_SIZE,
  ): AsyncGenerator<TribePage<z.infer<S>>> {
    yield* this.odata.modifiedSince(this.set, this.schema, {
      since,
      pageSize,
      filter: `Phase/Code eq ${odataString(phaseCode)}`,
      expand: ACTIVITY_EXPAND,
    });
  }

  /** The activity's PDF (the invoice or order document), or null when none is attached. */
  async document(id: string): Promise<TribeDocument | null> {
    return this.attachments.latestPdf(id);
  }
}
