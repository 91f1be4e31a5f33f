import type { Pool } from 'pg';

/** A role given in Tribe (the relationship's dotted type and id), as its webhook told it. */
export interface PendingRoleChange {
  entityType: string;
  relationshipId: string;
  receivedAt: Date;
}

/** Roles given in Tribe while the tenant was paused, kept for the first cycle after it resumes. */
export class PendingRoleStore {
  constructor(private readonly pool: Pool) {}

  async keep(tenantId: string, change: { entityType: string; relationshipId: string }): Promise<void> {
    await this.pool.query(
      `INSERT INTO pending_role_changes (tenant_id, entity_type, relationship_id) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, entity_type, relationship_id) DO UPDATE SET received_at = now()`,
      [tenantId, change.entityType, change.relationshipId],
    );
  }

  /** Oldest first. */
  async list(tenantId: string): Promise<PendingRoleChange[]> {
    const { rows } = await this.pool.query(
      `SELECT entity_type, relationship_id, received_at FROM pending_role_changes WHERE tenant_id = $1
       ORDER BY received_at, relationship_id`,
      [tenantId],
    );
    return rows.map((row) => ({
      entityType: row.entity_type as string,
      relationshipId: row.relationship_id as string,
      receivedAt: row.received_at as Date,
    }));
  }

  /** Removes a change once handled; one received again meanwhile stays for the next cycle. */
  async remove(tenantId: string, change: PendingRoleChange): Promise<void> {
    await this.pool.query(
      `DELETE FROM pending_role_changes WHERE tenant_id = $1 AND entity_type = $2 AND relationship_id = $3
         AND date_trunc('milliseconds', received_at) <= $4`,
      [tenantId, change.entityType, change.relationshipId, change.receivedAt],
    );
  }
}
