import { PendingRoleStore } from '../store/pending-role-store';
import type { ActivityDependencies } from './dependencies';
import { reviewRoleChange } from './sync/role-changes';
import type { TenantContexts } from './sync/tenant-context';
import type { OrganisationRoleChange, OrganisationRoleReview } from './types';

/**
 * Tribe's webhook for a relationship (an organisation became a customer or a supplier) brings the role here;
 * see {@link reviewRoleChange}. While the tenant is paused the role is kept for the first cycle after it
 * resumes: the webhook is its only notice, as giving a role does not change the organisation.
 */
export function createOrganisationRoleActivities(deps: ActivityDependencies, contexts: TenantContexts) {
  const pending = new PendingRoleStore(deps.pool);
  return {
    async reviewOrganisationRoles(change: OrganisationRoleChange): Promise<OrganisationRoleReview> {
      const tenant = await deps.tenants.findTenant(change.tenantId);
      if (tenant?.status === 'paused') {
        await pending.keep(change.tenantId, change);
        return { outcome: 'kept-until-resumed', organisationId: null };
      }
      if (!tenant || tenant.status !== 'active')
        return { outcome: 'tenant-not-active', organisationId: null };
      return reviewRoleChange(await contexts.get(change.tenantId), change);
    },
  };
}
