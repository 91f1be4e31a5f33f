import type { HealthStore } from '../../store/health-store';
import { TenantNotFoundError, type TenantRow, type TenantStore } from '../../store/tenant-store';
import { TenantWorkflowNotRunningError, type TenantWorkflows } from '../temporal-client';
import { OperatorError, type TenantStatusReport, type TenantSummary } from './operator-service';

/** The day-to-day operations on an activated tenant: status, pause, resume, deactivate, failures, retry. */
export class TenantOperations {
  constructor(
    private readonly tenants: TenantStore,
    private readonly health: HealthStore,
    private readonly workflows: TenantWorkflows,
  ) {}

  async listTenants(): Promise<TenantSummary[]> {
    return (await this.tenants.listTenants()).map(summarise);
  }

  async status(tenantId: string): Promise<TenantStatusReport> {
    const tenant = await this.tenant(tenantId);
    const [workflow, health] = await Promise.all([
      this.workflows.status(tenantId),
      this.health.summary(tenantId),
    ]);
    return {
      tenantId,
      status: tenant.status,
      workflow,
      openFailures: health.openFailures,
      warnings: health.warnings,
    };
  }

  async pause(tenantId: string): Promise<void> {
    await this.signal(tenantId, () => this.workflows.pause(tenantId));
  }

  async resume(tenantId: string): Promise<void> {
    await this.signal(tenantId, () => this.workflows.resume(tenantId));
  }

  async syncNow(tenantId: string): Promise<void> {
    await this.signal(tenantId, () => this.workflows.syncNow(tenantId));
  }

  async deactivate(tenantId: string): Promise<void> {
    await this.signal(tenantId, () => this.workflows.deactivate(tenantId));
    await this.tenants.audit(
      tenantId,
      'deactivate-requested',
      'Deactivation requested; data stays in both systems',
    );
  }

  async failures(tenantId: string) {
    await this.tenant(tenantId);
    return this.health.listOpenFailures(tenantId);
  }

  async retry(tenantId: string, recordId?: string): Promise<{ marked: number }> {
    await this.tenant(tenantId);
    const marked = await this.health.requestRetry(tenantId, recordId);
    if (recordId && marked === 0) {
      throw new OperatorError(
        'not-found',
        `Tenant "${tenantId}" has no open failure for record "${recordId}".`,
        [{ field: 'recordId', message: 'list open failures with: koppeling tenant failures ' + tenantId }],
      );
    }
    if (marked > 0 && (await this.workflows.isRunning(tenantId))) await this.workflows.syncNow(tenantId);
    return { marked };
  }

  private async tenant(tenantId: string): Promise<TenantRow> {
    try {
      return await this.tenants.getTenant(tenantId);
    } catch (err) {
      if (err instanceof TenantNotFoundError) throw new OperatorError('not-found', err.message);
      throw err;
    }
  }

  private async signal(tenantId: string, send: () => Promise<void>): Promise<void> {
    const tenant = await this.tenant(tenantId);
    if (tenant.status === 'deactivated') {
      throw new OperatorError(
        'conflict',
        `Tenant "${tenantId}" is deactivated. Activate it again to resume syncing.`,
      );
    }
    try {
      await send();
    } catch (err) {
      if (err instanceof TenantWorkflowNotRunningError)
        throw new OperatorError(
          'conflict',
          `Tenant "${tenantId}" is ${tenant.status} but its workflow is not running (its start failed, or it was ended outside Koppeling). Start it again with: koppeling tenant activate --file <its configuration>`,
        );
      throw err;
    }
  }
}

function summarise(row: TenantRow): TenantSummary {
  const config = row.config as { mode?: 'invoice' | 'salesOrder' };
  return {
    tenantId: row.id,
    status: row.status,
    mode: config.mode ?? 'invoice',
    administratieNaam: row.administratieNaam,
    activatedAt: row.activatedAt ? row.activatedAt.toISOString() : null,
  };
}
