import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDependencies } from './dependencies';
import type { IncrementalSyncResult, InitialSyncBatchResult, InitialSyncPhase } from './types';

export function createSyncActivities(_deps: ActivityDependencies) {
  return {
    async runInitialSyncBatch(_input: {
      tenantId: string;
      phase: InitialSyncPhase;
    }): Promise<InitialSyncBatchResult> {
      throw ApplicationFailure.nonRetryable('initial sync engine not wired yet', 'NotWired');
    },
    async runIncrementalSync(_input: { tenantId: string }): Promise<IncrementalSyncResult> {
      throw ApplicationFailure.nonRetryable('incremental sync engine not wired yet', 'NotWired');
    },
  };
}
