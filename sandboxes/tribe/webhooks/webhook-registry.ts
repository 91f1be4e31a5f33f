import { randomUUID } from 'node:crypto';

export interface WebhookRegistration {
  readonly id: string;
  /** Dotted type name, e.g. `Activity.Invoice`. */
  readonly entityType: string;
  readonly webhookUrl: string;
  readonly secret: string;
}

/** A tenant's webhook subscriptions. */
export class WebhookRegistry {
  private readonly registrations = new Map<string, WebhookRegistration>();

  register(entityType: string, webhookUrl: string, secret: string): WebhookRegistration {
    const registration = { id: randomUUID(), entityType, webhookUrl, secret };
    this.registrations.set(registration.id, registration);
    return registration;
  }

  list(): WebhookRegistration[] {
    return [...this.registrations.values()];
  }

  remove(id: string): boolean {
    return this.registrations.delete(id);
  }

  matching(entityType: string): WebhookRegistration[] {
    return this.list().filter((registration) => registration.entityType === entityType);
  }
}
