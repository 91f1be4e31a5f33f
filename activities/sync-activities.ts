import type { ActivityDependencies } from './dependencies';
import { runIncrementalSync } from './sync/incremental-sync';
import { runInitialSyncBatch } from './sync/initial-sync';
import type { TenantContexts } from './sync/tenant-context';
import type { IncrementalSyncResult, InitialSyncBatchResult, InitialSyncPhase } from './types';

export function createSyncActivities(deps: ActivityDependencies, contexts: TenantContexts) {
  return {
    async runInitialSyncBatch({
      tenantId,
      phase,
    }: {
      tenantId: string;
      phase: InitialSyncPhase;
    }): Promise<InitialSyncBatchResult> {
      return runInitialSyncBatch(await contexts.get(tenantId), phase);
    },

    async runIncrementalSync({ tenantId }: { tenantId: string }): Promise<IncrementalSyncResult> {
      const context = await contexts.get(tenantId);
      const start = deps.startDocumentBookings;
      return runIncrementalSync(context, {
        onSentDocuments: start ? (ids, kind) => start(tenantId, kind, ids) : undefined,
      });
    },
  };
}
