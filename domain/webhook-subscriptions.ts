import { createHash } from 'node:crypto';
import { exportedRelationshipSets } from './relation-mapping';

/** A sent invoice or a linked sales order is booked within seconds of Tribe's notification. */
export const DOCUMENT_WEBHOOK_TYPES: readonly string[] = ['Activity.Invoice', 'Activity.SalesOrder'];

/** Where one deployment's admin API receives Tribe's webhooks, and the secret they are signed with. */
export interface WebhookTarget {
  readonly baseUrl: string;
  readonly secret: string;
  /** The secret before the last change: still accepted on receipt while the webhooks move to `secret`. */
  readonly previousSecret?: string;
}

/**
 * Each tenant has its own address, so a notification says whose it is before anything is read. The address
 * names the secret's key (never the secret): Tribe's list does not show a webhook's secret, so this is how a
 * registration made with an earlier secret is recognised and replaced.
 */
export function tenantWebhookUrl(baseUrl: string, tenantId: string, secret: string): string {
  return `${tenantWebhookAddress(baseUrl, tenantId)}?key=${webhookKeyId(secret)}`;
}

/** The tenant's receiver without the key: every registration of this deployment for the tenant starts so. */
function tenantWebhookAddress(baseUrl: string, tenantId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/webhooks/tribe/${encodeURIComponent(tenantId)}`;
}

/**
 * Whether a registered webhook is this deployment's for the tenant and made with an earlier secret: the previous
 * one, or one from before addresses named their key. A key this process does not know is left alone: it may be
 * the newer secret of a process that was restarted before this one.
 */
export function isEarlierTenantWebhook(
  url: string,
  baseUrl: string,
  tenantId: string,
  previousSecret: string | undefined,
): boolean {
  if (url === tenantWebhookAddress(baseUrl, tenantId)) return true;
  return previousSecret !== undefined && url === tenantWebhookUrl(baseUrl, tenantId, previousSecret);
}

/** 12 hex characters of a one-way hash of the secret: tells secrets apart and gives nothing away. */
export function webhookKeyId(secret: string): string {
  return createHash('sha256').update(`koppeling-webhook-key\u0000${secret}`).digest('hex').slice(0, 12);
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
