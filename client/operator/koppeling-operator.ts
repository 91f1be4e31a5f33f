import { SnelStartClient } from '../../api-clients/snelstart';
import { TribeClient } from '../../api-clients/tribe';
import type { Endpoints } from '../../activities/dependencies';
import {
  parseActivationConfig,
  splitActivationConfig,
  type ActivationConfig,
} from '../../domain/activation-config';
import {
  parseConnectionCredentials,
  SNELSTART_BTW_SOORTEN,
  type TenantCredentials,
} from '../../domain/activation-config';
import { tenantWebhookTypes, type WebhookTarget } from '../../domain/webhook-subscriptions';
import { ensureTenantWebhooks } from '../../activities/tenant-webhooks';
import type { StoredTenantConfig } from '../../activities/sync/tenant-context';
import { mapWithConcurrency } from '../../lib/concurrency';
import type { HealthStore } from '../../store/health-store';
import type { TenantRow, TenantStore } from '../../store/tenant-store';
import type { TenantWorkflows } from '../temporal-client';
import { readSystemIdentity, validateAgainstLiveSystems } from './live-validation';
import {
  OperatorError,
  type ActivationResult,
  type MappingOptions,
  type OperatorService,
  type PreviewReport,
  type Problem,
  type WebhookRenewal,
} from './operator-service';
import { previewInitialSync } from './preview';
import { identityProblems, type SystemIdentity } from './system-identity';
import { TenantOperations } from './tenant-operations';

export interface KoppelingOperatorOptions {
  tenants: TenantStore;
  health: HealthStore;
  workflows: TenantWorkflows;
  endpoints: Endpoints;
  /** Where this deployment receives Tribe's webhooks; without one, tenants get none registered. */
  webhookTarget?: () => WebhookTarget | null;
  /** Whether a tenant's initial sync is done: from then on it is notified of roles given in Tribe too. */
  initialSyncDone?: (tenantId: string) => Promise<boolean>;
}

/** The operator service on real PostgreSQL, Temporal and the two live APIs. */
export class KoppelingOperator extends TenantOperations implements OperatorService {
  constructor(private readonly options: KoppelingOperatorOptions) {
    super(options.tenants, options.health, options.workflows);
  }

  async activate(input: unknown): Promise<ActivationResult> {
    const config = parseOrThrow(input);
    const existing = await this.options.tenants.findTenant(config.tenantId);
    // Stored as active without a running workflow (its start failed, or it was ended outside Koppeling):
    // activating again starts it, keeping the links and cursors.
    if (
      existing &&
      existing.status !== 'deactivated' &&
      (await this.options.workflows.isRunning(config.tenantId))
    ) {
      throw new OperatorError(
        'conflict',
        `Tenant "${config.tenantId}" is already ${existing.status}. Change its mappings with \`koppeling tenant update-config ${config.tenantId} --file …\`, or deactivate it first.`,
      );
    }
    return this.store(config, 'activate');
  }

  async updateConfig(tenantId: string, input: unknown): Promise<ActivationResult> {
    const config = parseOrThrow(input);
    if (config.tenantId !== tenantId) {
      throw new OperatorError('invalid', 'The file is for another tenant.', [
        { field: 'tenantId', message: `must be "${tenantId}", the tenant being changed` },
      ]);
    }
    const existing = await this.options.tenants.findTenant(tenantId);
    if (!existing)
      throw new OperatorError('not-found', `Tenant "${tenantId}" does not exist; activate it first.`);
    return this.store(config, 'update');
  }

  async mappingOptions(tenantId: string): Promise<MappingOptions> {
    const tenant = await this.options.tenants.findTenant(tenantId);
    if (!tenant)
      throw new OperatorError(
        'not-found',
        `Tenant "${tenantId}" does not exist. List tenants with: koppeling tenant list`,
      );
    const stored = await this.options.tenants.loadCredentials(tenantId);
    return this.readMappingOptions({
      snelstart: { koppelsleutel: stored.koppelsleutel },
      tribe: { clientId: stored.tribeClientId, clientSecret: stored.tribeClientSecret },
    });
  }

  async mappingOptionsFor(input: unknown): Promise<MappingOptions> {
    const parsed = parseConnectionCredentials(input);
    if (!parsed.ok) {
      throw new OperatorError(
        'invalid',
        'The file needs the SnelStart koppelsleutel and the Tribe client credentials to list the options.',
        parsed.problems.map(toProblem),
      );
    }
    return this.readMappingOptions(parsed.credentials);
  }

