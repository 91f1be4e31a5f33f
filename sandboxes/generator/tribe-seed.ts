/**
 * Tribe seed: the OData wire model of `sandboxes/tribe/MODEL.md`, keyed by entity set. Navigations are
 * `{ ID }` references. The server-computed `_Type` and `_Name` are left to the sandbox.
 */

export interface Ref {
  ID: string;
}

/** Fields every Tribe entity carries. */
export interface TribeEntity {
  ID: string;
  CreationDate: string;
  LastMutationDate: string;
  IsActive: boolean;
}

export interface CodedEntity extends TribeEntity {
  Name: string;
  Code: string;
}

export interface VatGroupEntity extends CodedEntity {
  Percentage: number;
}

export interface OrganizationEntity extends TribeEntity {
  Name: string;
  PhoneNumber: string | null;
  EmailAddress: string | null;
  Website: string | null;
  VATNumber: string | null;
  ChamberOfCommerceNumber: string | null;
  DebtorNumber: string | null;
  CreditorNumber: string | null;
  IBAN: string | null;
  BIC: string | null;
  VisitingAddress: Ref | null;
  PostalAddress: Ref | null;
}

export interface AddressEntity extends TribeEntity {
  Street: string;
  HouseNumber: number;
  HouseNumberSuffix: string | null;
  Postalcode: string;
  City: string;
  Country: Ref;
  AddressType: Ref;
  Organization: Ref;
}

export interface RelationshipEntity extends TribeEntity {
  Organization: Ref;
  /** The tenant's own organisation. */
  Relation: Ref;
}

export interface TradeRelationshipEntity extends RelationshipEntity {
  PaymentTermInDays: number;
}

export interface IdentityEntity extends TribeEntity {
  Name: string;
  Relation: Ref;
}

export interface ProductEntity extends TribeEntity {
  Name: string;
  Code: string;
  Description: string | null;
  SalesPrice: number;
  PurchasePrice: number;
  IsInactive: boolean;
  Unit: Ref;
  VatGroup: Ref;
  GeneralLedgerAccount: Ref;
  ProductGroup: Ref;
}

export interface SubscriptionEntity extends TribeEntity {
  Subject: string;
  Number: string;
  StartDate: string;
  EndDate: string | null;
  Phase: Ref;
  Relationship: Ref;
}

export interface InvoiceEntity extends TribeEntity {
  Subject: string;
  Number: string;
  InvoiceDate: string;
  DueDate: string;
  Currency: 'EUR';
  TotalExcludingVat: number;
  VatAmount: number;
  TotalIncludingVat: number;
  IsCredit: boolean;
  Phase: Ref;
  Relationship: Ref;
  Subscription: Ref | null;
}

export interface SalesOrderEntity extends TribeEntity {
  Subject: string;
  Number: string;
  CustomerReference: string | null;
  DeliveryDate: string;
  Phase: Ref;
  Relationship: Ref;
}

export interface ProductLineEntity extends TribeEntity {
  Description: string;
  Quantity: number;
  Price: number;
  DiscountPercentage: number;
  VatPercentage: number;
  TotalExcludingVat: number;
  VatAmount: number;
  TotalIncludingVat: number;
  Activity: Ref;
  Product: Ref;
  VatGroup: Ref;
  GeneralLedgerAccount: Ref;
}

export interface AttachmentFile {
  Name: string;
  MimeType: string;
  /** Decoded size in bytes. */
  Size: number;
  /** Base64. */
  Data: string;
}

export interface AttachmentEntity extends TribeEntity {
  Description: string;
  Entity: Ref;
  File: AttachmentFile;
}

export interface TribeSeed {
  Relation_Organization: OrganizationEntity[];
  Address: AddressEntity[];
  Relationship_Organization_Identity: IdentityEntity[];
  Relationship_Organization_CommercialRelationship_Customer: TradeRelationshipEntity[];
  Relationship_Organization_Supplier: TradeRelationshipEntity[];
  Relationship_Organization_CommercialRelationship_Prospect: RelationshipEntity[];
  Product: ProductEntity[];
  ProductGroup: CodedEntity[];
  Datastore_Unit: CodedEntity[];
  Datastore_GeneralLedgerAccount: CodedEntity[];
  Datastore_Country: CodedEntity[];
  Datastore_VatGroup: VatGroupEntity[];
  Datastore_AdressType: CodedEntity[];
  Datastore_RelationshipType: CodedEntity[];
  Datastore_Phase_ActivityInvoice: CodedEntity[];
  Datastore_Phase_ActivitySalesOrder: CodedEntity[];
  Datastore_Phase_ActivitySubscription: CodedEntity[];
  Activity_Subscription: SubscriptionEntity[];
  Activity_Invoice: InvoiceEntity[];
  Activity_SalesOrder: SalesOrderEntity[];
  ProductLine: ProductLineEntity[];
  Attachment: AttachmentEntity[];
}
