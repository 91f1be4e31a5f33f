import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildAdminApi, type AdminApiOptions } from '../../client/admin-api/build-admin-api';
import {
  OperatorError,
  type ActivationResult,
  type MappingOptions,
  type OperatorService,
  type PreviewReport,
  type Problem,
  type TenantStatusReport,
  type TenantSummary,
  type WebhookRenewal,
} from '../../client/operator/operator-service';
import type { RecordFailure } from '../../store/health-store';
import { emptyCounts, type TenantStatus } from '../../workflows/tenant-status';

export const testToken = 'test-admin-token-0123456789';

/**
 * An in-memory OperatorService: the seam between the operator faces and the engine. It keeps just
 * enough state to answer like the real one (unknown tenant, already active, validation problems).
 */
export class FakeOperatorService implements OperatorService {
  readonly tenants = new Map<string, TenantSummary>();
  readonly failuresByTenant = new Map<string, RecordFailure[]>();
  /** Workflow states `status()` hands out one per call (the last one repeats), to simulate progress. */
  readonly workflowScripts = new Map<string, TenantStatus[]>();
  readonly calls: { method: string; args: unknown[] }[] = [];
  /** Thrown by the next call of the named method, once. */
  readonly failNext = new Map<keyof OperatorService, unknown>();

  async activate(input: unknown): Promise<ActivationResult> {
    this.record('activate', input);
    const file = readActivationFile(input);
    const existing = this.tenants.get(file.tenantId);
    if (existing && existing.status !== 'deactivated') {
      throw new OperatorError('conflict', `Tenant "${file.tenantId}" is already ${existing.status}.`);
    }
    this.tenants.set(file.tenantId, {
      tenantId: file.tenantId,
      status: 'active',
      mode: file.mode,
      administratieNaam: 'Demo Administratie BV',
      activatedAt: '2025-11-28T09:00:00.000Z',
    });
    return this.activationResult(file.tenantId);
  }

  async updateConfig(tenantId: string, input: unknown): Promise<ActivationResult> {
    this.record('updateConfig', tenantId, input);
    this.tenant(tenantId);
    readActivationFile(input);
    return this.activationResult(tenantId);
  }

  /** Tenants whose webhook registration fails in `renewWebhooks`. */
  readonly webhookFailures = new Set<string>();

  async renewWebhooks(tenantIds?: readonly string[]): Promise<WebhookRenewal[]> {
    this.record('renewWebhooks', tenantIds);
    for (const id of tenantIds ?? []) this.tenant(id);
    const chosen = [...this.tenants.values()].filter(
      (tenant) => tenantIds === undefined || tenantIds.includes(tenant.tenantId),
    );
    return chosen.map((tenant): WebhookRenewal => {
      const none = { tenantId: tenant.tenantId, added: [], replaced: 0 };
      if (tenant.status === 'deactivated') return { ...none, outcome: 'skipped', message: 'deactivated' };
      if (this.webhookFailures.has(tenant.tenantId))
        return { ...none, outcome: 'failed', message: 'Tribe webhooks could not be registered (HTTP 503).' };
      return { ...none, outcome: 'renewed', added: ['Activity.Invoice'], replaced: 2, message: null };
    });
  }

  async listTenants(): Promise<TenantSummary[]> {
    this.record('listTenants');
    return [...this.tenants.values()];
  }

  async status(tenantId: string): Promise<TenantStatusReport> {
    this.record('status', tenantId);
    const tenant = this.tenant(tenantId);
    const script = this.workflowScripts.get(tenantId) ?? [];
    const workflow = (script.length > 1 ? script.shift() : script[0]) ?? null;
    return {
      tenantId,
      status: tenant.status,
      workflow,
      openFailures: this.failuresByTenant.get(tenantId)?.length ?? 0,
      warnings: [],
    };
  }

  pause = (tenantId: string) => this.transition('pause', tenantId, 'active', 'paused');
  resume = (tenantId: string) => this.transition('resume', tenantId, 'paused', 'active');

