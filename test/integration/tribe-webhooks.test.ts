import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  TribeApiError,
  TribeClient,
  tribeWebhookNotificationSchema,
  verifyTribeSignature,
} from '../../api-clients/tribe';
import { startTribeSandbox, type TribeSandbox } from '../../sandboxes/tribe';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
}

/** A real HTTP receiver that records what it gets and can be told to answer slowly. */
async function startReceiver(delayMs = 0): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      setTimeout(() => response.writeHead(204).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tribe/webhook`,
    received,
    server,
  };
}

describe('Tribe sandbox webhooks', () => {
  let sandbox: TribeSandbox;
  let client: TribeClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const secret = 'organisation-hook-secret';

  beforeAll(async () => {
    sandbox = await startTribeSandbox({ tenants: [{ clientId: 'hooks', clientSecret: 'hooks-secret' }] });
    client = new TribeClient({
      apiUrl: sandbox.apiUrl,
      tokenUrl: sandbox.tokenUrl,
      clientId: 'hooks',
      clientSecret: 'hooks-secret',
    });
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await sandbox.close();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  it('registers, lists (without the secret) and deletes webhooks', async () => {
    const registration = await client.webhooks.register({
      entityType: 'Activity.Invoice',
      webhookUrl: receiver.url,
      secret: 'invoice-secret-1',
    });
    expect(registration).toEqual({
      id: expect.any(String),
      entityType: 'Activity.Invoice',
      webhookUrl: receiver.url,
    });
    const listed = await client.webhooks.list();
    expect(listed).toEqual([registration]);
    expect(JSON.stringify(listed)).not.toContain('invoice-secret-1');
    await client.webhooks.delete(registration.id);
    expect(await client.webhooks.list()).toEqual([]);
    await expect(client.webhooks.delete(registration.id)).rejects.toMatchObject({ status: 404 });
  });

  it('rejects a registration for an unknown entity type', async () => {
    const error = await client.webhooks
      .register({ entityType: 'Relation.Banana', webhookUrl: receiver.url, secret: 'long-enough' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TribeApiError);
    expect(error).toMatchObject({ status: 400, retryable: false });
  });

  it('posts signed create, update and delete notifications for the registered type', async () => {
    const registration = await client.webhooks.register({
      entityType: 'Relation.Organization',
      webhookUrl: receiver.url,
      secret,
    });
    receiver.received.length = 0;
    const created = await client.organizations.create({
      Name: 'Webhook BV',
      VisitingAddress: { City: 'Delft' },
    });
    const updated = await client.organizations.update(created.ID, { PhoneNumber: '015-1234567' });
    sandbox.tenant('hooks').delete('Relation_Organization', created.ID);
    await sandbox.webhooksIdle();

    const notifications = receiver.received.map((delivery) => {
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(verifyTribeSignature(secret, delivery.rawBody, delivery.headers['x-tribe-signature'])).toBe(
        true,
      );
      return tribeWebhookNotificationSchema.parse(JSON.parse(delivery.rawBody));
    });
    expect(notifications.map((notification) => notification.payload)).toEqual([
      {
        type: 'EntityCreationMutation',
        entityType: 'Relation.Organization',
        entityId: created.ID,
        timestamp: created.LastMutationDate,
      },
      {
        type: 'EntityUpdateMutation',
        entityType: 'Relation.Organization',
        entityId: created.ID,
        timestamp: updated.LastMutationDate,
      },
      {
        type: 'EntityDeletionMutation',
        entityType: 'Relation.Organization',
        entityId: created.ID,
        timestamp: expect.any(String),
      },
    ]);
    expect(notifications.every((notification) => notification.webhookId === registration.id)).toBe(true);

    const [first] = receiver.received;
    expect(verifyTribeSignature('wrong-secret', first!.rawBody, first!.headers['x-tribe-signature'])).toBe(
      false,
    );
    const forgedBody = first!.rawBody.replace(created.ID, '00000000-0000-4000-8000-000000000000');
    expect(verifyTribeSignature(secret, forgedBody, first!.headers['x-tribe-signature'])).toBe(false);
    await client.webhooks.delete(registration.id);
  });

  it('announces the phase change when an invoice is sent', async () => {
    const registration = await client.webhooks.register({
      entityType: 'Activity.Invoice',
      webhookUrl: receiver.url,
      secret,
    });
    const tenant = sandbox.tenant('hooks');
    const invoice = tenant.put('Activity_Invoice', { Subject: 'Webhook invoice' });
    await sandbox.webhooksIdle();
    receiver.received.length = 0;
    tenant.sendInvoice(invoice.ID as string);
    await sandbox.webhooksIdle();
    expect(receiver.received.map((delivery) => JSON.parse(delivery.rawBody).payload)).toEqual([
      expect.objectContaining({
        type: 'EntityUpdateMutation',
        entityType: 'Activity.Invoice',
        entityId: invoice.ID,
      }),
    ]);
    await client.webhooks.delete(registration.id);
  });

  it('never makes a write wait for a slow receiver', async () => {
    const slow = await startReceiver(1500);
    try {
      const registration = await client.webhooks.register({
        entityType: 'Product',
        webhookUrl: slow.url,
        secret,
      });
      const started = Date.now();
      await client.products.create({ Name: 'Snel product' });
      expect(Date.now() - started).toBeLessThan(500);
      await sandbox.webhooksIdle();
      expect(slow.received).toHaveLength(1);
      await client.webhooks.delete(registration.id);
    } finally {
      await new Promise((resolve) => slow.server.close(resolve));
    }
  });

  it('drops a delivery that fails, without retrying and without failing the write', async () => {
    const gone = await startReceiver();
    await new Promise((resolve) => gone.server.close(resolve));
    const registration = await client.webhooks.register({
      entityType: 'Product',
      webhookUrl: gone.url,
      secret,
    });
    const before = sandbox.stats().tenants.hooks!.webhookDeliveries.failed;
    await expect(client.products.create({ Name: 'Onbezorgd' })).resolves.toMatchObject({ Name: 'Onbezorgd' });
    await sandbox.webhooksIdle();
    expect(sandbox.stats().tenants.hooks!.webhookDeliveries.failed).toBe(before + 1);
    await client.webhooks.delete(registration.id);
  });
});
