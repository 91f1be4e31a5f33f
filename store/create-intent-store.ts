import type { Pool } from 'pg';

export interface CreateIntent {
  naam: string;
  startedAt: Date;
}

export interface OpenCreateIntent extends CreateIntent {
  tribeId: string;
  role: string;
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

  /** Every create of the tenant whose outcome was never recorded, oldest first. */
  async list(tenantId: string): Promise<OpenCreateIntent[]> {
    const { rows } = await this.pool.query(
      `SELECT tribe_id, role, naam, started_at FROM relatie_create_intents WHERE tenant_id = $1
       ORDER BY started_at, tribe_id, role`,
      [tenantId],
    );
    return rows.map((row) => ({
      tribeId: row.tribe_id as string,
      role: row.role as string,
      naam: row.naam as string,
      startedAt: row.started_at as Date,
    }));
  }

  /**
   * Records that a create is about to be sent. Called only once whatever an earlier intent may have created
   * was looked for and not found, so the start is this request's: the look-up window is measured from it.
   */
  async begin(tenantId: string, tribeId: string, role: string, naam: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO relatie_create_intents (tenant_id, tribe_id, role, naam) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, tribe_id, role) DO UPDATE SET naam = EXCLUDED.naam, started_at = now()`,
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

/**
 * SnelStart artikelen about to become Tribe products, written before the creates of a page and removed once
 * the page is linked. One left behind means Tribe may hold a product (its ImportId names the artikel) that was
 * never linked: the next run looks it up by ImportId before creating.
 */
export class ProductCreateIntentStore {
  constructor(private readonly pool: Pool) {}

  /** Of these artikelen, the ones with a create whose outcome was never recorded. */
  async open(tenantId: string, artikelIds: readonly string[]): Promise<Set<string>> {
    if (artikelIds.length === 0) return new Set();
    const { rows } = await this.pool.query(
      `SELECT snelstart_id FROM product_create_intents WHERE tenant_id = $1 AND snelstart_id = ANY($2::uuid[])`,
      [tenantId, artikelIds],
    );
    return new Set(rows.map((row) => row.snelstart_id as string));
  }

  async begin(tenantId: string, artikelIds: readonly string[]): Promise<void> {
    if (artikelIds.length === 0) return;
    await this.pool.query(
      `INSERT INTO product_create_intents (tenant_id, snelstart_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT (tenant_id, snelstart_id) DO NOTHING`,
      [tenantId, artikelIds],
    );
  }

  async end(tenantId: string, artikelIds: readonly string[]): Promise<void> {
    if (artikelIds.length === 0) return;
    await this.pool.query(
      'DELETE FROM product_create_intents WHERE tenant_id = $1 AND snelstart_id = ANY($2::uuid[])',
      [tenantId, artikelIds],
    );
  }
}
