import type { RecordFailure } from '../../store/health-store';
import type { TenantStatus } from '../../workflows/tenant-status';

/**
 * What an operator can do with the integration. The admin HTTP API and the CLI are two faces of
 * this one service; neither talks to PostgreSQL or Temporal directly.
 */
export interface OperatorService {
  /** Validates the activation file against both live systems, stores it and starts the tenant's workflow. */
  activate(input: unknown): Promise<ActivationResult>;
  /** Replaces the mappings and settings of an existing tenant without touching its sync state. */
  updateConfig(tenantId: string, input: unknown): Promise<ActivationResult>;
  listTenants(): Promise<TenantSummary[]>;
  status(tenantId: string): Promise<TenantStatusReport>;
  pause(tenantId: string): Promise<void>;
  resume(tenantId: string): Promise<void>;
  deactivate(tenantId: string): Promise<void>;
  syncNow(tenantId: string): Promise<void>;
  failures(tenantId: string): Promise<RecordFailure[]>;
  /** Marks failed records for another attempt and triggers a sync; returns how many were marked. */
  retry(tenantId: string, recordId?: string): Promise<{ marked: number }>;
  mappingOptions(tenantId: string): Promise<MappingOptions>;
  /** The same options before activation, read with the credentials of a (draft) activation file. */
  mappingOptionsFor(input: unknown): Promise<MappingOptions>;
  /** Runs the initial sync's matching against the live systems without writing anything. */
  preview(input: unknown): Promise<PreviewReport>;
  /**
   * Registers every tenant's Tribe webhooks with the current secret and removes those made with an earlier one
   * (after the webhook secret changed); also registers what is missing. Deactivated tenants are left alone.
   * Only the given tenants when `tenantIds` is given.
   */
  renewWebhooks(tenantIds?: readonly string[]): Promise<WebhookRenewal[]>;
}

/** What renewing one tenant's webhooks did. */
export interface WebhookRenewal {
  tenantId: string;
  outcome: 'renewed' | 'failed' | 'skipped';
  /** Entity types registered anew. */
  added: string[];
  /** Webhooks made with an earlier secret that were removed. */
  replaced: number;
  /** Why it failed or was skipped, and what to do. */
  message: string | null;
}

/** A problem a person can fix: which field, what is wrong, what to do. */
export interface Problem {
  field: string;
  message: string;
}

/** Thrown for bad input; the HTTP API answers 400/404/409 with the problems, the CLI prints them. */
export class OperatorError extends Error {
  override name = 'OperatorError';
  constructor(
    readonly kind: 'invalid' | 'not-found' | 'conflict' | 'unavailable',
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

export interface ActivationResult {
  tenantId: string;
  workflowId: string;
  snelstartPackage: string;
  administratieNaam: string | null;
  warnings: string[];
}

export interface TenantSummary {
  tenantId: string;
  status: 'activating' | 'active' | 'paused' | 'deactivated';
  mode: 'invoice' | 'salesOrder';
  administratieNaam: string | null;
  activatedAt: string | null;
}

export interface TenantStatusReport {
  tenantId: string;
  status: TenantSummary['status'];
  /** Live state from the tenant's workflow; null when it is not running. */
  workflow: TenantStatus | null;
  openFailures: number;
  warnings: string[];
}

export interface Option {
  id: string;
  code?: string | number | null;
  name: string;
}

export interface MappingOptions {
  snelstart: {
    btwSoorten: Option[];
    grootboeken: Option[];
    verkoopordersjablonen: Option[];
  };
  tribe: {
    vatGroups: Option[];
    ledgerAccounts: Option[];
    addressTypes: Option[];
    relationTypes: Option[];
  };
}

export interface PreviewRow {
  entity: 'relation' | 'product';
  snelstartId: string;
  code: string | null;
  name: string;
  outcome: 'linked' | 'matched' | 'create' | 'skip' | 'ambiguous';
  rule: string | null;
  tribeId: string | null;
  candidates: string[];
  reason: string | null;
}

export interface PreviewReport {
  rows: PreviewRow[];
  totals: Record<PreviewRow['outcome'], number>;
}
