import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { TribeWebhookNotification } from '../../api-clients/tribe/schemas/webhook';
import { FakeOperatorService, request, startAdminApi, type RunningAdminApi } from './admin-api-fake-service';

const secret = 'tribe-webhook-secret-0123456789';
const sign = (body: string | Buffer, key = secret) => createHmac('sha512', key).update(body).digest('base64');

/** Deliberately not how JSON.stringify would write it: odd spacing, key order and non-ASCII text. */
const rawInvoiceEvent = Buffer.from(
  '{ "payload" : {"entityType":"Activity.Invoice", "type":"EntityUpdateMutation",\n' +
    '  "entityId":"inv-1","timestamp":"2025-11-28T10:00:00Z", "note":"Café €"},  "webhookId":"wh-1" }\n',
  'utf8',
);

describe('Tribe webhook receiver', () => {
  let api: RunningAdminApi;
  let received: { tenantId: string; event: TribeWebhookNotification }[];
  let roles: { tenantId: string; event: TribeWebhookNotification }[];
  let logLines: string[];
  let failHandler: boolean;

  beforeEach(async () => {
    received = [];
    roles = [];
    logLines = [];
    failHandler = false;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    api = await startAdminApi(new FakeOperatorService(), {
      logger: pino({ level: 'info' }, sink),
      webhook: {
        secret,
        onInvoiceEvent: async (tenantId, event) => {
          if (failHandler) throw new Error('queue unavailable');
          if (tenantId === 'gone') return { ignored: 'tenant gone is not known' };
          received.push({ tenantId, event });
        },
        onRoleEvent: (tenantId, event) => {
          roles.push({ tenantId, event });
        },
      },
    });
  });

  afterEach(() => api.close());

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    request(api, 'POST', '/webhooks/tribe/acme', {
      headers: { 'content-type': 'application/json', ...headers },
      payload: body,
    });

  it('accepts a correctly signed invoice event without a bearer token and hands it on', async () => {
    const res = await post(rawInvoiceEvent, { 'x-tribe-signature': sign(rawInvoiceEvent) });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true, handled: true });
    expect(received).toEqual([
      {
        tenantId: 'acme',
        event: {
          webhookId: 'wh-1',
          payload: {
            type: 'EntityUpdateMutation',
            entityType: 'Activity.Invoice',
            entityId: 'inv-1',
            timestamp: '2025-11-28T10:00:00Z',
          },
        },
      },
    ]);
  });

  it('acknowledges but does not handle an event the handler ignores (an unknown or deactivated tenant), and logs why', async () => {
    const res = await request(api, 'POST', '/webhooks/tribe/gone', {
      headers: { 'content-type': 'application/json', 'x-tribe-signature': sign(rawInvoiceEvent) },
      payload: rawInvoiceEvent,
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true, handled: false });
    expect(received).toEqual([]);
    expect(logLines.join('')).toContain('ignored a Tribe webhook');
    expect(logLines.join('')).toContain('tenant gone is not known');
  });

  it('computes the HMAC over the exact bytes received, not over re-serialised JSON', async () => {
    const reserialised = JSON.stringify(JSON.parse(rawInvoiceEvent.toString('utf8')));
    const res = await post(rawInvoiceEvent, { 'x-tribe-signature': sign(reserialised) });
    expect(res.statusCode).toBe(401);
    expect(received).toEqual([]);
  });

  it('hands a relationship event (an organisation became a supplier) to the role review, not to booking', async () => {
    const body = JSON.stringify({
      webhookId: 'wh-3',
      payload: {
        type: 'EntityCreationMutation',
        entityType: 'Relationship.Organization.Supplier',
        entityId: 'rel-1',
        timestamp: '2025-11-28T10:00:00Z',
      },
    });
    const res = await post(body, { 'x-tribe-signature': sign(body) });
    expect(res.json()).toEqual({ accepted: true, handled: true });
    expect(received).toEqual([]);
    expect(roles.map(({ tenantId, event }) => [tenantId, event.payload.entityId])).toEqual([
      ['acme', 'rel-1'],
    ]);
  });

  it('hands on sales-order events and acknowledges other entity types without acting', async () => {
    const event = (entityType: string) =>
      JSON.stringify({
        webhookId: 'wh-2',
        payload: {
          type: 'EntityUpdateMutation',
          entityType,
          entityId: 'x-1',
          timestamp: '2025-11-28T10:00:00Z',
        },
      });
    const salesOrder = event('Activity.SalesOrder');
    const organisation = event('Relation.Organization');

    expect((await post(salesOrder, { 'x-tribe-signature': sign(salesOrder) })).json()).toEqual({
      accepted: true,
      handled: true,
    });
    expect((await post(organisation, { 'x-tribe-signature': sign(organisation) })).json()).toEqual({
      accepted: true,
      handled: false,
    });
    expect(received.map((r) => r.event.payload.entityType)).toEqual(['Activity.SalesOrder']);
  });

  it.each([
    ['missing', {}],
    ['signed with another secret', { 'x-tribe-signature': sign(rawInvoiceEvent, 'another-secret') }],
    ['not base64 at all', { 'x-tribe-signature': 'forged' }],
  ])('refuses a signature that is %s, and logs the tenant but not the body', async (_name, headers) => {
    const res = await post(rawInvoiceEvent, headers);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('unauthorized');
    expect(received).toEqual([]);
    const warning = logLines.map((line) => JSON.parse(line)).find((line) => line.level === 40);
    expect(warning).toMatchObject({ tenantId: 'acme', msg: expect.stringContaining('signature') });
    expect(logLines.join('')).not.toContain('inv-1');
  });

  it('accepts the previous secret while the webhooks move to a new one, and no third one', async () => {
    const rotating = await startAdminApi(new FakeOperatorService(), {
      webhook: {
        secret,
        previousSecret: 'tribe-webhook-secret-before-0123',
        onInvoiceEvent: (tenantId, event) => {
          received.push({ tenantId, event });
        },
      },
    });
    try {
      const deliver = (key: string) =>
        request(rotating, 'POST', '/webhooks/tribe/acme?key=0123456789ab', {
          headers: { 'content-type': 'application/json', 'x-tribe-signature': sign(rawInvoiceEvent, key) },
          payload: rawInvoiceEvent,
        });
      expect((await deliver(secret)).statusCode).toBe(202);
      expect((await deliver('tribe-webhook-secret-before-0123')).statusCode).toBe(202);
      expect((await deliver('tribe-webhook-secret-long-ago-01')).statusCode).toBe(401);
      expect(received).toHaveLength(2);
    } finally {
      await rotating.close();
    }
  });

  it('refuses a body that changed after signing', async () => {
    const signature = sign(rawInvoiceEvent);
    const tampered = Buffer.from(rawInvoiceEvent.toString('utf8').replace('inv-1', 'inv-2'));
    expect((await post(tampered, { 'x-tribe-signature': signature })).statusCode).toBe(401);
  });

  it('verifies whatever the content type says', async () => {
    const res = await post(rawInvoiceEvent, {
      'content-type': 'text/plain',
      'x-tribe-signature': sign(rawInvoiceEvent),
    });
    expect(res.statusCode).toBe(202);
  });

  it('acknowledges a signed body it does not act on, and refuses an invoice event it cannot read', async () => {
    const unrelated = '{"hello":"world"}';
    const ignored = await post(unrelated, { 'x-tribe-signature': sign(unrelated) });
    expect(ignored.statusCode).toBe(202);
    expect(ignored.json()).toEqual({ accepted: true, handled: false });

    const incomplete = JSON.stringify({ webhookId: 'wh-3', payload: { entityType: 'Activity.Invoice' } });
    const refused = await post(incomplete, { 'x-tribe-signature': sign(incomplete) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().problems.map((p: { field: string }) => p.field)).toEqual([
      'payload.type',
      'payload.entityId',
      'payload.timestamp',
    ]);

    const notJson = 'not json';
    expect((await post(notJson, { 'x-tribe-signature': sign(notJson) })).statusCode).toBe(400);
    expect(received).toEqual([]);
  });

  it('answers 500 when the event cannot be handed on, so Tribe delivers it again', async () => {
    failHandler = true;
    const res = await post(rawInvoiceEvent, { 'x-tribe-signature': sign(rawInvoiceEvent) });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('queue unavailable');
  });

  it('does not exist when no webhook secret is configured', async () => {
    const bare = await startAdminApi(new FakeOperatorService());
    try {
      const res = await request(bare, 'POST', '/webhooks/tribe/acme', { payload: { webhookId: 'x' } });
      expect(res.statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
