import type { Pool } from 'pg';

export interface CreateIntent {
  naam: string;
  startedAt: Date;
}

/** Relaties about to be created in SnelStart: written before the request, removed once linked. */
export class CreateIntentStore {
  constructor(private readonly pool: Pool) {}

  async find(tenantId: string, tribeId: string, role: string): Promise<CreateIntent | null> {
    const { rows } = await this.pool.query(
      'SELECT naam, started_at FROM relatie_create_intents WHERE tenant_id = $1 AND tribe_id = $2 AND role = $3',
      [tenantId, tribeId, role],
    );
    const row = rows[0];
    return row ? { naam: row.naam as string, startedAt: row.started_at as Date } : null;
  }

  /** Keeps the earliest start: a relatie an earlier attempt created is at least that old. */
  async begin(tenantId: string, tribeId: string, role: string, naam: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO relatie_create_intents (tenant_id, tribe_id, role, naam) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, tribe_id, role) DO UPDATE SET naam = EXCLUDED.naam`,
      [tenantId, tribeId, role, naam],
    );
  }

  async end(tenantId: string, tribeId: string, role: string): Promise<void> {
    await this.pool.query(
      'DELETE FROM relatie_create_intents WHERE tenant_id = $1 AND tribe_id = $2 AND role = $3',
      [tenantId, tribeId, role],
    );
  }
}
