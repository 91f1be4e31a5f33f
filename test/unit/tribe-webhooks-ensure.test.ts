import { TribeApiError } from '../../api-clients/tribe/errors';
import type { TribeTransport } from '../../api-clients/tribe/transport';
import { TribeWebhooks } from '../../api-clients/tribe/webhooks';
import { isEarlierTenantWebhook, tenantWebhookUrl } from '../../domain/webhook-subscriptions';

const BASE = 'https://koppeling.example.nl';
const NOW = 'whsec-now-0123456789';
const BEFORE = 'whsec-before-0123456';
const current = tenantWebhookUrl(BASE, 'acme', NOW);

interface Call {
  method: string;
  url: string;
  body?: unknown;
}

/** Tribe's webhook list as the transport answers it, recording every request in order. */
function fakeTransport(
  registered: { id: string; entityType: string; webhookUrl: string }[],
  fail: Partial<Record<string, unknown>> = {},
) {
  const calls: Call[] = [];
  const transport = {
    async request(request: { method: string; url: string; body?: unknown }) {
      calls.push({ method: request.method, url: request.url, body: request.body });
      const failure = fail[`${request.method} ${request.url}`] ?? fail[request.method];
      if (failure) throw failure;
      if (request.method === 'GET') return { value: registered };
      if (request.method === 'POST') return { id: `new-${calls.length}`, ...(request.body as object) };
      return undefined;
    },
  };
  return {
    calls,
    webhooks: new TribeWebhooks(transport as unknown as TribeTransport, 'https://tribe/v1/webhooks'),
  };
}

const ensure = (webhooks: TribeWebhooks) =>
  webhooks.ensure({
    webhookUrl: current,
    secret: NOW,
    entityTypes: ['Activity.Invoice', 'Activity.SalesOrder'],
    replaces: (url) => isEarlierTenantWebhook(url, BASE, 'acme', BEFORE),
  });

const REGISTERED = [
  { id: 'now-invoice', entityType: 'Activity.Invoice', webhookUrl: current },
  {
    id: 'before-invoice',
    entityType: 'Activity.Invoice',
    webhookUrl: tenantWebhookUrl(BASE, 'acme', BEFORE),
  },
  {
    id: 'before-order',
    entityType: 'Activity.SalesOrder',
    webhookUrl: tenantWebhookUrl(BASE, 'acme', BEFORE),
  },
  { id: 'unkeyed-order', entityType: 'Activity.SalesOrder', webhookUrl: `${BASE}/webhooks/tribe/acme` },
  {
    id: 'newer-invoice',
    entityType: 'Activity.Invoice',
    webhookUrl: tenantWebhookUrl(BASE, 'acme', 'whsec-newer-0123456'),
  },
  {
    id: 'other-tenant',
    entityType: 'Activity.Invoice',
    webhookUrl: tenantWebhookUrl(BASE, 'acme-b', BEFORE),
  },
];

describe('TribeWebhooks.ensure with earlier registrations', () => {
  it('registers what is missing first, then removes only the earlier ones of this tenant', async () => {
    const { calls, webhooks } = fakeTransport(REGISTERED);
    expect(await ensure(webhooks)).toEqual({ added: ['Activity.SalesOrder'], replaced: 3 });
    expect(
      calls.map((call) => `${call.method} ${call.url.replace('https://tribe/v1/webhooks', '')}`),
    ).toEqual(['GET ', 'POST ', 'DELETE /before-invoice', 'DELETE /before-order', 'DELETE /unkeyed-order']);
    expect(calls[1]?.body).toEqual({ entityType: 'Activity.SalesOrder', webhookUrl: current, secret: NOW });
  });

  it('keeps the earlier ones when registering their successors fails, so events keep coming', async () => {
    const { calls, webhooks } = fakeTransport(REGISTERED, {
      POST: new TribeApiError({
        status: 503,
        code: 'unavailable',
        message: 'down',
        retryable: true,
        method: 'POST',
      }),
    });
    await expect(ensure(webhooks)).rejects.toThrow('down');
    expect(calls.filter((call) => call.method === 'DELETE')).toEqual([]);
  });

  it('takes an earlier one already removed (a registration at the same moment) as removed', async () => {
    const { webhooks } = fakeTransport(REGISTERED, {
      'DELETE https://tribe/v1/webhooks/before-order': new TribeApiError({
        status: 404,
        code: 'NotFound',
        message: 'no such webhook',
        retryable: false,
        method: 'DELETE',
      }),
    });
    expect(await ensure(webhooks)).toEqual({ added: ['Activity.SalesOrder'], replaced: 3 });
  });
});
