import { z } from 'zod';
import { entityBaseShape, optionalInteger, optionalText, refInputSchema, tribeRefSchema } from './common';
import { tribeOrganizationSchema } from './organization';

/** A role of an organisation towards the tenant's own organisation (customer, supplier, prospect, …). */
export const tribeRelationshipSchema = z.object({
  ...entityBaseShape,
  Name: optionalText,
  PaymentTermInDays: optionalInteger,
  Organization: tribeRefSchema.nullish(),
  Relation: tribeRefSchema.nullish(),
});
export type TribeRelationship = z.infer<typeof tribeRelationshipSchema>;

/** A customer relationship with its organisation (and the organisation's addresses) expanded. */
export const tribeCustomerWithOrganizationSchema = tribeRelationshipSchema.extend({
  Organization: tribeOrganizationSchema.nullish(),
});
export type TribeCustomerWithOrganization = z.infer<typeof tribeCustomerWithOrganizationSchema>;

export const tribeRelationshipCreateSchema = z.strictObject({
  Organization: refInputSchema,
  /** Defaults to the tenant's own organisation. */
  Relation: refInputSchema.optional(),
  PaymentTermInDays: z.number().int().nullable().optional(),
});
export type TribeRelationshipCreate = z.input<typeof tribeRelationshipCreateSchema>;
