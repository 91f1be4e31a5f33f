import { TRIBE_SETS } from './entity-sets';
import { TribeResponseError } from './errors';
import { odataGuid } from './odata-literals';
import type { ODataOperations } from './odata-operations';
import { tribeAttachmentSchema } from './schemas/attachment';

export interface TribeDocument {
  readonly attachmentId: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly data: Buffer;
}

const SET = TRIBE_SETS.attachment;

/** Files attached to activities, such as the PDF Tribe's Finalize puts on an invoice. */
export class TribeAttachments {
  constructor(private readonly odata: ODataOperations) {}

  /** The newest PDF attached to the activity, or null when it has none. */
  async latestPdf(entityId: string): Promise<TribeDocument | null> {
    const { items, rejected } = await this.odata.all(SET, tribeAttachmentSchema, {
      filter: `Entity/ID eq ${odataGuid(entityId)}`,
      expand: 'File',
      orderby: 'CreationDate desc',
    });
    if (rejected[0]) throw rejected[0].error;
    const attachment = items.find((item) => item.File?.MimeType.toLowerCase() === 'application/pdf');
    const file = attachment?.File;
    if (!attachment || !file) return null;
    if (typeof file.Data !== 'string')
      throw new TribeResponseError(SET, 'File.Data', 'missing although File was expanded');
    const data = Buffer.from(file.Data, 'base64');
    if (typeof file.Size === 'number' && file.Size !== data.length) {
      throw new TribeResponseError(
        SET,
        'File.Data',
        `decodes to ${data.length} bytes, File.Size says ${file.Size}`,
      );
    }
    return { attachmentId: attachment.ID, fileName: file.Name, mimeType: file.MimeType, data };
  }
}
