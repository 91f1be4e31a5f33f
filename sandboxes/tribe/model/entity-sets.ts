import {
  BASE_FIELDS,
  type CollectionNavigationDef,
  type EntitySetDef,
  type FieldDef,
  type NavigationDef,
} from './entity-model';

export const CUSTOMER_SET = 'Relationship_Organization_CommercialRelationship_Customer';
export const SUPPLIER_SET = 'Relationship_Organization_Supplier';
export const PROSPECT_SET = 'Relationship_Organization_CommercialRelationship_Prospect';
export const IDENTITY_SET = 'Relationship_Organization_Identity';
export const ACTIVITY_SETS = ['Activity_Invoice', 'Activity_SalesOrder', 'Activity_Subscription'] as const;

const text = (name: string, maxLength: number, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  kind: 'string',
  maxLength,
  ...extra,
});
const num = (name: string): FieldDef => ({ name, kind: 'number' });
const nav = (
  name: string,
  targets: string | readonly string[],
  deepInsert: Pick<NavigationDef, 'deepInsert' | 'backReference' | 'impliedValue'> = {},
): NavigationDef => ({
  name,
  targets: typeof targets === 'string' ? [targets] : targets,
  ...deepInsert,
});

const addressOf = (name: string, addressTypeCode: string): NavigationDef =>
  nav(name, 'Address', {
    deepInsert: true,
    backReference: 'Organization',
    impliedValue: { navigation: 'AddressType', code: addressTypeCode },
  });

interface SetSpec {
  name: string;
  fields?: FieldDef[];
  navigations?: NavigationDef[];
  collections?: CollectionNavigationDef[];
  writable?: boolean;
  nameFields?: string[];
}

function entitySet(spec: SetSpec): EntitySetDef {
  const isDatastore = spec.name.startsWith('Datastore_');
  const fields = spec.fields ?? [];
  const navigations = spec.navigations ?? [];
  const collections = spec.collections ?? [];
  return {
    name: spec.name,
    typeName: spec.name.replace(/_/g, '.'),
    fields,
    navigations,
    collections,
    writable: spec.writable ?? !isDatastore,
    isDatastore,
    nameFields: spec.nameFields ?? ['Name'],
    fieldsByName: new Map([...BASE_FIELDS, ...fields].map((field) => [field.name, field])),
    navigationsByName: new Map(navigations.map((navigation) => [navigation.name, navigation])),
    collectionsByName: new Map(collections.map((collection) => [collection.name, collection])),
  };
}

const codeAndName = (): FieldDef[] => [text('Name', 255), text('Code', 100, { indexed: true })];
const datastore = (name: string, extra: FieldDef[] = []): EntitySetDef =>
  entitySet({ name, fields: [...codeAndName(), ...extra] });

const relationshipSet = (name: string, fields: FieldDef[] = []): EntitySetDef =>
  entitySet({
    name,
    fields: [text('Name', 255), ...fields],
    navigations: [
      nav('Organization', 'Relation_Organization', { deepInsert: true }),
      nav('Relation', 'Relation_Organization'),
    ],
  });

const activityCollections = (): CollectionNavigationDef[] => [
  { name: 'ProductLines', source: 'ProductLine', via: 'Activity' },
  { name: 'Attachments', source: 'Attachment', via: 'Entity' },
];

const activitySet = (name: string, phaseSet: string, fields: FieldDef[], navigations: NavigationDef[] = []) =>
  entitySet({
    name,
    fields: [text('Subject', 255), text('Number', 50, { indexed: true }), ...fields],
    navigations: [nav('Phase', phaseSet), nav('Relationship', CUSTOMER_SET), ...navigations],
    collections: activityCollections(),
    nameFields: ['Subject', 'Number'],
  });

