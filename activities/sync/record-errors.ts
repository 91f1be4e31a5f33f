import type { FailureInput } from '../../store/health-store';
import type { SyncCounts } from '../../workflows/tenant-status';
import { isCancellation, stopIfCancelled } from './heartbeat';
import type { TenantContext } from './tenant-context';

/** How the engine treats an error from either API while writing one record. */
export type ErrorClass = 'retryable' | 'unknown-outcome' | 'invalid';

interface ApiErrorShape {
  retryable?: unknown;
  unknownOutcome?: unknown;
}

/**
 * Retryable errors fail the activity so Temporal retries the (idempotent) batch; an unknown outcome means
 * "look up by the natural key before writing again"; everything else is a problem with this one record.
 * A cancelled attempt ends the same way as a retryable error: nothing is recorded against the record.
 */
export function classifyError(err: unknown): ErrorClass {
  if (isCancellation(err)) return 'retryable';
  const shape = (err ?? {}) as ApiErrorShape;
  if (shape.unknownOutcome === true) return 'unknown-outcome';
  if (shape.retryable === true) return 'retryable';
  return 'invalid';
}

/**
 * How one record's error ends: a retryable fault (or a cancelled attempt) ends the attempt, for Temporal to
 * retry; anything else is counted and listed with its reason, and the batch carries on.
 */
export async function listRecordFailure(
  ctx: Pick<TenantContext, 'tenantId' | 'health'>,
  counts: SyncCounts,
  err: unknown,
  failure: FailureInput,
): Promise<void> {
  if (classifyError(err) === 'retryable') throw err;
  counts.failed += 1;
  await ctx.health.recordFailure(ctx.tenantId, failure);
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A record the engine will not write, with a message a person can act on. */
export class RecordProblem extends Error {
  override name = 'RecordProblem';
}

export function problemsMessage(problems: readonly { field: string; message: string }[]): string {
  return problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Retries one record's work on transient faults (5xx, dropped connections, lost responses) inside the batch,
 * so a busy API does not make a whole batch start over. `attempt` > 0 tells the work to look up what an
 * earlier attempt may already have written before writing again. Validation problems are not retried.
 */
export async function withRecordRetries<T>(work: (attempt: number) => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    stopIfCancelled();
    try {
      return await work(attempt);
    } catch (err) {
      if (isCancellation(err) || classifyError(err) === 'invalid' || attempt >= attempts - 1) throw err;
      const retryAfter = Number((err as { retryAfterMs?: unknown }).retryAfterMs) || 0;
      await sleep(Math.max(retryAfter, Math.min(5_000, 100 * 2 ** attempt)));
    }
  }
}