  async deactivate(tenantId: string): Promise<void> {
    this.record('deactivate', tenantId);
    this.tenant(tenantId).status = 'deactivated';
  }

  async syncNow(tenantId: string): Promise<void> {
    this.record('syncNow', tenantId);
    const tenant = this.tenant(tenantId);
    if (tenant.status !== 'active') {
      throw new OperatorError('conflict', `Tenant "${tenantId}" is ${tenant.status}; resume it first.`);
    }
  }

  async failures(tenantId: string): Promise<RecordFailure[]> {
    this.record('failures', tenantId);
    this.tenant(tenantId);
    return this.failuresByTenant.get(tenantId) ?? [];
  }

  async retry(tenantId: string, recordId?: string): Promise<{ marked: number }> {
    this.record('retry', tenantId, recordId);
    this.tenant(tenantId);
    const failures = this.failuresByTenant.get(tenantId) ?? [];
    const marked = failures.filter((failure) => recordId === undefined || failure.recordId === recordId);
    return { marked: marked.length };
  }

  async mappingOptionsFor(input: unknown): Promise<MappingOptions> {
    this.record('mappingOptionsFor', input);
    const credentials = input as { snelstart?: { koppelsleutel?: string } };
    if (!credentials.snelstart?.koppelsleutel)
      throw new OperatorError('invalid', 'The file needs the SnelStart koppelsleutel.', [
        { field: 'snelstart', message: 'is missing' },
      ]);
    return this.options();
  }

  async mappingOptions(tenantId: string): Promise<MappingOptions> {
    this.record('mappingOptions', tenantId);
    this.tenant(tenantId);
    return this.options();
  }

  private options(): MappingOptions {
    return {
      snelstart: {
        btwSoorten: [
          { id: 'Hoog', code: 'Hoog', name: 'BTW hoog (21%)' },
          { id: 'Laag', code: 'Laag', name: 'BTW laag (9%)' },
        ],
        grootboeken: [{ id: '6a1f0c2e-0000-4000-8000-000000008000', code: 8000, name: 'Omzet hoog' }],
        verkoopordersjablonen: [],
      },
      tribe: {
        vatGroups: [{ id: 'vg-21', code: 'H21', name: 'Hoog 21%' }],
        ledgerAccounts: [{ id: 'gl-8000', code: '8000', name: 'Omzet' }],
        addressTypes: [{ id: 'at-visit', name: 'Bezoekadres' }],
        relationTypes: [{ id: 'rt-customer', name: 'Customer' }],
      },
    };
  }

  async preview(input: unknown): Promise<PreviewReport> {
    this.record('preview', input);
    readActivationFile(input);
    return {
      rows: [
        row({
          snelstartId: 'k-1',
          code: '1001',
          name: 'Bakkerij Jansen',
          outcome: 'matched',
          rule: 'debtor-number',
          tribeId: 't-1',
        }),
        row({ snelstartId: 'k-2', code: '1002', name: 'Fietsen BV', outcome: 'create' }),
        row({
          snelstartId: 'k-3',
          code: '1003',
          name: 'Groen & Zn',
          outcome: 'ambiguous',
          rule: 'name-address',
          candidates: ['t-7', 't-8'],
          reason: 'two Tribe organisations match name and address',
        }),
      ],
      totals: { linked: 0, matched: 1, create: 1, skip: 0, ambiguous: 1 },
    };
  }

