import { MultiBar, type SingleBar } from 'cli-progress';
import type { WorkflowStatusBody } from '../../admin-api/schemas/tenant-schemas';

/** One live progress bar per entity of the initial sync. */
export class InitialSyncProgress {
  private readonly multiBar: MultiBar;
  private readonly bars = new Map<string, SingleBar>();

  constructor(stream: NodeJS.WritableStream, refreshMs: number) {
    this.multiBar = new MultiBar({
      stream,
      format: '  {entity} [{bar}] {value}/{totalLabel} {state}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
      // Redirected to a file or a CI log, the bars are printed as lines on every refresh.
      noTTYOutput: true,
      notTTYSchedule: refreshMs,
    });
  }

  update(progress: WorkflowStatusBody['progress']): void {
    for (const [entity, { done, total, finished }] of Object.entries(progress)) {
      const payload = {
        entity: entity.padEnd(14),
        totalLabel: total === null ? '?' : String(total),
        state: finished ? 'done' : '',
      };
      const barTotal = Math.max(total ?? done, done, 1);
      const bar = this.bars.get(entity);
      if (bar) {
        bar.setTotal(barTotal);
        bar.update(done, payload);
      } else {
        this.bars.set(entity, this.multiBar.create(barTotal, done, payload));
      }
    }
  }

  stop(): void {
    this.multiBar.stop();
  }
}
