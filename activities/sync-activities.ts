import type { SyncDirection } from '../lib/metrics';
import type { SyncCounts } from '../workflows/tenant-status';
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
      const result = await runInitialSyncBatch(await contexts.get(tenantId), phase);
      recordCounts(
        deps,
        tenantId,
        phase === 'relations' ? 'relation' : 'product',
        'snelstart-to-tribe',
        result.counts,
      );
      if (result.progress.finished && phase === 'products') deps.metrics?.syncCompleted(tenantId);
      return result;
    },

    async runIncrementalSync({ tenantId }: { tenantId: string }): Promise<IncrementalSyncResult> {
      const context = await contexts.get(tenantId);
      const start = deps.startDocumentBookings;
      const result = await runIncrementalSync(context, {
        onSentDocuments: start ? (ids, kind) => start(tenantId, kind, ids) : undefined,
      });
      recordCounts(deps, tenantId, 'relation-and-product', 'two-way', result.counts);
      deps.metrics?.syncCompleted(tenantId);
      return result;
    },
  };
}

function recordCounts(
  deps: ActivityDependencies,
  tenant: string,
  entity: string,
  direction: SyncDirection,
  counts: Partial<SyncCounts>,
): void {
  const metrics = deps.metrics;
  if (!metrics) return;
  for (const outcome of ['created', 'updated', 'matched', 'skipped'] as const) {
    const n = counts[outcome] ?? 0;
    if (n > 0) metrics.recordSynced({ tenant, entity, direction, outcome }, n);
  }
  if (counts.failed) metrics.recordFailed({ tenant, entity }, counts.failed);
}
