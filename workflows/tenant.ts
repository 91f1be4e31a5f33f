import {
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  log,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { TenantActivities } from '../activities';
import type { InitialSyncPhase } from '../activities/types';
import {
  addCounts,
  emptyCounts,
  type EntityProgress,
  type SyncCounts,
  type TenantStatus,
} from './tenant-status';

export const pauseSignal = defineSignal('pause');
export const resumeSignal = defineSignal('resume');
export const deactivateSignal = defineSignal('deactivate');
export const syncNowSignal = defineSignal('syncNow');
export const statusQuery = defineQuery<TenantStatus>('status');

/** Carried across continue-as-new so a tenant's workflow can live for years with a short history. */
export interface TenantCarriedState {
  initialSyncDone: boolean;
  /** Absent in states carried by earlier releases. */
  roleWebhooksRegistered?: boolean;
  paused: boolean;
  syncRequested: boolean;
  lastSyncAt: string | null;
  lastSyncError: string | null;
  cycles: number;
  counts: SyncCounts;
  progress: Record<string, EntityProgress>;
  openFailures: number;
  warnings: string[];
}

export interface TenantWorkflowInput {
  tenantId: string;
  carried?: TenantCarriedState;
}

const INITIAL_PHASES: InitialSyncPhase[] = ['relations', 'products'];
const HISTORY_BUDGET = 2_000;
/** Tenants activated earlier registered their role webhooks on activation. */
const ROLE_WEBHOOKS_AFTER_INITIAL_SYNC = 'role-webhooks-after-initial-sync';

const db = proxyActivities<TenantActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Registering webhooks is worth a few tries, never a tenant kept waiting: a failure is a warning. */
const webhooks = proxyActivities<TenantActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 3 },
});

/** Initial-sync batches are retried until they succeed: the tenant cannot go on without them. */
const sync = proxyActivities<TenantActivities>({
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * A cycle gives up after about 17 minutes of failed attempts (an API down, an answer that never parses):
 * its reason goes on the status, and the next cycle starts from the same cursors, so nothing is lost.
 */
const cycle = proxyActivities<TenantActivities>({
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '2 minutes',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 10,
  },
});

/**
 * One long-running workflow per tenant: the initial SnelStart → Tribe sync in resumable batches,
 * then a two-way sync every interval and on demand, until deactivated.
 */
export async function tenantWorkflow(input: TenantWorkflowInput): Promise<void> {
  const { tenantId } = input;
  const state: TenantCarriedState = input.carried ?? {
    initialSyncDone: false,
    paused: false,
    syncRequested: false,
    lastSyncAt: null,
    lastSyncError: null,
    cycles: 0,
    counts: emptyCounts(),
    progress: {},
    openFailures: 0,
    warnings: [],
  };
  let deactivated = false;
  let running: 'initial-sync' | 'syncing' | null = null;
  let nextSyncAt: number | null = null;

  setHandler(pauseSignal, () => void (state.paused = true));
  setHandler(resumeSignal, () => void (state.paused = false));
  setHandler(deactivateSignal, () => void (deactivated = true));
  setHandler(syncNowSignal, () => void (state.syncRequested = true));
  setHandler(statusQuery, (): TenantStatus => ({
    tenantId,
    phase: deactivated
      ? 'deactivated'
      : state.paused
        ? 'paused'
        : (running ?? (state.initialSyncDone ? 'idle' : 'initial-sync')),
    paused: state.paused,
    progress: state.progress,
    lastSyncAt: state.lastSyncAt,
    lastSyncError: state.lastSyncError,
    nextSyncAt:
      nextSyncAt === null || state.paused || deactivated ? null : new Date(nextSyncAt).toISOString(),
    cycles: state.cycles,
    counts: state.counts,
    openFailures: state.openFailures,
    warnings: state.warnings,
  }));

  // Recorded once at start too, so PostgreSQL agrees with the workflow after any restart.
  let recordedPaused: boolean | null = null;
  const historyFull = () =>
    workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > HISTORY_BUDGET;

  while (!deactivated) {
    if (state.paused !== recordedPaused) {
      recordedPaused = state.paused;
      await db.recordTenantStatus({ tenantId, status: state.paused ? 'paused' : 'active' });
    }
    if (state.paused) {
      await condition(() => !state.paused || deactivated);
      continue;
    }

    if (!state.initialSyncDone) {
      running = 'initial-sync';
      for (const phase of INITIAL_PHASES) {
        while (!state.progress[phase]?.finished && !state.paused && !deactivated && !historyFull()) {
          const batch = await sync.runInitialSyncBatch({ tenantId, phase });
          state.progress[phase] = batch.progress;
          addCounts(state.counts, batch.counts);
        }
        // Once the relations are written (the roles Tribe would report are no longer the sync's own), and
        // before the tenant shows idle, so a role given in Tribe from then on is notified.
        if (
          phase === 'relations' &&
          state.progress.relations?.finished &&
          !state.roleWebhooksRegistered &&
          patched(ROLE_WEBHOOKS_AFTER_INITIAL_SYNC)
        ) {
          try {
            await webhooks.registerRoleWebhooks({ tenantId });
          } catch (err) {
            // The activity turns Tribe's failures into a tenant warning; only the database failing ends here.
            log.warn('role webhooks not registered', { tenantId, error: String(err) });
          }
          state.roleWebhooksRegistered = true;
        }
      }
      state.initialSyncDone = INITIAL_PHASES.every((phase) => state.progress[phase]?.finished);
      if (state.initialSyncDone) {
        state.lastSyncAt = new Date().toISOString();
        await refreshHealth();
        log.info('initial sync finished', { tenantId });
      }
      // Idle only once the failures and warnings of the initial sync are on the status.
      running = null;
    } else {
      const schedule = await db.getTenantSchedule({ tenantId });
      const base = state.lastSyncAt ? Date.parse(state.lastSyncAt) : Date.now();
      nextSyncAt = base + schedule.syncIntervalMinutes * 60_000;
      const wait = Math.max(0, nextSyncAt - Date.now());
      await condition(() => state.syncRequested || state.paused || deactivated, wait);
      if (state.paused || deactivated) continue;
      state.syncRequested = false;
      running = 'syncing';
      try {
        let more = true;
        while (more && !deactivated && !historyFull()) {
          const result = await cycle.runIncrementalSync({ tenantId });
          addCounts(state.counts, result.counts);
          more = result.more;
        }
        state.lastSyncError = null;
      } catch (err) {
        // The cycle failed after Temporal's retries; the next cycle starts from the same cursors.
        state.lastSyncError = err instanceof Error ? err.message : String(err);
      }
      state.cycles += 1;
      state.lastSyncAt = new Date().toISOString();
      await refreshHealth();
      // Idle only once the cycle's failures and warnings are on the status.
      running = null;
    }

    if (historyFull() && !deactivated) {
      await continueAsNew<typeof tenantWorkflow>({ tenantId, carried: state });
    }
  }

  await db.recordTenantStatus({ tenantId, status: 'deactivated' });

  async function refreshHealth(): Promise<void> {
    const health = await db.getTenantHealth({ tenantId });
    state.openFailures = health.openFailures;
    state.warnings = health.warnings;
  }
}
