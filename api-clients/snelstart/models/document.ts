import { z } from 'zod';
import { flag, guidSchema, text } from './common';

/** The documenttype path values of /documenten. */
export const DOCUMENT_TYPES = ['Verkoopboekingen', 'Relaties', 'Inkoopboekingen'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** DocumentModel: the attachment references a relatie or boeking lists under `documents`. */
export const documentReferenceSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  parentIdentifier: guidSchema.nullish(),
  fileName: text,
  readOnly: flag,
});

/** An item of GET /documenten/{documenttype}/{parentId} (VerkoopBoekingBijlageReferenceModel). */
export const documentListItemSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  verkoopBoekingId: guidSchema.nullish(),
  fileName: text,
  readOnly: flag,
});
export type DocumentListItem = z.infer<typeof documentListItemSchema>;

/** DocumentContentModel: a document with its base64 content (GET /documenten/{id}). */
export const documentContentSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  content: z.string(),
  parentIdentifier: guidSchema.nullish(),
  fileName: text,
  readOnly: flag,
});
export type DocumentContent = z.infer<typeof documentContentSchema>;

export const documentContentWriteSchema = z.object({
  content: z.string(),
  parentIdentifier: guidSchema,
  fileName: z.string(),
  readOnly: z.boolean(),
});
export type DocumentContentWrite = z.input<typeof documentContentWriteSchema>;

/** DocumentIdentifierModel: the answer to an upload. */
export const documentIdentifierSchema = z.looseObject({ id: guidSchema, uri: text });
export type DocumentIdentifier = z.infer<typeof documentIdentifierSchema>;
