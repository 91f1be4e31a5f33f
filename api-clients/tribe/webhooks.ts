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
