import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  tribeWebhookNotificationSchema,
  type TribeWebhookNotification,
} from '../../../api-clients/tribe/schemas/webhook';
import { verifyTribeSignature } from '../../../api-clients/tribe/webhook-signature';
import { errorBodySchema } from '../schemas/error-body';
import { jsonResponse } from '../schemas/json-response';
import { tenantParamsSchema } from '../schemas/tenant-params';
import { webhookAcceptedSchema, webhookHeadersSchema } from '../schemas/tribe-webhook-schemas';

/** What a handler did with an event: nothing to say, or why it left the event alone (logged, still a 202). */
export type WebhookEventHandling = { ignored: string } | void;

export interface TribeWebhookOptions {
  /** The secret Tribe signs webhook bodies with. */
  secret: string;
  /** The secret before the last change, accepted as well until the webhooks are registered anew. */
  previousSecret?: string;
  /** Called for every verified event about an invoice or a sales order. */
  onInvoiceEvent(
    tenantId: string,
    event: TribeWebhookNotification,
  ): Promise<WebhookEventHandling> | WebhookEventHandling;
  /** Called for every verified event about a relationship (an organisation's customer or supplier role). */
  onRoleEvent?(
    tenantId: string,
    event: TribeWebhookNotification,
  ): Promise<WebhookEventHandling> | WebhookEventHandling;
}

/** The entity types whose changes can make a document ready to book. */
const invoiceEntityTypes = new Set(['Activity.Invoice', 'Activity.SalesOrder']);
/** Relationship types (`Relationship.Organization.Supplier`, …): an organisation's roles. */
const isRoleEntityType = (entityType: string) => entityType.startsWith('Relationship.Organization.');

/**
 * Receives Tribe's change notifications. The signature covers the exact bytes Tribe sent, so this
 * plugin replaces the JSON parser with one that keeps the raw body, and parses only after verifying.
 */
export const tribeWebhookRoutes: FastifyPluginAsyncZod<TribeWebhookOptions> = async (app, options) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post('/webhooks/tribe/:tenantId', {
    schema: {
      tags: ['webhooks'],
      summary: 'Tribe webhook receiver',
      description:
        'Tribe posts `{ webhookId, payload: { type, entityType, entityId, timestamp } }`, signed in the ' +
        '`X-Tribe-Signature` header. Invoice and sales-order events start their booking; relationship ' +
        'events (an organisation became a customer or supplier) have the organisation looked at; other ' +
        'verified events, and events for a tenant that is unknown or deactivated, are acknowledged and ignored.',
      security: [],
      params: tenantParamsSchema,
      headers: webhookHeadersSchema,
      response: {
        202: jsonResponse('Verified and accepted.', webhookAcceptedSchema),
        400: jsonResponse('The body is not a Tribe change notification.', errorBodySchema),
        401: jsonResponse('X-Tribe-Signature is missing or wrong.', errorBodySchema),
      },
    },
    handler: async (request, reply) => {
      const { tenantId } = request.params;
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-tribe-signature'];
      const verified =
        verifyTribeSignature(options.secret, rawBody, signature) ||
        (options.previousSecret !== undefined &&
          verifyTribeSignature(options.previousSecret, rawBody, signature));
      if (!verified) {
        request.log.warn({ tenantId }, 'refused a Tribe webhook with a missing or wrong signature');
        return reply.code(401).send({
          error: 'unauthorized',
          message: 'X-Tribe-Signature is missing or does not match the body.',
        });
      }

      const body = parseJson(rawBody);
      if (typeof body !== 'object' || body === null) {
        return reply.code(400).send({ error: 'invalid', message: 'The webhook body is not a JSON object.' });
      }
      // Tribe signed it, so an event the sync does not act on is acknowledged rather than redelivered.
      const entityType = entityTypeOf(body);
      const isRole = isRoleEntityType(entityType) && options.onRoleEvent !== undefined;
      if (!invoiceEntityTypes.has(entityType) && !isRole)
        return reply.code(202).send({ accepted: true, handled: false });

      const event = tribeWebhookNotificationSchema.safeParse(body);
      if (!event.success) {
        return reply.code(400).send({
          error: 'invalid',
          message: 'The webhook body is not a Tribe change notification.',
          problems: event.error.issues.map((issue) => ({
            field: issue.path.join('.') || 'body',
            message: issue.message,
          })),
        });
      }
      const handling = isRole
        ? await options.onRoleEvent?.(tenantId, event.data)
        : await options.onInvoiceEvent(tenantId, event.data);
      if (handling) {
        // Acknowledged all the same: Tribe would only redeliver an event that can never be acted on.
        request.log.info({ tenantId, entityType, reason: handling.ignored }, 'ignored a Tribe webhook');
        return reply.code(202).send({ accepted: true, handled: false });
      }
      return reply.code(202).send({ accepted: true, handled: true });
    },
  });
};

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function entityTypeOf(body: object): string {
  const payload = (body as { payload?: { entityType?: unknown } }).payload;
  return typeof payload?.entityType === 'string' ? payload.entityType : '';
}
