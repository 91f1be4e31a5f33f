import type { EntityProgress, SyncCounts } from '../workflows/tenant-status';

/** What an activity tells the tenant workflow after one initial-sync batch. */
export interface InitialSyncBatchResult {
  phase: InitialSyncPhase;
  progress: EntityProgress;
  counts: Partial<SyncCounts>;
}

export type InitialSyncPhase = 'relations' | 'products';

export interface IncrementalSyncResult {
  counts: Partial<SyncCounts>;
  apiCalls: { snelstart: number; tribe: number };
  /** Work left over (a large backlog is drained in several activity calls). */
  more: boolean;
}

export interface TenantHealth {
  openFailures: number;
  warnings: string[];
}

export interface TenantSchedule {
  status: 'activating' | 'active' | 'paused' | 'deactivated';
  syncIntervalMinutes: number;
}

export type DocumentKind = 'invoice' | 'sales_order';

export interface PreparedDocumentBooking {
  state: 'not-ready' | 'pending' | 'booked' | 'documented';
  number: string | null;
  snelstartId: string | null;
  documentId: string | null;
  reason?: string;
}

/** A Tribe relationship (a customer or supplier role) created or changed, as its webhook tells. */
export interface OrganisationRoleChange {
  tenantId: string;
  /** The relationship's dotted type, e.g. `Relationship.Organization.Supplier`. */
  entityType: string;
  relationshipId: string;
}

export interface RoleWebhookRegistration {
  outcome: 'registered' | 'failed' | 'not-configured' | 'tenant-not-active';
  /** The Tribe entity types registered now (those already registered are not repeated). */
  added: string[];
}

export interface OrganisationRoleReview {
  outcome:
    'reviewed' | 'already-linked' | 'kept-until-resumed' | 'tenant-not-active' | 'not-exported' | 'not-found';
  organisationId: string | null;
  counts?: Partial<SyncCounts>;
}
