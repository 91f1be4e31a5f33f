import type { Pool } from 'pg';

export interface PhaseProgress {
  nextOffset: number;
  done: number;
  total: number | null;
  completed: boolean;
}

/** Cursors of the incremental sync and the resumable position of the initial sync. */
export class SyncStateStore {
  constructor(private readonly pool: Pool) {}

  async cursors(tenantId: string): Promise<Map<string, string>> {
    const { rows } = await this.pool.query('SELECT stream, position FROM sync_cursors WHERE tenant_id = $1', [
      tenantId,
    ]);
    return new Map(rows.map((row) => [row.stream as string, row.position as string]));
  }

  async setCursor(tenantId: string, stream: string, position: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO sync_cursors (tenant_id, stream, position) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, stream) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
      [tenantId, stream, position],
    );
  }

  /** Sets the cursor only where none exists yet (the initial sync's starting point). */
  async initCursor(tenantId: string, stream: string, position: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO sync_cursors (tenant_id, stream, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [tenantId, stream, position],
    );
  }

  async progress(tenantId: string, phase: string): Promise<PhaseProgress> {
    const { rows } = await this.pool.query(
      'SELECT next_offset, done, total, completed_at FROM sync_progress WHERE tenant_id = $1 AND phase = $2',
      [tenantId, phase],
    );
    const row = rows[0];
    if (!row) return { nextOffset: 0, done: 0, total: null, completed: false };
    return {
      nextOffset: row.next_offset,
      done: row.done,
      total: row.total,
      completed: row.completed_at !== null,
    };
  }

  async saveProgress(tenantId: string, phase: string, progress: PhaseProgress): Promise<void> {
    await this.pool.query(
      `INSERT INTO sync_progress (tenant_id, phase, next_offset, done, total, completed_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END)
       ON CONFLICT (tenant_id, phase) DO UPDATE SET next_offset = EXCLUDED.next_offset, done = EXCLUDED.done,
         total = EXCLUDED.total, completed_at = EXCLUDED.completed_at, updated_at = now()`,
      [tenantId, phase, progress.nextOffset, progress.done, progress.total, progress.completed],
    );
  }
}