  private async readMappingOptions(credentials: TenantCredentials): Promise<MappingOptions> {
    const { endpoints } = this.options;
    const snelstart = new SnelStartClient({
      ...endpoints.snelstart,
      koppelsleutel: credentials.snelstart.koppelsleutel,
    });
    const tribe = new TribeClient({
      ...endpoints.tribe,
      clientId: credentials.tribe.clientId,
      clientSecret: credentials.tribe.clientSecret,
    });
    try {
      const [grootboeken, sjablonen, vatGroups, ledgers, addressTypes, relationTypes] = await Promise.all([
        snelstart.listGrootboeken(),
        snelstart.listVerkoopordersjablonen(),
        tribe.datastores.vatGroups(),
        tribe.datastores.generalLedgerAccounts(),
        tribe.datastores.addressTypes(),
        tribe.datastores.relationshipTypes(),
      ]);
      const row = (r: { ID: string; Code?: string | null; Name?: string | null }) => ({
        id: r.ID,
        code: r.Code ?? null,
        name: r.Name ?? '',
      });
      return {
        snelstart: {
          btwSoorten: SNELSTART_BTW_SOORTEN.map((soort) => ({ id: soort, name: soort })),
          grootboeken: grootboeken
            .filter((g) => !g.nonactief)
            .map((g) => ({ id: g.id, code: g.nummer ?? null, name: g.omschrijving ?? '' })),
          verkoopordersjablonen: sjablonen
            .filter((s) => !s.nonactief)
            .map((s) => ({ id: s.id, name: s.omschrijving ?? '' })),
        },
        tribe: {
          vatGroups: vatGroups.map(row),
          ledgerAccounts: ledgers.map(row),
          addressTypes: addressTypes.map(row),
          relationTypes: relationTypes.map((r) => ({
            id: String(r.Code ?? r.ID),
            code: r.Code ?? null,
            name: r.Name ?? '',
          })),
        },
      };
    } finally {
      snelstart.close();
    }
  }

  async preview(input: unknown): Promise<PreviewReport> {
    const config = parseOrThrow(input);
    const live = await validateAgainstLiveSystems(config, this.options.endpoints);
    if (live.problems.length > 0)
      throw new OperatorError('invalid', 'The activation does not pass the live checks.', live.problems);
    return previewInitialSync(config, this.options.endpoints);
  }

  async renewWebhooks(tenantIds?: readonly string[]): Promise<WebhookRenewal[]> {
    const target = this.options.webhookTarget?.() ?? null;
    if (!target) {
      throw new OperatorError(
        'conflict',
        'This deployment registers no Tribe webhooks: set TRIBE_WEBHOOK_SECRET and PUBLIC_BASE_URL first.',
      );
    }
    const tenants = await this.tenantsToRenew(tenantIds);
    // A few at a time: each tenant is its own Tribe account with its own limits, but they share this process.
    return mapWithConcurrency(tenants, 8, async (tenant): Promise<WebhookRenewal> => {
      const none = { tenantId: tenant.id, added: [], replaced: 0 };
      if (tenant.status === 'deactivated')
        return {
          ...none,
          outcome: 'skipped',
          message: 'deactivated: it gets its webhooks when activated again',
        };
      try {
        const config = tenant.config as StoredTenantConfig;
        const credentials = await this.options.tenants.loadCredentials(tenant.id);
        const outcome = await this.registerWebhooks(
          tenant.id,
          target,
          { clientId: credentials.tribeClientId, clientSecret: credentials.tribeClientSecret },
          config.mappings.relationTypes,
          (await this.options.initialSyncDone?.(tenant.id)) === true,
        );
        if ('warning' in outcome) return { ...none, outcome: 'failed', message: outcome.warning };
        if (outcome.added.length > 0 || outcome.replaced > 0) {
          await this.options.tenants.audit(
            tenant.id,
            'webhooks-renewed',
            `Tribe webhooks registered anew (${outcome.added.join(', ') || 'none'}); ${outcome.replaced} made with an earlier secret removed`,
            { details: { added: outcome.added, replaced: outcome.replaced } },
          );
        }
        return {
          ...none,
          outcome: 'renewed',
          added: outcome.added,
          replaced: outcome.replaced,
          message: null,
        };
      } catch (err) {
        // One tenant that cannot be read (its credentials, its configuration) does not stop the others.
        const reason = err instanceof Error ? err.message : String(err);
        return { ...none, outcome: 'failed', message: `not renewed: ${reason}` };
      }
    });
  }

  private async tenantsToRenew(tenantIds: readonly string[] | undefined) {
    if (tenantIds === undefined) return this.options.tenants.listTenants();
    // Each tenant once: two registrations of one tenant at the same moment would race each other.
    const ids = [...new Set(tenantIds)];
    const found = await Promise.all(ids.map((id) => this.options.tenants.findTenant(id)));
    const unknown = ids.filter((_id, index) => found[index] === null);
    if (unknown.length > 0) {
      throw new OperatorError(
        'not-found',
        `No tenant ${unknown.map((id) => `"${id}"`).join(', ')}. List tenants with: koppeling tenant list`,
      );
    }
    return found.filter((tenant) => tenant !== null);
  }

