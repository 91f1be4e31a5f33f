import type { Pool } from 'pg';

export type LinkedEntity = 'relation' | 'product';

export interface RecordLink {
  entity: LinkedEntity;
  snelstartId: string;
  tribeId: string;
  role: string | null;
  snelstartCode: string | null;
  matchedBy: string;
}

/** SnelStart id ↔ Tribe id, the first and strongest matching rule. */
export class LinkStore {
  constructor(private readonly pool: Pool) {}

  async bySnelstartIds(
    tenantId: string,
    entity: LinkedEntity,
    ids: string[],
  ): Promise<Map<string, RecordLink>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query(
      `SELECT * FROM record_links WHERE tenant_id = $1 AND entity = $2 AND snelstart_id = ANY($3::uuid[])`,
      [tenantId, entity, ids],
    );
    return new Map(rows.map((row) => [row.snelstart_id as string, toLink(row)]));
  }

  async byTribeIds(
    tenantId: string,
    entity: LinkedEntity,
    ids: string[],
  ): Promise<Map<string, RecordLink[]>> {
    const result = new Map<string, RecordLink[]>();
    if (ids.length === 0) return result;
    const { rows } = await this.pool.query(
      `SELECT * FROM record_links WHERE tenant_id = $1 AND entity = $2 AND tribe_id = ANY($3::uuid[])`,
      [tenantId, entity, ids],
    );
    for (const row of rows) {
      const link = toLink(row);
      result.set(link.tribeId, [...(result.get(link.tribeId) ?? []), link]);
    }
    return result;
  }

  async upsert(tenantId: string, links: RecordLink[]): Promise<void> {
    if (links.length === 0) return;
    await this.pool.query(
      `INSERT INTO record_links (tenant_id, entity, snelstart_id, tribe_id, role, snelstart_code, matched_by)
       SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT (tenant_id, entity, snelstart_id) DO UPDATE SET tribe_id = EXCLUDED.tribe_id,
         role = EXCLUDED.role, snelstart_code = EXCLUDED.snelstart_code, updated_at = now()`,
      [
        tenantId,
        links.map((l) => l.entity),
        links.map((l) => l.snelstartId),
        links.map((l) => l.tribeId),
        links.map((l) => l.role),
        links.map((l) => l.snelstartCode),
        links.map((l) => l.matchedBy),
      ],
    );
  }

  /**
   * Stores the link unless its SnelStart record is linked already, atomically; returns the link that holds
   * (two organisations adopting one relatie at once: the first wins, the second sees it).
   */
  async insertIfAbsent(tenantId: string, link: RecordLink): Promise<RecordLink> {
    await this.pool.query(
      `INSERT INTO record_links (tenant_id, entity, snelstart_id, tribe_id, role, snelstart_code, matched_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, entity, snelstart_id) DO NOTHING`,
      [tenantId, link.entity, link.snelstartId, link.tribeId, link.role, link.snelstartCode, link.matchedBy],
    );
    const stored = (await this.bySnelstartIds(tenantId, link.entity, [link.snelstartId])).get(
      link.snelstartId,
    );
    if (!stored) throw new Error(`link of ${link.entity} ${link.snelstartId} was not stored`);
    return stored;
  }

  async count(tenantId: string, entity: LinkedEntity): Promise<number> {
    const { rows } = await this.pool.query(
      'SELECT count(*)::int AS n FROM record_links WHERE tenant_id = $1 AND entity = $2',
      [tenantId, entity],
    );
    return rows[0].n;
  }
}

function toLink(row: Record<string, unknown>): RecordLink {
  return {
    entity: row.entity as LinkedEntity,
    snelstartId: row.snelstart_id as string,
    tribeId: row.tribe_id as string,
    role: (row.role as string | null) ?? null,
    snelstartCode: (row.snelstart_code as string | null) ?? null,
    matchedBy: row.matched_by as string,
  };
}
