import type { ActivityDependencies } from './dependencies';
import { createSyncActivities } from './sync-activities';
import { createTenantActivities } from './tenant-activities';

/** Every activity the worker registers, built from its dependencies so tests can inject them. */
export function createActivities(deps: ActivityDependencies) {
  return { ...createTenantActivities(deps), ...createSyncActivities(deps) };
}

export type TenantActivities = ReturnType<typeof createActivities>;
export type { ActivityDependencies } from './dependencies';
