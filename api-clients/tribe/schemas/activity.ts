import { z } from 'zod';
import {
  entityBaseShape,
  optionalBoolean,
  optionalNumber,
  optionalText,
  tribeDatastoreRowSchema,
  tribeRefSchema,
} from './common';
import { tribeCustomerWithOrganizationSchema } from './relationship';

/** The product of a line, expanded with the defaults a line without its own VAT group or ledger falls back to. */
const lineProductSchema = z.object({
  ID: z.string(),
  Name: optionalText,
  VatGroup: tribeDatastoreRowSchema.nullish(),
  GeneralLedgerAccount: tribeDatastoreRowSchema.nullish(),
});

/** An invoice, order or subscription line, with its VAT group, ledger account and product expanded. */
export const tribeProductLineSchema = z.object({
  ID: z.string(),
  Description: optionalText,
  Quantity: optionalNumber,
  Price: optionalNumber,
  DiscountPercentage: optionalNumber,
  VatPercentage: optionalNumber,
  TotalExcludingVat: optionalNumber,
  VatAmount: optionalNumber,
  TotalIncludingVat: optionalNumber,
  Product: lineProductSchema.nullish(),
  VatGroup: tribeDatastoreRowSchema.nullish(),
  GeneralLedgerAccount: tribeDatastoreRowSchema.nullish(),
});
export type TribeProductLine = z.infer<typeof tribeProductLineSchema>;

/** Shared by invoices, sales orders and subscriptions: phase, customer with organisation, and lines. */
const activityShape = {
  ...entityBaseShape,
  Subject: optionalText,
  Number: optionalText,
  Phase: tribeDatastoreRowSchema.nullish(),
  Relationship: tribeCustomerWithOrganizationSchema.nullish(),
  ProductLines: z.array(tribeProductLineSchema),
};

export const tribeInvoiceSchema = z.object({
  ...activityShape,
  InvoiceDate: optionalText,
  DueDate: optionalText,
  Currency: optionalText,
  TotalExcludingVat: optionalNumber,
  VatAmount: optionalNumber,
  TotalIncludingVat: optionalNumber,
  IsCredit: optionalBoolean,
  Subscription: tribeRefSchema.nullish(),
});
export type TribeInvoice = z.infer<typeof tribeInvoiceSchema>;

export const tribeSalesOrderSchema = z.object({
  ...activityShape,
  CustomerReference: optionalText,
  DeliveryDate: optionalText,
});
export type TribeSalesOrder = z.infer<typeof tribeSalesOrderSchema>;

export const tribeSubscriptionSchema = z.object({
  ...activityShape,
  StartDate: optionalText,
  EndDate: optionalText,
});
export type TribeSubscription = z.infer<typeof tribeSubscriptionSchema>;
