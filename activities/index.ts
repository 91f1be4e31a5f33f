import type { ActivityDependencies } from './dependencies';
import { createDocumentBookingActivities } from './document-booking-activities';
import { createOrganisationRoleActivities } from './organisation-role-activities';
import { createSyncActivities } from './sync-activities';
import { TenantContexts } from './sync/tenant-context';
import { createTenantActivities } from './tenant-activities';
import { createWebhookActivities } from './tenant-webhooks';

/** Every activity the worker registers, built from its dependencies so tests can inject them. */
export function createActivities(deps: ActivityDependencies, contexts = new TenantContexts(deps)) {
  return {
    ...createTenantActivities(deps),
    ...createSyncActivities(deps, contexts),
    ...createDocumentBookingActivities(deps, contexts),
    ...createOrganisationRoleActivities(deps, contexts),
    ...createWebhookActivities(deps),
  };
}

export type TenantActivities = ReturnType<typeof createActivities>;
export type { ActivityDependencies } from './dependencies';
