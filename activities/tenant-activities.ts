import type { ActivityDependencies } from './dependencies';
import type { TenantHealth, TenantSchedule } from './types';
import type { TenantStatusValue } from '../store/tenant-store';

export function createTenantActivities({ tenants, health, metrics }: ActivityDependencies) {
  return {
    async recordTenantStatus({
      tenantId,
      status,
    }: {
      tenantId: string;
      status: TenantStatusValue;
    }): Promise<void> {
      // A paused or deactivated tenant is not behind: its lag series would only raise false alarms.
      if (status !== 'active') metrics?.forgetTenant(tenantId);
      const current = await tenants.getTenant(tenantId);
      if (current.status === status) return;
      await tenants.setStatus(tenantId, status);
      await tenants.audit(tenantId, status, `Tenant ${status}`);
    },

    async getTenantSchedule({ tenantId }: { tenantId: string }): Promise<TenantSchedule> {
      const tenant = await tenants.getTenant<{ syncIntervalMinutes?: number }>(tenantId);
      return { status: tenant.status, syncIntervalMinutes: tenant.config.syncIntervalMinutes ?? 60 };
    },

    async getTenantHealth({ tenantId }: { tenantId: string }): Promise<TenantHealth> {
      return health.summary(tenantId);
    },
  };
}