  /**
   * The systems a stored tenant syncs. A tenant stored before they were kept has them read with its stored
   * credentials, so its first new configuration is checked too; what those can no longer read stays unknown.
   */
  private async storedIdentity(tenant: TenantRow): Promise<SystemIdentity> {
    const stored: SystemIdentity = {
      snelstartAdministratieId: tenant.snelstartAdministratieId,
      administratieNaam: tenant.administratieNaam,
      tribeOwnOrganizationId: tenant.tribeOwnOrganizationId,
    };
    if (stored.snelstartAdministratieId !== null && stored.tribeOwnOrganizationId !== null) return stored;
    const credentials = await this.options.tenants.loadCredentials(tenant.id);
    const read = await readSystemIdentity(this.options.endpoints, {
      koppelsleutel: credentials.koppelsleutel,
      tribe: { clientId: credentials.tribeClientId, clientSecret: credentials.tribeClientSecret },
    });
    return {
      snelstartAdministratieId: stored.snelstartAdministratieId ?? read.snelstartAdministratieId,
      administratieNaam: stored.administratieNaam ?? read.administratieNaam,
      tribeOwnOrganizationId: stored.tribeOwnOrganizationId ?? read.tribeOwnOrganizationId,
    };
  }

  private async store(config: ActivationConfig, action: 'activate' | 'update'): Promise<ActivationResult> {
    const live = await validateAgainstLiveSystems(config, this.options.endpoints);
    const existing = await this.options.tenants.findTenant(config.tenantId);
    // Also when a deactivated tenant is activated again: it keeps its links. A system the new credentials could
    // not read at all is unconfirmed, but the live problems already say why.
    const moved = existing
      ? identityProblems(config.tenantId, await this.storedIdentity(existing), live, {
          refuseUnconfirmed: live.problems.length === 0,
        })
      : [];
    if (live.problems.length > 0 || moved.length > 0) {
      throw new OperatorError(
        'invalid',
        `The ${action === 'activate' ? 'activation' : 'new configuration'} does not pass the live checks.`,
        [...moved, ...live.problems],
      );
    }
    const { settings, credentials } = splitActivationConfig(config);
    await this.options.tenants.upsertTenant({
      id: config.tenantId,
      status: existing && action === 'update' ? 'keep' : 'active',
      config: settings,
      snelstartPackage: live.snelstartPackage,
      administratieNaam: live.administratieNaam,
      snelstartAdministratieId: live.snelstartAdministratieId,
      tribeOwnOrganizationId: live.tribeOwnOrganizationId,
      credentials: {
        koppelsleutel: credentials.snelstart.koppelsleutel,
        tribeClientId: credentials.tribe.clientId,
        tribeClientSecret: credentials.tribe.clientSecret,
      },
    });
    await this.options.tenants.audit(
      config.tenantId,
      action === 'activate' ? 'activated' : 'config-updated',
      `Tenant ${action}d`,
    );
    // Starting is idempotent: on a change it restarts a workflow that is not running, so saving the
    // configuration is also how a tenant whose workflow ended outside Koppeling is brought back.
    // Only an active tenant: a paused one stays paused (`resume` then says how to start it again).
    const restart = action === 'update' && existing?.status === 'active';
    let workflowId = `tenant-${config.tenantId}`;
    if (action === 'activate' || restart) {
      const started = await this.options.workflows.start(config.tenantId);
      workflowId = started.workflowId;
      if (restart && !started.alreadyRunning) {
        await this.options.tenants.audit(
          config.tenantId,
          'workflow-restarted',
          'Tenant workflow started again',
        );
      }
    }
    const warnings: string[] = [];
    // On activation invoices and sales orders; on a change also the (perhaps new) exported role types once
    // the relations are synced. Saving the configuration again is how an operator retries a failed one. A
    // deactivated tenant keeps the webhooks it had and gets no new ones until it is activated again.
    const target = this.options.webhookTarget?.() ?? null;
    if (target && !(action === 'update' && existing?.status === 'deactivated')) {
      const outcome = await this.registerWebhooks(
        config.tenantId,
        target,
        config.tribe,
        config.mappings.relationTypes,
        action === 'update' && (await this.options.initialSyncDone?.(config.tenantId)) === true,
      );
      if ('warning' in outcome) warnings.push(outcome.warning);
    }
    return {
      tenantId: config.tenantId,
      workflowId,
      snelstartPackage: live.snelstartPackage,
      administratieNaam: live.administratieNaam,
      warnings,
    };
  }

  /** The tenant's webhooks: documents always, roles once its initial sync is done. */
  private registerWebhooks(
    tenantId: string,
    target: WebhookTarget,
    tribeCredentials: { clientId: string; clientSecret: string },
    relationTypes: StoredTenantConfig['mappings']['relationTypes'],
    initialSyncDone: boolean,
  ) {
    const tribe = new TribeClient({ ...this.options.endpoints.tribe, ...tribeCredentials });
    return ensureTenantWebhooks(
      tribe,
      this.options.health,
      tenantId,
      target,
      tenantWebhookTypes(relationTypes, initialSyncDone),
    );
  }
}

function parseOrThrow(input: unknown): ActivationConfig {
  const parsed = parseActivationConfig(input);
  if (parsed.ok) return parsed.config;
  throw new OperatorError('invalid', 'The activation file is not valid.', parsed.problems.map(toProblem));
}

/** `field: message` as the config parser writes it. */
function toProblem(text: string): Problem {
  const at = text.indexOf(': ');
  return at > 0
    ? { field: text.slice(0, at), message: text.slice(at + 2) }
    : { field: '(file)', message: text };
}
