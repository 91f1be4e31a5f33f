import type { TribeClient } from '../api-clients/tribe';
import { tenantWebhookTypes, tenantWebhookUrl, type WebhookTarget } from '../domain/webhook-subscriptions';
import type { HealthStore } from '../store/health-store';
import type { ActivityDependencies } from './dependencies';
import type { TenantContexts } from './sync/tenant-context';
import type { RoleWebhookRegistration } from './types';

export type WebhookRegistrationOutcome = { added: string[] } | { warning: string };

/**
 * Makes sure the tenant's Tribe webhooks of these types point at this deployment; repeating it registers
 * nothing twice. A failure is not fatal (the hourly cycle finds what the webhooks would have brought
 * sooner) but goes on the tenant's status with how to try again.
 */
export async function ensureTenantWebhooks(
  tribe: TribeClient,
  health: HealthStore,
  tenantId: string,
  target: WebhookTarget,
  entityTypes: readonly string[],
): Promise<WebhookRegistrationOutcome> {
  try {
    const added = await tribe.webhooks.ensure({
      webhookUrl: tenantWebhookUrl(target.baseUrl, tenantId),
      secret: target.secret,
      entityTypes,
    });
    await health.clearWarning(tenantId, WEBHOOK_WARNING, '');
    return { added };
  } catch (err) {
    const warning =
      `Tribe webhooks could not be registered (${err instanceof Error ? err.message : String(err)}). ` +
      'Until they are, sent invoices are booked by the hourly cycle and a role given in Tribe reaches ' +
      `SnelStart when its organisation next changes. To try again: koppeling tenant update-config ${tenantId} --file <its configuration>.`;
    await health.setWarning(tenantId, WEBHOOK_WARNING, '', warning);
    return { warning };
  }
}

const WEBHOOK_WARNING = 'webhooks';

export function createWebhookActivities(deps: ActivityDependencies, contexts: TenantContexts) {
  return {
    /**
     * Once the initial sync is done the tenant is told of roles given in Tribe (customer, supplier): before,
     * each role Tribe reported would be one the initial sync wrote itself.
     */
    async registerRoleWebhooks(input: { tenantId: string }): Promise<RoleWebhookRegistration> {
      const target = deps.webhookTarget?.() ?? null;
      if (!target) return { outcome: 'not-configured', added: [] };
      const tenant = await deps.tenants.findTenant(input.tenantId);
      if (!tenant || tenant.status === 'deactivated') return { outcome: 'tenant-not-active', added: [] };
      const ctx = await contexts.get(input.tenantId);
      const result = await ensureTenantWebhooks(
        ctx.tribe,
        deps.health,
        input.tenantId,
        target,
        tenantWebhookTypes(ctx.settings.mappings.relationTypes, true),
      );
      return 'added' in result
        ? { outcome: 'registered', added: result.added }
        : { outcome: 'failed', added: [] };
    },
  };
}
