/**
 * Structural subsets of the Tribe CRM OData entities this domain reads and writes (PascalCase, see
 * sandboxes/tribe/MODEL.md). Read fields are optional and nullable so that the Tribe client's zod-inferred
 * types are assignable; navigation properties accept both the bare `{ ID }` reference and the expanded record.
 */

/** A navigation reference as written: `{ "ID": "<guid>" }`. */
export interface TribeReference {
  readonly ID: string;
}

/** A navigation property as read: a reference, possibly expanded with `Code`/`Name`. */
export interface TribeCodedReference {
  readonly ID: string;
  readonly Code?: string | null;
  readonly Name?: string | null;
}

export interface TribeAddress {
  readonly ID?: string | null;
  readonly Street?: string | null;
  readonly HouseNumber?: number | null;
  readonly HouseNumberSuffix?: string | null;
  readonly Postalcode?: string | null;
  readonly City?: string | null;
  readonly Country?: TribeCodedReference | null;
  readonly AddressType?: TribeCodedReference | null;
}

/** `Relation_Organization`, with `VisitingAddress`/`PostalAddress` expanded when addresses are needed. */
export interface TribeOrganisation {
  readonly ID: string;
  readonly Name?: string | null;
  readonly PhoneNumber?: string | null;
  readonly EmailAddress?: string | null;
  readonly Website?: string | null;
  readonly VATNumber?: string | null;
  readonly ChamberOfCommerceNumber?: string | null;
  readonly DebtorNumber?: string | null;
  readonly CreditorNumber?: string | null;
  readonly IBAN?: string | null;
  readonly BIC?: string | null;
  readonly VisitingAddress?: TribeAddress | null;
  readonly PostalAddress?: TribeAddress | null;
  readonly LastMutationDate?: string | null;
}

/** An `Address` as written (inline in an organisation for a deep insert, or `PUT /Address(id)`). */
export interface TribeAddressWrite {
  Street: string | null;
  HouseNumber: number | null;
  HouseNumberSuffix: string | null;
  Postalcode: string | null;
  City: string | null;
  Country: TribeReference | null;
  AddressType: TribeReference;
}

/** The scalar `Relation_Organization` fields the sync writes (Tribe requires a non-empty `Name`). */
export interface TribeOrganisationFields {
  Name: string;
  PhoneNumber: string | null;
  EmailAddress: string | null;
  Website: string | null;
  VATNumber: string | null;
  ChamberOfCommerceNumber: string | null;
  IBAN: string | null;
  BIC: string | null;
  DebtorNumber: string | null;
  CreditorNumber: string | null;
}

export interface TribeProduct {
  readonly ID: string;
  readonly Name?: string | null;
  readonly Code?: string | null;
  readonly SalesPrice?: number | null;
  readonly PurchasePrice?: number | null;
  readonly IsInactive?: boolean | null;
  readonly Unit?: TribeCodedReference | null;
  readonly ProductGroup?: TribeCodedReference | null;
  readonly VatGroup?: TribeVatGroupReference | null;
  readonly GeneralLedgerAccount?: TribeCodedReference | null;
  readonly LastMutationDate?: string | null;
}

/** The `Product` fields the sync writes (Tribe requires a non-empty `Name`). */
export interface TribeProductWrite {
  Name: string;
  Code: string | null;
  SalesPrice: number | null;
  PurchasePrice: number | null;
  IsInactive: boolean;
  Unit: TribeReference | null;
  ProductGroup: TribeReference | null;
}

/** `Datastore_Unit`, `Datastore_Country` (Code = ISO alpha-2), `ProductGroup`: all `{ ID, Name, Code }`. */
export interface TribeCodedRecord {
  readonly ID: string;
  readonly Name?: string | null;
  readonly Code?: string | null;
}

export interface TribeVatGroupReference extends TribeCodedReference {
  readonly Percentage?: number | null;
}

/** `Activity_Invoice`. */
export interface TribeInvoice {
  readonly ID: string;
  readonly Number?: string | null;
  readonly Subject?: string | null;
  /** `YYYY-MM-DD`. */
  readonly InvoiceDate?: string | null;
  /** `YYYY-MM-DD`. */
  readonly DueDate?: string | null;
  readonly Currency?: string | null;
  readonly TotalExcludingVat?: number | null;
  readonly VatAmount?: number | null;
  readonly TotalIncludingVat?: number | null;
  readonly IsCredit?: boolean | null;
}

/** `ProductLine` of an invoice or sales order, with `Product` expanded when its defaults are needed. */
export interface TribeProductLine {
  readonly ID: string;
  readonly Description?: string | null;
  readonly Quantity?: number | null;
  readonly Price?: number | null;
  readonly DiscountPercentage?: number | null;
  readonly VatPercentage?: number | null;
  readonly TotalExcludingVat?: number | null;
  readonly VatAmount?: number | null;
  readonly TotalIncludingVat?: number | null;
  readonly Product?: TribeProductLineProduct | null;
  readonly VatGroup?: TribeVatGroupReference | null;
  readonly GeneralLedgerAccount?: TribeCodedReference | null;
}

export interface TribeProductLineProduct {
  readonly ID: string;
  readonly Name?: string | null;
  readonly VatGroup?: TribeVatGroupReference | null;
  readonly GeneralLedgerAccount?: TribeCodedReference | null;
}

/** `Activity_SalesOrder`. */
export interface TribeSalesOrder {
  readonly ID: string;
  readonly Number?: string | null;
  readonly Subject?: string | null;
  readonly CustomerReference?: string | null;
  /** ISO-8601 instant with `Z`. */
  readonly CreationDate?: string | null;
}
