import {
  Client,
  Connection,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType, type SignalDefinition } from '@temporalio/common';
import {
  documentBookingWorkflow,
  organisationRolesWorkflow,
  deactivateSignal,
  pauseSignal,
  resumeSignal,
  statusQuery,
  syncNowSignal,
  tenantWorkflow,
} from '../workflows';
import type { TenantStatus } from '../workflows/tenant-status';

export const tenantIdKey = defineSearchAttributeKey('KoppelingTenantId', SearchAttributeType.KEYWORD);
export const kindKey = defineSearchAttributeKey('KoppelingKind', SearchAttributeType.KEYWORD);
export const invoiceNumberKey = defineSearchAttributeKey(
  'KoppelingInvoiceNumber',
  SearchAttributeType.KEYWORD,
);

export const tenantWorkflowId = (tenantId: string) => `tenant-${tenantId}`;
export const documentBookingWorkflowId = (
  tenantId: string,
  kind: 'invoice' | 'sales_order',
  tribeId: string,
) => `${kind === 'invoice' ? 'invoice' : 'sales-order'}-${tenantId}-${tribeId}`;

export const organisationRolesWorkflowId = (tenantId: string, relationshipId: string) =>
  `roles-${tenantId}-${relationshipId.toLowerCase()}`;

export class TenantWorkflowNotRunningError extends Error {
  override name = 'TenantWorkflowNotRunningError';
  constructor(readonly tenantId: string) {
    super(`Tenant "${tenantId}" has no running workflow (it is deactivated or was never activated).`);
  }
}

/** The operator's handle on tenant workflows: start, signal, query. Carries tenant ids only, never secrets. */
export class TenantWorkflows {
  constructor(
    readonly client: Client,
    readonly taskQueue: string,
  ) {}

  static async connect(address: string, namespace: string, taskQueue: string): Promise<TenantWorkflows> {
    const connection = await Connection.connect({ address });
    return new TenantWorkflows(new Client({ connection, namespace }), taskQueue);
  }

  async start(tenantId: string): Promise<{ workflowId: string; alreadyRunning: boolean }> {
    const workflowId = tenantWorkflowId(tenantId);
    try {
      await this.client.workflow.start(tenantWorkflow, {
        workflowId,
        taskQueue: this.taskQueue,
        args: [{ tenantId }],
        typedSearchAttributes: [
          { key: tenantIdKey, value: tenantId },
          { key: kindKey, value: 'tenant' },
        ],
        memo: { tenantId },
      });
      return { workflowId, alreadyRunning: false };
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, alreadyRunning: true };
      throw err;
    }
  }

  async status(tenantId: string): Promise<TenantStatus | null> {
    try {
      return await this.client.workflow.getHandle(tenantWorkflowId(tenantId)).query(statusQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError || isQueryOnClosed(err)) return null;
      throw err;
    }
  }

  async isRunning(tenantId: string): Promise<boolean> {
    try {
      const description = await this.client.workflow.getHandle(tenantWorkflowId(tenantId)).describe();
      return description.status.name === 'RUNNING';
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  }

  /**
   * Starts the booking workflow of one invoice or sales order, or joins the one already running: a burst of
   * webhooks for the same invoice ends in one workflow. A finished run may be started again (a re-phased
   * invoice); its first step sees the booking and does nothing.
   */
  async startDocumentBooking(
    tenantId: string,
    kind: 'invoice' | 'sales_order',
    tribeId: string,
  ): Promise<string> {
    const workflowId = documentBookingWorkflowId(tenantId, kind, tribeId);
    await this.client.workflow.start(documentBookingWorkflow, {
      workflowId,
      taskQueue: this.taskQueue,
      args: [{ tenantId, kind, tribeId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      typedSearchAttributes: [
        { key: tenantIdKey, value: tenantId },
        { key: kindKey, value: kind === 'invoice' ? 'invoice' : 'sales-order' },
      ],
    });
    return workflowId;
  }

  /** Looks at the organisation behind a Tribe relationship that was created or changed (one run per event burst). */
  async startOrganisationRoleReview(
    tenantId: string,
    entityType: string,
    relationshipId: string,
  ): Promise<string> {
    const workflowId = organisationRolesWorkflowId(tenantId, relationshipId);
    await this.client.workflow.start(organisationRolesWorkflow, {
      workflowId,
      taskQueue: this.taskQueue,
      args: [{ tenantId, entityType, relationshipId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      typedSearchAttributes: [
        { key: tenantIdKey, value: tenantId },
        { key: kindKey, value: 'organisation-roles' },
      ],
    });
    return workflowId;
  }

  pause = (tenantId: string) => this.signal(tenantId, pauseSignal);
  resume = (tenantId: string) => this.signal(tenantId, resumeSignal);
  deactivate = (tenantId: string) => this.signal(tenantId, deactivateSignal);
  syncNow = (tenantId: string) => this.signal(tenantId, syncNowSignal);

  private async signal(tenantId: string, signal: SignalDefinition): Promise<void> {
    try {
      await this.client.workflow.getHandle(tenantWorkflowId(tenantId)).signal(signal);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new TenantWorkflowNotRunningError(tenantId);
      throw err;
    }
  }
}

function isQueryOnClosed(err: unknown): boolean {
  return err instanceof Error && /workflow.*(closed|completed)|not found/i.test(err.message);
}
