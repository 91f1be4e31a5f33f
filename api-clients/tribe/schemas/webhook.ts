import { z } from 'zod';

export const tribeWebhookSchema = z.object({
  id: z.string(),
  entityType: z.string(),
  webhookUrl: z.string(),
});
export type TribeWebhook = z.infer<typeof tribeWebhookSchema>;

export const tribeWebhookListSchema = z.object({ value: z.array(tribeWebhookSchema) });

export const tribeWebhookCreateSchema = z.strictObject({
  /** Dotted entity type, e.g. `Activity.Invoice` or `Relation.Organization`. */
  entityType: z
    .string()
    .regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/, 'must be a type name such as Activity.Invoice or Product'),
  webhookUrl: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(8),
});
export type TribeWebhookCreate = z.input<typeof tribeWebhookCreateSchema>;

/** The body Tribe posts to a webhook URL. */
export const tribeWebhookNotificationSchema = z.object({
  webhookId: z.string(),
  payload: z.object({
    type: z.enum(['EntityCreationMutation', 'EntityUpdateMutation', 'EntityDeletionMutation']),
    entityType: z.string(),
    entityId: z.string(),
    timestamp: z.string(),
  }),
});
export type TribeWebhookNotification = z.infer<typeof tribeWebhookNotificationSchema>;
