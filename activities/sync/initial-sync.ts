import { addCounts, emptyCounts } from '../../workflows/tenant-status';
import type { InitialSyncBatchResult, InitialSyncPhase } from '../types';
import { STREAMS, initialSnelStartCursor, initialTribeCursor } from './cursors';
import { heartbeat, isRetryAttempt } from './heartbeat';
import { syncArtikelenToTribe } from './products-sync';
import { syncRelatiesToTribe } from './relations-from-snelstart';
import type { TenantContext } from './tenant-context';
import { recordUnreadableSnelStartRows } from './unreadable-records';

/** Records per activity call: enough to amortise the look-ups, small enough to resume cheaply. */
const RECORDS_PER_BATCH = 500;

/**
 * One batch of the initial SnelStart → Tribe sync, resuming after the last batch that was recorded as done.
 * A batch is idempotent: re-running it after a crash finds its own earlier writes by link or ImportId.
 */
export async function runInitialSyncBatch(
  ctx: TenantContext,
  phase: InitialSyncPhase,
): Promise<InitialSyncBatchResult> {
  const progress = await ctx.state.progress(ctx.tenantId, phase);
  if (progress.completed) {
    return { phase, progress: { done: progress.done, total: progress.total, finished: true }, counts: {} };
  }
  if (phase === 'relations' && progress.nextOffset === 0) await startCursors(ctx);

  const recover = isRetryAttempt();
  const counts = emptyCounts();
  let offset = progress.nextOffset;
  let read = 0;
  let finished = false;
  // SnelStart pages artikelen by 25: a batch gathers its pages first and syncs them together, so look-ups,
  // links and progress cost once per batch, not once per 25.
  const items: unknown[] = [];
  while (read < RECORDS_PER_BATCH && !finished) {
    const page =
      phase === 'relations'
        ? await ctx.snelstart.relatiesPage(offset)
        : await ctx.snelstart.artikelenPage(offset);
    items.push(...page.items);
    offset += page.rowsRead;
    read += page.rowsRead;
    finished = page.rowsRead < page.pageSize;
    heartbeat({ phase, offset });
  }
  const outcome =
    phase === 'relations'
      ? await syncRelatiesToTribe(ctx, items as never, { recover })
      : await syncArtikelenToTribe(ctx, items as never, { recover });
  addCounts(counts, outcome);
  await recordUnreadableSnelStartRows(ctx, counts);
  const done = progress.done + read;
  await ctx.state.saveProgress(ctx.tenantId, phase, {
    nextOffset: offset,
    done,
    total: finished ? done : null,
    completed: finished,
  });
  return { phase, progress: { done, total: finished ? done : null, finished }, counts };
}

async function startCursors(ctx: TenantContext): Promise<void> {
  const now = ctx.now();
  await ctx.state.initCursor(ctx.tenantId, STREAMS.snelstartRelaties, initialSnelStartCursor(now));
  await ctx.state.initCursor(ctx.tenantId, STREAMS.snelstartArtikelen, initialSnelStartCursor(now));
  await ctx.state.initCursor(ctx.tenantId, STREAMS.tribeOrganizations, initialTribeCursor(now));
  await ctx.state.initCursor(ctx.tenantId, STREAMS.tribeProducts, initialTribeCursor(now));
  await ctx.state.initCursor(ctx.tenantId, STREAMS.tribeInvoices, initialTribeCursor(new Date(0)));
  await ctx.state.initCursor(ctx.tenantId, STREAMS.tribeSalesOrders, initialTribeCursor(new Date(0)));
}
