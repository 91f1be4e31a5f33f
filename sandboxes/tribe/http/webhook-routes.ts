import type { FastifyInstance } from 'fastify';
import { findEntitySetByType } from '../model/entity-sets';
import { notFound, validationError } from '../odata/odata-error';
import { admitApiRequest, answer } from './api-gate';
import type { SandboxContext } from './sandbox-context';

const WEBHOOKS = '/v1/webhooks';

/** Webhook management: register, list, delete. The secret is write-only. */
export function registerWebhookRoutes(app: FastifyInstance, context: SandboxContext): void {
  app.post(WEBHOOKS, async (request, reply) => {
    const admitted = await admitApiRequest(context, request, reply, 'Webhook');
    if (!admitted) return;
    const { entityType, webhookUrl, secret } = parseRegistration(request.body);
    const registration = admitted.tenant.webhooks.register(entityType, webhookUrl, secret);
    await answer(admitted, request, reply, 201, { id: registration.id, entityType, webhookUrl });
  });

  app.get(WEBHOOKS, async (request, reply) => {
    const admitted = await admitApiRequest(context, request, reply, 'Webhook');
    if (!admitted) return;
    const value = admitted.tenant.webhooks
      .list()
      .map(({ id, entityType, webhookUrl }) => ({ id, entityType, webhookUrl }));
    await answer(admitted, request, reply, 200, { value });
  });

  app.delete<{ Params: { id: string } }>(`${WEBHOOKS}/:id`, async (request, reply) => {
    const admitted = await admitApiRequest(context, request, reply, 'Webhook');
    if (!admitted) return;
    if (!admitted.tenant.webhooks.remove(request.params.id))
      throw notFound(`Webhook ${request.params.id} does not exist`);
    await answer(admitted, request, reply, 204);
  });
}

function parseRegistration(body: unknown): { entityType: string; webhookUrl: string; secret: string } {
  const { entityType, webhookUrl, secret } = (body ?? {}) as Record<string, unknown>;
  if (typeof entityType !== 'string' || !findEntitySetByType(entityType)) {
    throw validationError(
      `entityType must be a known dotted type name such as Activity.Invoice, got ${String(entityType)}`,
    );
  }
  if (typeof webhookUrl !== 'string' || !/^https?:\/\//.test(webhookUrl) || !URL.canParse(webhookUrl)) {
    throw validationError('webhookUrl must be an absolute http(s) URL');
  }
  if (typeof secret !== 'string' || secret.length < 8)
    throw validationError('secret must be at least 8 characters');
  return { entityType, webhookUrl, secret };
}
