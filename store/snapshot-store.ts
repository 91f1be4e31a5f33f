import type { Pool } from 'pg';
import type { LinkedEntity } from './link-store';
import { pgJson } from './postgres-values';

export interface RecordSnapshot {
  snelstartId: string;
  fields: Record<string, unknown>;
  fingerprint: string;
}

/** The last agreed field values of a linked record: merge base and echo detector. */
export class SnapshotStore {
  constructor(private readonly pool: Pool) {}

  async get(tenantId: string, entity: LinkedEntity, ids: string[]): Promise<Map<string, RecordSnapshot>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query(
      `SELECT snelstart_id, fields, fingerprint FROM record_snapshots
       WHERE tenant_id = $1 AND entity = $2 AND snelstart_id = ANY($3::uuid[])`,
      [tenantId, entity, ids],
    );
    return new Map(
      rows.map((row) => [
        row.snelstart_id as string,
        { snelstartId: row.snelstart_id, fields: row.fields, fingerprint: row.fingerprint },
      ]),
    );
  }

  async upsert(tenantId: string, entity: LinkedEntity, snapshots: RecordSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.pool.query(
      `INSERT INTO record_snapshots (tenant_id, entity, snelstart_id, fields, fingerprint)
       SELECT $1, $2, * FROM unnest($3::uuid[], $4::jsonb[], $5::text[])
       ON CONFLICT (tenant_id, entity, snelstart_id) DO UPDATE SET fields = EXCLUDED.fields,
         fingerprint = EXCLUDED.fingerprint, synced_at = now()`,
      [
        tenantId,
        entity,
        snapshots.map((s) => s.snelstartId),
        snapshots.map((s) => pgJson(s.fields)),
        snapshots.map((s) => s.fingerprint),
      ],
    );
  }
}
