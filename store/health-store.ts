import type { Pool } from 'pg';
import { pgJson, pgText } from './postgres-values';

export interface RecordFailure {
  id: number;
  entity: string;
  source: 'snelstart' | 'tribe';
  recordId: string;
  operation: string;
  reason: string;
  details: unknown;
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
  retryRequestedAt: Date | null;
}

export interface FailureInput {
  entity: string;
  source: 'snelstart' | 'tribe';
  recordId: string;
  operation: string;
  reason: string;
  details?: unknown;
}

/** Per-record failures and tenant warnings: what an operator sees and acts on. */
export class HealthStore {
  constructor(private readonly pool: Pool) {}

  async recordFailure(tenantId: string, failure: FailureInput): Promise<void> {
    await this.pool.query(
      `INSERT INTO record_failures (tenant_id, entity, source, record_id, operation, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, entity, source, record_id) WHERE resolved_at IS NULL
       DO UPDATE SET reason = EXCLUDED.reason, details = EXCLUDED.details, operation = EXCLUDED.operation,
         attempts = record_failures.attempts + 1, last_failed_at = now(), retry_requested_at = NULL`,
      [
        tenantId,
        failure.entity,
        failure.source,
        failure.recordId,
        failure.operation,
        pgText(failure.reason),
        failure.details === undefined ? null : pgJson(failure.details),
      ],
    );
  }

  async resolveFailure(tenantId: string, entity: string, source: string, recordId: string): Promise<void> {
    await this.pool.query(
      `UPDATE record_failures SET resolved_at = now()
       WHERE tenant_id = $1 AND entity = $2 AND source = $3 AND record_id = $4 AND resolved_at IS NULL`,
      [tenantId, entity, source, recordId],
    );
  }

  async listOpenFailures(tenantId: string): Promise<RecordFailure[]> {
    const { rows } = await this.pool.query<RecordFailureRow>(
      `SELECT * FROM record_failures WHERE tenant_id = $1 AND resolved_at IS NULL ORDER BY last_failed_at DESC`,
      [tenantId],
    );
    return rows.map(recordFailureFromRow);
  }

  /** Marks open failures for retry on the next cycle; returns how many were marked. */
  async requestRetry(tenantId: string, recordId?: string): Promise<number> {
    const res = await this.pool.query(
      `UPDATE record_failures SET retry_requested_at = now()
       WHERE tenant_id = $1 AND resolved_at IS NULL AND ($2::text IS NULL OR record_id = $2 OR id::text = $2)`,
      [tenantId, recordId ?? null],
    );
    return res.rowCount ?? 0;
  }

  async takeRetryRequests(tenantId: string): Promise<RecordFailure[]> {
    const { rows } = await this.pool.query<RecordFailureRow>(
      `SELECT * FROM record_failures WHERE tenant_id = $1 AND resolved_at IS NULL AND retry_requested_at IS NOT NULL`,
      [tenantId],
    );
    return rows.map(recordFailureFromRow);
  }

  /** Which of these records have an open failure (resolved when they sync again). */
  async openFailureIds(
    tenantId: string,
    entity: string,
    source: string,
    recordIds: string[],
  ): Promise<Set<string>> {
    if (recordIds.length === 0) return new Set();
    const { rows } = await this.pool.query(
      `SELECT record_id FROM record_failures WHERE tenant_id = $1 AND entity = $2 AND source = $3
         AND record_id = ANY($4::text[]) AND resolved_at IS NULL`,
      [tenantId, entity, source, recordIds],
    );
    return new Set(rows.map((row) => row.record_id as string));
  }

  async audit(
    tenantId: string,
    kind: string,
    message: string,
    extra: { entity?: string; recordId?: string; details?: unknown } = {},
  ): Promise<void> {
    await this.pool.query(
      'INSERT INTO audit_log (tenant_id, kind, entity, record_id, message, details) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        tenantId,
        kind,
        extra.entity ?? null,
        extra.recordId ?? null,
        pgText(message),
        extra.details === undefined ? null : pgJson(extra.details),
      ],
    );
  }

  /** A retried record that failed again keeps its failure but is not retried again until asked. */
  async clearRetryRequest(tenantId: string, failureId: number): Promise<void> {
    await this.pool.query(
      'UPDATE record_failures SET retry_requested_at = NULL WHERE tenant_id = $1 AND id = $2',
      [tenantId, failureId],
    );
  }

  async setWarning(tenantId: string, code: string, subject: string, message: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO tenant_warnings (tenant_id, code, subject, message) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, code, subject) DO UPDATE SET message = EXCLUDED.message, resolved_at = NULL`,
      [tenantId, code, pgText(subject), pgText(message)],
    );
  }

  async clearWarning(tenantId: string, code: string, subject: string): Promise<void> {
    await this.pool.query(
      `UPDATE tenant_warnings SET resolved_at = now() WHERE tenant_id = $1 AND code = $2 AND subject = $3`,
      [tenantId, code, subject],
    );
  }

  async summary(tenantId: string): Promise<{ openFailures: number; warnings: string[] }> {
    const [failures, warnings] = await Promise.all([
      this.pool.query(
        'SELECT count(*)::int AS n FROM record_failures WHERE tenant_id = $1 AND resolved_at IS NULL',
        [tenantId],
      ),
      this.pool.query(
        'SELECT message FROM tenant_warnings WHERE tenant_id = $1 AND resolved_at IS NULL ORDER BY created_at',
        [tenantId],
      ),
    ]);
    return { openFailures: failures.rows[0].n, warnings: warnings.rows.map((row) => row.message as string) };
  }
}

/** A `record_failures` row as pg returns it. */
interface RecordFailureRow {
  id: string;
  entity: string;
  source: RecordFailure['source'];
  record_id: string;
  operation: string;
  reason: string;
  details: unknown;
  attempts: number;
  first_failed_at: Date;
  last_failed_at: Date;
  retry_requested_at: Date | null;
}

function recordFailureFromRow(row: RecordFailureRow): RecordFailure {
  return {
    id: Number(row.id),
    entity: row.entity,
    source: row.source,
    recordId: row.record_id,
    operation: row.operation,
    reason: row.reason,
    details: row.details,
    attempts: row.attempts,
    firstFailedAt: row.first_failed_at,
    lastFailedAt: row.last_failed_at,
    retryRequestedAt: row.retry_requested_at,
  };
}
