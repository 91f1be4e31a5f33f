import { z } from 'zod';
import { optionalNumber, optionalText, tribeRefSchema } from './common';

/** An attachment with its file; `Data` (base64) is present only when `File` was expanded. */
export const tribeAttachmentSchema = z.object({
  ID: z.string(),
  CreationDate: optionalText,
  Description: optionalText,
  Entity: tribeRefSchema.nullish(),
  File: z
    .object({
      Name: z.string(),
      MimeType: z.string(),
      Size: optionalNumber,
      Data: optionalText,
    })
    .nullish(),
});
export type TribeAttachment = z.infer<typeof tribeAttachmentSchema>;
