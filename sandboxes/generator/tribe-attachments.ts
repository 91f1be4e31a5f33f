import type { PdfDocument } from './pdf-documents';
import type { Timestamps } from './product-lines';
import type { Random } from './random';
import { splice } from './spliced-strings';
import type { AttachmentEntity, AttachmentFile, TribeSeed } from './tribe-seed';

/** Attaches a PDF to an activity; its base64 shares the document's common padding with every other PDF. */
export function attachPdf(
  seed: TribeSeed,
  random: Random,
  entityId: string,
  description: string,
  fileName: string,
  document: PdfDocument,
  timestamps: Timestamps,
): void {
  const file: AttachmentFile = { Name: fileName, MimeType: 'application/pdf', Size: document.size, Data: '' };
  const attachment: AttachmentEntity = {
    ID: random.uuid(),
    ...timestamps,
    Description: description,
    Entity: { ID: entityId },
    File: file,
  };
  file.Data = splice(attachment, file, 'Data', document.base64Parts);
  seed.Attachment.push(attachment);
}
