import { TribeApiError } from './errors';
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
   * second one of the same type and address (left by two registrations at once); safe to repeat. Webhooks
   * `replaces` recognises (the same receiver with an earlier secret) are removed once their successors are
   * registered, so no event falls between the two. Returns the entity types it registered and how many it
   * replaced.
   */
  async ensure(input: {
    webhookUrl: string;
    secret: string;
    entityTypes: readonly string[];
    replaces?: (webhookUrl: string) => boolean;
  }): Promise<{ added: string[]; replaced: number }> {
    const present = new Set<string>();
    const earlier: string[] = [];
    for (const webhook of await this.list()) {
      if (webhook.webhookUrl !== input.webhookUrl) {
        if (input.replaces?.(webhook.webhookUrl)) earlier.push(webhook.id);
        continue;
      }
      if (present.has(webhook.entityType)) await this.deleteIfPresent(webhook.id);
      else present.add(webhook.entityType);
    }
    const added = [...new Set(input.entityTypes)].filter((type) => !present.has(type));
    for (const entityType of added)
      await this.register({ entityType, webhookUrl: input.webhookUrl, secret: input.secret });
    for (const id of earlier) await this.deleteIfPresent(id);
    return { added, replaced: earlier.length };
  }

  /** A registration running at the same moment may have removed it already. */
  private async deleteIfPresent(id: string): Promise<void> {
    try {
      await this.delete(id);
    } catch (err) {
      if (!(err instanceof TribeApiError && err.status === 404)) throw err;
    }
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