  private record(method: keyof OperatorService, ...args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.failNext.has(method)) {
      const error = this.failNext.get(method);
      this.failNext.delete(method);
      throw error;
    }
  }

  private tenant(tenantId: string): TenantSummary {
    const tenant = this.tenants.get(tenantId);
    if (!tenant) throw new OperatorError('not-found', `Tenant "${tenantId}" does not exist.`);
    return tenant;
  }

  private async transition(
    method: 'pause' | 'resume',
    tenantId: string,
    from: TenantSummary['status'],
    to: TenantSummary['status'],
  ): Promise<void> {
    this.record(method, tenantId);
    const tenant = this.tenant(tenantId);
    if (tenant.status !== from) {
      throw new OperatorError('conflict', `Tenant "${tenantId}" is ${tenant.status}, not ${from}.`);
    }
    tenant.status = to;
  }

  private activationResult(tenantId: string): ActivationResult {
    return {
      tenantId,
      workflowId: `tenant-${tenantId}`,
      snelstartPackage: 'InKaart',
      administratieNaam: 'Demo Administratie BV',
      warnings: [],
    };
  }
}

/** The part of an activation file the fake checks; the real service checks everything. */
function readActivationFile(input: unknown): { tenantId: string; mode: TenantSummary['mode'] } {
  const file = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  if (typeof file.tenantId !== 'string') problems.push({ field: 'tenantId', message: 'is required' });
  const snelstart = file.snelstart as { koppelsleutel?: unknown } | undefined;
  if (typeof snelstart?.koppelsleutel !== 'string') {
    problems.push({
      field: 'snelstart.koppelsleutel',
      message: 'is required: the client key from SnelStart',
    });
  }
  if (problems.length > 0) {
    throw new OperatorError('invalid', `The activation file has ${problems.length} problem(s).`, problems);
  }
  return { tenantId: file.tenantId as string, mode: file.mode === 'salesOrder' ? 'salesOrder' : 'invoice' };
}

function row(values: Partial<PreviewReport['rows'][number]>): PreviewReport['rows'][number] {
  return {
    entity: 'relation',
    snelstartId: '',
    code: null,
    name: '',
    outcome: 'create',
    rule: null,
    tribeId: null,
    candidates: [],
    reason: null,
    ...values,
  };
}

export function workflowStatus(tenantId: string, values: Partial<TenantStatus> = {}): TenantStatus {
  return {
    tenantId,
    phase: 'idle',
    paused: false,
    progress: {},
    lastSyncAt: '2025-11-28T10:00:00.000Z',
    lastSyncError: null,
    nextSyncAt: '2025-11-28T11:00:00.000Z',
    cycles: 1,
    counts: emptyCounts(),
    openFailures: 0,
    warnings: [],
    ...values,
  };
}

export function recordFailure(values: Partial<RecordFailure> = {}): RecordFailure {
  return {
    id: 1,
    entity: 'relation',
    source: 'snelstart',
    recordId: 'k-42',
    operation: 'create-in-tribe',
    reason: 'Name is missing: give the relation a name in SnelStart.',
    details: null,
    attempts: 2,
    firstFailedAt: new Date('2025-11-28T08:00:00.000Z'),
    lastFailedAt: new Date('2025-11-28T09:30:00.000Z'),
    retryRequestedAt: null,
    ...values,
  };
}

export interface RunningAdminApi {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** A real admin API on a free port, backed by the given service. */
export async function startAdminApi(
  service: OperatorService,
  options: Partial<AdminApiOptions> = {},
): Promise<RunningAdminApi> {
  const app = buildAdminApi({ service, token: testToken, logger: pino({ level: 'silent' }), ...options });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url, close: () => app.close() };
}

export interface HttpResult {
  statusCode: number;
  headers: Headers;
  body: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read any shape
}

/** One HTTP request to a running admin API; objects are sent as JSON, strings and buffers as they are. */
export async function request(
  api: RunningAdminApi,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; payload?: unknown } = {},
): Promise<HttpResult> {
  const headers = { ...options.headers };
  let body: string | Buffer | undefined;
  if (typeof options.payload === 'string' || Buffer.isBuffer(options.payload)) {
    body = options.payload;
  } else if (options.payload !== undefined) {
    body = JSON.stringify(options.payload);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${api.url}${path}`, { method, headers, body });
  const text = await res.text();
  return { statusCode: res.status, headers: res.headers, body: text, json: () => JSON.parse(text) };
}
