import type { Pool } from 'pg';
import { CredentialCipher } from './credential-cipher';
import { pgJson, pgText } from './postgres-values';

export type TenantStatusValue = 'activating' | 'active' | 'paused' | 'deactivated';

export interface TenantRow<Config = unknown> {
  id: string;
  status: TenantStatusValue;
  config: Config;
  snelstartPackage: string | null;
  administratieNaam: string | null;
  /** The SnelStart administration the tenant syncs (`companyInfo.administratieIdentifier`); null if never read. */
  snelstartAdministratieId: string | null;
  /** The Tribe account the tenant syncs, by its own organisation's ID; null if never read. */
  tribeOwnOrganizationId: string | null;
  createdAt: Date;
  updatedAt: Date;
  activatedAt: Date | null;
  deactivatedAt: Date | null;
}

/** The secrets of one tenant. Only ever held in memory inside activities and the admin API. */
export interface TenantCredentials {
  koppelsleutel: string;
  tribeClientId: string;
  tribeClientSecret: string;
}

export class TenantNotFoundError extends Error {
  override name = 'TenantNotFoundError';
  constructor(readonly tenantId: string) {
    super(`Tenant "${tenantId}" does not exist. List tenants with: koppeling tenant list`);
  }
}

export class TenantStore {
  constructor(
    private readonly pool: Pool,
    private readonly cipher: CredentialCipher,
  ) {}

  /**
   * Stores a tenant's configuration and credentials. `status: 'keep'` changes neither the status nor the
   * deactivation date of a stored tenant: a change of configuration must not undo a pause or deactivation the
   * workflow recorded meanwhile.
   */
  async upsertTenant(input: {
    id: string;
    status: TenantStatusValue | 'keep';
    config: unknown;
    snelstartPackage: string | null;
    administratieNaam: string | null;
    /** Only ever filled in: once known, the systems a tenant syncs do not change (its links point into them). */
    snelstartAdministratieId?: string | null;
    tribeOwnOrganizationId?: string | null;
    credentials: TenantCredentials;
  }): Promise<void> {
    const blob = this.cipher.encrypt(input.id, JSON.stringify(input.credentials));
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO tenants (id, status, config, snelstart_package, administratie_naam, activated_at,
           snelstart_administratie_id, tribe_own_organization_id)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $2 = 'active' THEN now() END, $7, $8)
         ON CONFLICT (id) DO UPDATE SET
           status = CASE WHEN $6 THEN tenants.status ELSE EXCLUDED.status END,
           config = EXCLUDED.config,
           snelstart_package = EXCLUDED.snelstart_package, administratie_naam = EXCLUDED.administratie_naam,
           snelstart_administratie_id = COALESCE(tenants.snelstart_administratie_id, EXCLUDED.snelstart_administratie_id),
           tribe_own_organization_id = COALESCE(tenants.tribe_own_organization_id, EXCLUDED.tribe_own_organization_id),
           activated_at = COALESCE(tenants.activated_at, EXCLUDED.activated_at),
           deactivated_at = CASE WHEN $6 THEN tenants.deactivated_at END, updated_at = now()`,
        [
          input.id,
          input.status === 'keep' ? 'active' : input.status,
          JSON.stringify(input.config),
          input.snelstartPackage,
          input.administratieNaam,
          input.status === 'keep',
          input.snelstartAdministratieId ?? null,
          input.tribeOwnOrganizationId ?? null,
        ],
      );
      await client.query(
        `INSERT INTO tenant_credentials (tenant_id, key_id, iv, auth_tag, ciphertext) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id) DO UPDATE SET key_id = EXCLUDED.key_id, iv = EXCLUDED.iv,
           auth_tag = EXCLUDED.auth_tag, ciphertext = EXCLUDED.ciphertext, updated_at = now()`,
        [input.id, blob.keyId, blob.iv, blob.authTag, blob.ciphertext],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }

  async findTenant<Config = unknown>(id: string): Promise<TenantRow<Config> | null> {
    const { rows } = await this.pool.query('SELECT * FROM tenants WHERE id = $1', [id]);
    return rows[0] ? toTenantRow<Config>(rows[0]) : null;
  }

  async getTenant<Config = unknown>(id: string): Promise<TenantRow<Config>> {
    const row = await this.findTenant<Config>(id);
    if (!row) throw new TenantNotFoundError(id);
    return row;
  }

  async listTenants(): Promise<TenantRow[]> {
    const { rows } = await this.pool.query('SELECT * FROM tenants ORDER BY id');
    return rows.map((row) => toTenantRow(row));
  }

  async updateConfig(id: string, config: unknown): Promise<void> {
    const res = await this.pool.query('UPDATE tenants SET config = $2, updated_at = now() WHERE id = $1', [
      id,
      JSON.stringify(config),
    ]);
    if (res.rowCount === 0) throw new TenantNotFoundError(id);
  }

  async setStatus(id: string, status: TenantStatusValue): Promise<void> {
    const res = await this.pool.query(
      `UPDATE tenants SET status = $2, updated_at = now(),
         deactivated_at = CASE WHEN $2 = 'deactivated' THEN now() ELSE NULL END WHERE id = $1`,
      [id, status],
    );
    if (res.rowCount === 0) throw new TenantNotFoundError(id);
  }

  async loadCredentials(id: string): Promise<TenantCredentials> {
    const { rows } = await this.pool.query(
      'SELECT key_id, iv, auth_tag, ciphertext FROM tenant_credentials WHERE tenant_id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) throw new TenantNotFoundError(id);
    const json = this.cipher.decrypt(id, {
      keyId: row.key_id,
      iv: row.iv,
      authTag: row.auth_tag,
      ciphertext: row.ciphertext,
    });
    return JSON.parse(json) as TenantCredentials;
  }

  async audit(
    tenantId: string,
    kind: string,
    message: string,
    extra: { entity?: string; recordId?: string; details?: unknown } = {},
  ) {
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
}

function toTenantRow<Config>(row: Record<string, unknown>): TenantRow<Config> {
  return {
    id: row.id as string,
    status: row.status as TenantStatusValue,
    config: row.config as Config,
    snelstartPackage: (row.snelstart_package as string | null) ?? null,
    administratieNaam: (row.administratie_naam as string | null) ?? null,
    snelstartAdministratieId: (row.snelstart_administratie_id as string | null) ?? null,
    tribeOwnOrganizationId: (row.tribe_own_organization_id as string | null) ?? null,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    activatedAt: (row.activated_at as Date | null) ?? null,
    deactivatedAt: (row.deactivated_at as Date | null) ?? null,
  };
}
