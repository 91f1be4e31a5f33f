import { tenantWebhookTypes, tenantWebhookUrl } from '../../domain/webhook-subscriptions';

const documents = ['Activity.Invoice', 'Activity.SalesOrder'];

describe('tenantWebhookTypes', () => {
  it.each([
    ['customers, during the initial sync', { customer: true, supplier: false, extra: [] }, false, documents],
    [
      'customers and suppliers, after the initial sync',
      { customer: true, supplier: true, extra: [] },
      true,
      [
        ...documents,
        'Relationship.Organization.CommercialRelationship.Customer',
        'Relationship.Organization.Supplier',
      ],
    ],
    [
      'suppliers and an extra exported type, after the initial sync',
      {
        customer: false,
        supplier: true,
        extra: ['Relationship_Organization_CommercialRelationship_Partner'],
      },
      true,
      [
        ...documents,
        'Relationship.Organization.Supplier',
        'Relationship.Organization.CommercialRelationship.Partner',
      ],
    ],
    [
      'nothing exported, after the initial sync',
      { customer: false, supplier: false, extra: [] },
      true,
      documents,
    ],
  ])('%s', (_name, relationTypes, initialSyncDone, expected) => {
    expect(tenantWebhookTypes(relationTypes, initialSyncDone)).toEqual(expected);
  });
});

describe('tenantWebhookUrl', () => {
  it.each([
    ['https://koppeling.example.nl', 'acme', 'https://koppeling.example.nl/webhooks/tribe/acme'],
    ['https://koppeling.example.nl/', 'acme', 'https://koppeling.example.nl/webhooks/tribe/acme'],
    [
      'https://example.nl/koppeling//',
      'bakkerij-de-vries',
      'https://example.nl/koppeling/webhooks/tribe/bakkerij-de-vries',
    ],
  ])('%s for tenant %s', (base, tenantId, expected) => {
    expect(tenantWebhookUrl(base, tenantId)).toBe(expected);
  });
});
