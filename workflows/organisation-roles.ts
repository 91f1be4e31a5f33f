import { proxyActivities } from '@temporalio/workflow';
import type { TenantActivities } from '../activities';
import type { OrganisationRoleChange, OrganisationRoleReview } from '../activities/types';

const acts = proxyActivities<TenantActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '2 minutes',
    maximumAttempts: 20,
  },
});

/**
 * Gives SnelStart the role a Tribe organisation was just given (customer, supplier), by the rules of the
 * hourly cycle. A record that cannot be created is listed under the tenant's failures by that same code, so
 * this run ends normally; only faults that outlast the retries fail it, and the hourly cycle's failure list
 * and the organisation's next change pick it up again.
 */
export async function organisationRolesWorkflow(
  change: OrganisationRoleChange,
): Promise<OrganisationRoleReview> {
  return acts.reviewOrganisationRoles(change);
}
