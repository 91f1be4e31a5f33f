import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { MutationEvent } from '../writes/mutation-event';
import type { WebhookRegistration } from './webhook-registry';

const DELIVERY_TIMEOUT_MS = 5000;

export interface DeliveryOutcome {
  readonly clientId: string;
  readonly succeeded: boolean;
}

/**
 * Posts signed change notifications. Delivery starts after the write has been answered, is attempted once,
 * and a failure is logged and dropped, as Tribe does.
 */
export class WebhookDispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly logger: Logger,
    private readonly onOutcome: (outcome: DeliveryOutcome) => void,
  ) {}

  dispatch(clientId: string, registrations: readonly WebhookRegistration[], event: MutationEvent): void {
    for (const registration of registrations) {
      const delivery = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.deliver(clientId, registration, event))
        .finally(() => this.inFlight.delete(delivery));
      this.inFlight.add(delivery);
    }
  }

  /** Resolves once every delivery started so far has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.idle();
  }

  private async deliver(
    clientId: string,
    registration: WebhookRegistration,
    event: MutationEvent,
  ): Promise<void> {
    const body = JSON.stringify({
      webhookId: registration.id,
      payload: {
        type: event.type,
        entityType: event.entityType,
        entityId: event.entityId,
        timestamp: event.timestamp,
      },
    });
    const signature = createHmac('sha512', registration.secret).update(body).digest('base64');
    try {
      const response = await fetch(registration.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tribe-signature': signature },
        body,
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`receiver answered ${response.status}`);
      this.onOutcome({ clientId, succeeded: true });
    } catch (error) {
      this.onOutcome({ clientId, succeeded: false });
      this.logger.warn(
        {
          webhookId: registration.id,
          entityType: event.entityType,
          entityId: event.entityId,
          err: (error as Error).message,
        },
        'webhook delivery failed; dropped',
      );
    }
  }
}
