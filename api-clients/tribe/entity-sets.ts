/** Tribe entity set names the client uses. */
export const TRIBE_SETS = {
  organization: 'Relation_Organization',
  address: 'Address',
  identity: 'Relationship_Organization_Identity',
  customer: 'Relationship_Organization_CommercialRelationship_Customer',
  supplier: 'Relationship_Organization_Supplier',
  product: 'Product',
  productGroup: 'ProductGroup',
  vatGroup: 'Datastore_VatGroup',
  generalLedgerAccount: 'Datastore_GeneralLedgerAccount',
  unit: 'Datastore_Unit',
  country: 'Datastore_Country',
  addressType: 'Datastore_AdressType',
  relationshipType: 'Datastore_RelationshipType',
  invoice: 'Activity_Invoice',
  salesOrder: 'Activity_SalesOrder',
  subscription: 'Activity_Subscription',
  productLine: 'ProductLine',
  attachment: 'Attachment',
} as const;

export const PHASE_SETS = {
  invoice: 'Datastore_Phase_ActivityInvoice',
  salesOrder: 'Datastore_Phase_ActivitySalesOrder',
  subscription: 'Datastore_Phase_ActivitySubscription',
} as const;

export type TribePhaseKind = keyof typeof PHASE_SETS;
