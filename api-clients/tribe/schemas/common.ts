import { z } from 'zod';

/** Read schemas accept extra properties (zod strips them) and treat absent or null fields alike. */
export const optionalText = z.string().nullish();
export const optionalNumber = z.number().nullish();
export const optionalInteger = z.number().int().nullish();
export const optionalBoolean = z.boolean().nullish();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const guidSchema = z.string().regex(GUID, 'must be a GUID');

/** A navigation reference as Tribe returns it when not expanded. */
export const tribeRefSchema = z.object({ ID: z.string() });
export type TribeRef = z.infer<typeof tribeRefSchema>;

/** Fields every Tribe entity carries. */
export const entityBaseShape = {
  ID: z.string(),
  _Type: optionalText,
  _Name: optionalText,
  CreationDate: optionalText,
  LastMutationDate: z.string(),
  IsActive: optionalBoolean,
};

/** A reference to write: `{ "ID": "<guid>" }`. */
export const refInputSchema = z.strictObject({ ID: guidSchema });
export type TribeRefInput = z.infer<typeof refInputSchema>;

/** Datastore rows (VAT groups, ledger accounts, units, countries, address types, phases, …). */
export const tribeDatastoreRowSchema = z.object({
  ID: z.string(),
  Name: optionalText,
  Code: optionalText,
  Percentage: optionalNumber,
  IsActive: optionalBoolean,
});
export type TribeDatastoreRow = z.infer<typeof tribeDatastoreRowSchema>;
