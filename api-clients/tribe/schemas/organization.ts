import { z } from 'zod';
import {
  entityBaseShape,
  guidSchema,
  optionalInteger,
  optionalText,
  refInputSchema,
  tribeDatastoreRowSchema,
  tribeRefSchema,
} from './common';

/** An address with `Country` and `AddressType` expanded (a bare reference also parses). */
export const tribeAddressSchema = z.object({
  ID: z.string(),
  LastMutationDate: optionalText,
  Street: optionalText,
  HouseNumber: optionalInteger,
  HouseNumberSuffix: optionalText,
  Postalcode: optionalText,
  City: optionalText,
  Country: tribeDatastoreRowSchema.nullish(),
  AddressType: tribeDatastoreRowSchema.nullish(),
  Organization: tribeRefSchema.nullish(),
});
export type TribeAddress = z.infer<typeof tribeAddressSchema>;

export const tribeOrganizationSchema = z.object({
  ...entityBaseShape,
  Name: z.string(),
  PhoneNumber: optionalText,
  EmailAddress: optionalText,
  Website: optionalText,
  VATNumber: optionalText,
  ChamberOfCommerceNumber: optionalText,
  DebtorNumber: optionalText,
  CreditorNumber: optionalText,
  IBAN: optionalText,
  BIC: optionalText,
  ImportId: optionalText,
  VisitingAddress: tribeAddressSchema.nullish(),
  PostalAddress: tribeAddressSchema.nullish(),
});
export type TribeOrganization = z.infer<typeof tribeOrganizationSchema>;

const nullableText = z.string().nullable().optional();

/**
 * An address to write inline with its organisation: without `ID` it is created (deep insert), with the `ID`
 * of an existing address that address is updated.
 */
export const tribeAddressInputSchema = z.strictObject({
  ID: guidSchema.optional(),
  Street: nullableText,
  HouseNumber: z.number().int().nullable().optional(),
  HouseNumberSuffix: nullableText,
  Postalcode: nullableText,
  City: nullableText,
  Country: refInputSchema.nullable().optional(),
  AddressType: refInputSchema.nullable().optional(),
});
export type TribeAddressInput = z.input<typeof tribeAddressInputSchema>;

export const tribeOrganizationUpdateSchema = z.strictObject({
  Name: z.string().trim().min(1).optional(),
  PhoneNumber: nullableText,
  EmailAddress: nullableText,
  Website: nullableText,
  VATNumber: nullableText,
  ChamberOfCommerceNumber: nullableText,
  DebtorNumber: nullableText,
  CreditorNumber: nullableText,
  IBAN: nullableText,
  BIC: nullableText,
  ImportId: nullableText,
  IsActive: z.boolean().optional(),
  VisitingAddress: tribeAddressInputSchema.nullable().optional(),
  PostalAddress: tribeAddressInputSchema.nullable().optional(),
});
export type TribeOrganizationUpdate = z.input<typeof tribeOrganizationUpdateSchema>;

export const tribeOrganizationCreateSchema = tribeOrganizationUpdateSchema.extend({
  Name: z.string().trim().min(1),
});
export type TribeOrganizationCreate = z.input<typeof tribeOrganizationCreateSchema>;
