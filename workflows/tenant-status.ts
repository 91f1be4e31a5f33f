/** The shapes the tenant workflow exposes through its status query; shared with the operator tools. */

export type TenantPhase = 'initial-sync' | 'idle' | 'syncing' | 'paused' | 'deactivated';

export interface EntityProgress {
  done: number;
  total: number | null;
  finished: boolean;
}

export interface SyncCounts {
  created: number;
  updated: number;
  matched: number;
  skipped: number;
  failed: number;
  conflicts: number;
}

export interface TenantStatus {
  tenantId: string;
  phase: TenantPhase;
  paused: boolean;
  progress: Record<string, EntityProgress>;
  lastSyncAt: string | null;
  lastSyncError: string | null;
  nextSyncAt: string | null;
  cycles: number;
  counts: SyncCounts;
  openFailures: number;
  warnings: string[];
}

export const emptyCounts = (): SyncCounts => ({
  created: 0,
  updated: 0,
  matched: 0,
  skipped: 0,
  failed: 0,
  conflicts: 0,
});

export function addCounts(into: SyncCounts, add: Partial<SyncCounts>): SyncCounts {
  for (const key of Object.keys(into) as (keyof SyncCounts)[]) into[key] += add[key] ?? 0;
  return into;
}