export const ENTITY_SETS: readonly EntitySetDef[] = [
  entitySet({
    name: 'Relation_Organization',
    fields: [
      text('Name', 255, { required: true, indexed: true }),
      text('PhoneNumber', 50),
      text('EmailAddress', 255),
      text('Website', 255),
      text('VATNumber', 30),
      text('ChamberOfCommerceNumber', 20),
      text('DebtorNumber', 20, { indexed: true }),
      text('CreditorNumber', 20, { indexed: true }),
      text('IBAN', 34),
      text('BIC', 11),
      text('ImportId', 255, { indexed: true }),
    ],
    navigations: [addressOf('VisitingAddress', 'Visiting'), addressOf('PostalAddress', 'Postal')],
  }),
  entitySet({
    name: 'Address',
    fields: [
      text('Street', 255),
      { name: 'HouseNumber', kind: 'integer', indexedUnderPrefixOf: 'Postalcode' },
      text('HouseNumberSuffix', 20),
      text('Postalcode', 20, { indexed: true }),
      text('City', 255),
    ],
    navigations: [
      nav('Organization', 'Relation_Organization'),
      nav('AddressType', 'Datastore_AdressType'),
      nav('Country', 'Datastore_Country'),
    ],
    nameFields: ['Street', 'City'],
  }),
  relationshipSet(CUSTOMER_SET, [{ name: 'PaymentTermInDays', kind: 'integer' }]),
  relationshipSet(SUPPLIER_SET, [{ name: 'PaymentTermInDays', kind: 'integer' }]),
  relationshipSet(PROSPECT_SET),
  entitySet({
    name: IDENTITY_SET,
    fields: [text('Name', 255)],
    navigations: [nav('Relation', 'Relation_Organization')],
    writable: false,
  }),
  entitySet({
    name: 'Product',
    fields: [
      text('Name', 255, { required: true }),
      text('Code', 50, { indexed: true }),
      text('Description', 4000),
      num('SalesPrice'),
      num('PurchasePrice'),
      { name: 'IsInactive', kind: 'boolean' },
      text('ImportId', 255, { indexed: true }),
    ],
    navigations: [
      nav('Unit', 'Datastore_Unit'),
      nav('ProductGroup', 'ProductGroup'),
      nav('VatGroup', 'Datastore_VatGroup'),
      nav('GeneralLedgerAccount', 'Datastore_GeneralLedgerAccount'),
    ],
  }),
  entitySet({ name: 'ProductGroup', fields: codeAndName() }),
  datastore('Datastore_Unit'),
  datastore('Datastore_GeneralLedgerAccount'),
  datastore('Datastore_Country'),
  datastore('Datastore_VatGroup', [num('Percentage')]),
  datastore('Datastore_AdressType'),
  datastore('Datastore_RelationshipType'),
  datastore('Datastore_Phase_ActivityInvoice'),
  datastore('Datastore_Phase_ActivitySalesOrder'),
  datastore('Datastore_Phase_ActivitySubscription'),
  activitySet(
    'Activity_Invoice',
    'Datastore_Phase_ActivityInvoice',
    [
      { name: 'InvoiceDate', kind: 'date' },
      { name: 'DueDate', kind: 'date' },
      text('Currency', 3),
      num('TotalExcludingVat'),
      num('VatAmount'),
      num('TotalIncludingVat'),
      { name: 'IsCredit', kind: 'boolean' },
    ],
    [nav('Subscription', 'Activity_Subscription')],
  ),
  activitySet('Activity_SalesOrder', 'Datastore_Phase_ActivitySalesOrder', [
    text('CustomerReference', 100),
    { name: 'DeliveryDate', kind: 'date' },
  ]),
  activitySet('Activity_Subscription', 'Datastore_Phase_ActivitySubscription', [
    { name: 'StartDate', kind: 'date' },
    { name: 'EndDate', kind: 'date' },
  ]),
  entitySet({
    name: 'ProductLine',
    fields: [
      text('Description', 4000),
      num('Quantity'),
      num('Price'),
      num('DiscountPercentage'),
      num('VatPercentage'),
      num('TotalExcludingVat'),
      num('VatAmount'),
      num('TotalIncludingVat'),
    ],
    navigations: [
      nav('Activity', ACTIVITY_SETS),
      nav('Product', 'Product'),
      nav('VatGroup', 'Datastore_VatGroup'),
      nav('GeneralLedgerAccount', 'Datastore_GeneralLedgerAccount'),
    ],
    nameFields: ['Description'],
  }),
  entitySet({
    name: 'Attachment',
    fields: [text('Description', 255), { name: 'File', kind: 'file' }],
    navigations: [nav('Entity', ACTIVITY_SETS)],
    nameFields: ['Description'],
  }),
];

const byName = new Map(ENTITY_SETS.map((def) => [def.name, def]));
const byTypeName = new Map(ENTITY_SETS.map((def) => [def.typeName, def]));

export function findEntitySet(name: string): EntitySetDef | undefined {
  return byName.get(name);
}

export function findEntitySetByType(typeName: string): EntitySetDef | undefined {
  return byTypeName.get(typeName);
}

/** Largest decoded attachment the sandbox accepts. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
