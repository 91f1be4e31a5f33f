import { z } from 'zod';

/** SnelStart ids are GUIDs; `z.guid()` accepts every GUID shape (also ones without an RFC 4122 variant). */
export const guidSchema = z.guid();

/** A reference as SnelStart answers it: `{ id, uri }`. */
export const identifierSchema = z.looseObject({ id: guidSchema, uri: z.string().nullish() });

/** A reference as SnelStart reads it: just the id (the uri is read-only). */
export const identifierInput = z.object({ id: guidSchema });

export const text = z.string().nullish();
export const flag = z.boolean().nullish();
export const amount = z.number().nullish();
export const whole = z.number().int().nullish();
/** A zone-less wall-clock date-time, `yyyy-MM-ddTHH:mm:ss[.fff]`. */
export const wallClock = z.string().nullish();

export const BTW_SOORTEN = ['Geen', 'Laag', 'Hoog', 'Overig'] as const;
export const btwSoortSchema = z.enum(BTW_SOORTEN);
export type BtwSoort = z.infer<typeof btwSoortSchema>;
