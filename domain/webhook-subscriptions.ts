import { exportedRelationshipSets } from './relation-mapping';

/** A sent invoice or a linked sales order is booked within seconds of Tribe's notification. */
export const DOCUMENT_WEBHOOK_TYPES: readonly string[] = ['Activity.Invoice', 'Activity.SalesOrder'];

/** Where one deployment's admin API receives Tribe's webhooks, and the secret they are signed with. */
export interface WebhookTarget {
  readonly baseUrl: string;
  readonly secret: string;
}

/** Each tenant has its own address, so a notification says whose it is before anything is read. */
export function tenantWebhookUrl(baseUrl: string, tenantId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/webhooks/tribe/${encodeURIComponent(tenantId)}`;
}

/**
 * The Tribe types a tenant is notified of. Roles (relationship types the tenant exports) only once its
 * initial sync is done: until then every role Tribe would report is one the initial sync wrote itself.
 */
export function tenantWebhookTypes(
  relationTypes: Parameters<typeof exportedRelationshipSets>[0],
  initialSyncDone: boolean,
): string[] {
  const roles = initialSyncDone
    ? exportedRelationshipSets(relationTypes).map((set) => set.replace(/_/g, '.'))
    : [];
  return [...DOCUMENT_WEBHOOK_TYPES, ...roles];
}
