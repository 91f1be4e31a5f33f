import {
  isEarlierTenantWebhook,
  tenantWebhookTypes,
  tenantWebhookUrl,
  webhookKeyId,
} from '../../domain/webhook-subscriptions';

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
  const key = webhookKeyId('whsec-0123456789abcdef');
  it.each([
    ['https://koppeling.example.nl', 'acme', `https://koppeling.example.nl/webhooks/tribe/acme?key=${key}`],
    ['https://koppeling.example.nl/', 'acme', `https://koppeling.example.nl/webhooks/tribe/acme?key=${key}`],
    [
      'https://example.nl/koppeling//',
      'bakkerij-de-vries',
      `https://example.nl/koppeling/webhooks/tribe/bakkerij-de-vries?key=${key}`,
    ],
  ])('%s for tenant %s', (base, tenantId, expected) => {
    expect(tenantWebhookUrl(base, tenantId, 'whsec-0123456789abcdef')).toBe(expected);
  });

  it('names the key of the secret, not the secret', () => {
    expect(webhookKeyId('whsec-0123456789abcdef')).toMatch(/^[0-9a-f]{12}$/);
    expect(webhookKeyId('whsec-0123456789abcdef')).not.toBe(webhookKeyId('whsec-fedcba9876543210'));
    expect(tenantWebhookUrl('https://k.example.nl', 'acme', 'whsec-0123456789abcdef')).not.toContain('whsec');
  });
});

describe('isEarlierTenantWebhook: a registration of this receiver made with another secret', () => {
  const base = 'https://koppeling.example.nl';
  const now = 'whsec-new-0123456789';
  const before = 'whsec-old-0123456789';
  it.each([
    ['made with the secret before', tenantWebhookUrl(base, 'acme', before), true],
    ['made before keys were named', `${base}/webhooks/tribe/acme`, true],
    ['the current one', tenantWebhookUrl(base, 'acme', now), false],
    ["another tenant's", tenantWebhookUrl(base, 'acme-b', before), false],
    ['a tenant whose id starts alike', `${base}/webhooks/tribe/acme-b`, false],
    ['at an earlier deployment address', tenantWebhookUrl('https://old.example.nl', 'acme', before), false],
  ])('%s: %s', (_case, url, expected) => {
    expect(isEarlierTenantWebhook(url, base, 'acme', now)).toBe(expected);
  });
});
