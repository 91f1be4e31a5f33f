import { z } from 'zod';
import {
  entityBaseShape,
  optionalBoolean,
  optionalNumber,
  optionalText,
  refInputSchema,
  tribeRefSchema,
} from './common';

export const tribeProductSchema = z.object({
  ...entityBaseShape,
  Name: z.string(),
  Code: optionalText,
  Description: optionalText,
  SalesPrice: optionalNumber,
  PurchasePrice: optionalNumber,
  IsInactive: optionalBoolean,
  ImportId: optionalText,
  Unit: tribeRefSchema.nullish(),
  ProductGroup: tribeRefSchema.nullish(),
  VatGroup: tribeRefSchema.nullish(),
  GeneralLedgerAccount: tribeRefSchema.nullish(),
});
export type TribeProduct = z.infer<typeof tribeProductSchema>;

const nullableText = z.string().nullable().optional();
const nullableRef = refInputSchema.nullable().optional();

export const tribeProductUpdateSchema = z.strictObject({
  Name: z.string().trim().min(1).optional(),
  Code: nullableText,
  Description: nullableText,
  SalesPrice: z.number().nullable().optional(),
  PurchasePrice: z.number().nullable().optional(),
  IsInactive: z.boolean().optional(),
  IsActive: z.boolean().optional(),
  ImportId: nullableText,
  Unit: nullableRef,
  ProductGroup: nullableRef,
  VatGroup: nullableRef,
  GeneralLedgerAccount: nullableRef,
});
export type TribeProductUpdate = z.input<typeof tribeProductUpdateSchema>;

export const tribeProductCreateSchema = tribeProductUpdateSchema.extend({ Name: z.string().trim().min(1) });
export type TribeProductCreate = z.input<typeof tribeProductCreateSchema>;
