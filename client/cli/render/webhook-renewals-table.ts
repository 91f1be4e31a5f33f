import type { WebhookRenewalListBody } from '../../admin-api/schemas/tenant-schemas';
import { renderTable } from './table';

export function renderWebhookRenewals(renewals: WebhookRenewalListBody['tenants']): string {
  if (renewals.length === 0) return 'No tenants yet: nothing to renew.';
  return renderTable(
    ['tenant', 'outcome', 'registered', 'replaced', 'note'],
    renewals.map((renewal) => [
      renewal.tenantId,
      renewal.outcome,
      renewal.added.length === 0 ? '-' : renewal.added.join(', '),
      String(renewal.replaced),
      renewal.message ?? '',
    ]),
  );
}
