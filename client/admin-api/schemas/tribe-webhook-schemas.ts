import { z } from 'zod';

/** Loose, because fastify replaces `request.headers` with the validated value. */
export const webhookHeadersSchema = z.looseObject({
  'x-tribe-signature': z
    .string()
    .optional()
    .describe('Base64 of HMAC-SHA512 over the exact request body, keyed with the webhook secret.'),
});

export const webhookAcceptedSchema = z.object({
  accepted: z.literal(true),
  handled: z
    .boolean()
    .describe(
      'False when the event is about an entity type the sync does not act on, or a tenant that is unknown or deactivated.',
    ),
});
