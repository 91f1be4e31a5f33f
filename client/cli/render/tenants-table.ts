import type { TenantListBody } from '../../admin-api/schemas/tenant-schemas';
import { formatTimestamp, renderTable } from './table';

export function renderTenants(tenants: TenantListBody['tenants']): string {
  if (tenants.length === 0) {
    return 'No tenants yet. Activate one with: koppeling tenant activate --file activation.json';
  }
  return renderTable(
    ['tenant', 'status', 'mode', 'administratie', 'activated at'],
    tenants.map((tenant) => [
      tenant.tenantId,
      tenant.status,
      tenant.mode === 'salesOrder' ? 'sales orders' : 'invoices',
      tenant.administratieNaam,
      formatTimestamp(tenant.activatedAt),
    ]),
  );
}
