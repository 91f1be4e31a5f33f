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

describe('isEarlierTenantWebhook: a registration of this receiver made with an earlier secret', () => {
  const base = 'https://koppeling.example.nl';
  const before = 'whsec-old-0123456789';
  it.each<[string, string, string | undefined, boolean]>([
    ['made with the previous secret', tenantWebhookUrl(base, 'acme', before), before, true],
    ['made before keys were named', `${base}/webhooks/tribe/acme`, before, true],
    ['made before keys were named, no previous secret set', `${base}/webhooks/tribe/acme`, undefined, true],
    ['the current one', tenantWebhookUrl(base, 'acme', 'whsec-new-0123456789'), before, false],
    [
      'a key this process does not know (a newer secret elsewhere)',
      tenantWebhookUrl(base, 'acme', 'whsec-newer-01234567'),
      before,
      false,
    ],
    [
      'the previous key, when no previous secret is set',
      tenantWebhookUrl(base, 'acme', before),
      undefined,
      false,
    ],
    ["another tenant's", tenantWebhookUrl(base, 'acme-b', before), before, false],
    ['a tenant whose id starts alike', `${base}/webhooks/tribe/acme-b`, before, false],
    [
      'at an earlier deployment address',
      tenantWebhookUrl('https://old.example.nl', 'acme', before),
      before,
      false,
    ],
  ])('%s: %s', (_case, url, previousSecret, expected) => {
    expect(isEarlierTenantWebhook(url, base, 'acme', previousSecret)).toBe(expected);
  });
});
