import { checkInput, parseEntity } from './response-parsing';
import {
  tribeWebhookCreateSchema,
  tribeWebhookListSchema,
  tribeWebhookSchema,
  type TribeWebhook,
  type TribeWebhookCreate,
} from './schemas/webhook';
import type { TribeTransport } from './transport';

const ENTITY = 'Webhook';

/** Webhook subscriptions (`/v1/webhooks`). */
export class TribeWebhooks {
  constructor(
    private readonly transport: TribeTransport,
    private readonly webhooksUrl: string,
  ) {}

  async register(input: TribeWebhookCreate): Promise<TribeWebhook> {
    const body = checkInput(tribeWebhookCreateSchema, input, ENTITY);
    const data = await this.transport.request({
      method: 'POST',
      url: this.webhooksUrl,
      body,
      entitySet: ENTITY,
    });
    return parseEntity(tribeWebhookSchema, data, ENTITY);
  }

  /**
   * Registers, for each entity type, a webhook to `webhookUrl` unless one is there already, and removes a
   * second one of the same type and address (left by two registrations at once); safe to repeat. Returns the
   * entity types it had to register.
   */
  async ensure(input: {
    webhookUrl: string;
    secret: string;
    entityTypes: readonly string[];
  }): Promise<string[]> {
    const present = new Set<string>();
    for (const webhook of await this.list()) {
      if (webhook.webhookUrl !== input.webhookUrl) continue;
      if (present.has(webhook.entityType)) await this.delete(webhook.id);
      else present.add(webhook.entityType);
    }
    const missing = [...new Set(input.entityTypes)].filter((type) => !present.has(type));
    for (const entityType of missing)
      await this.register({ entityType, webhookUrl: input.webhookUrl, secret: input.secret });
    return missing;
  }

  async list(): Promise<TribeWebhook[]> {
    const data = await this.transport.request({ method: 'GET', url: this.webhooksUrl, entitySet: ENTITY });
    return parseEntity(tribeWebhookListSchema, data, ENTITY).value;
  }

  async delete(id: string): Promise<void> {
    await this.transport.request({
      method: 'DELETE',
      url: `${this.webhooksUrl}/${encodeURIComponent(id)}`,
      entitySet: ENTITY,
    });
  }
}
