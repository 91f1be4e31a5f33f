import { log } from '@temporalio/activity';
import { TribeClient } from '../api-clients/tribe';
import {
  isEarlierTenantWebhook,
  tenantWebhookTypes,
  tenantWebhookUrl,
  type WebhookTarget,
} from '../domain/webhook-subscriptions';
import type { HealthStore } from '../store/health-store';
import type { ActivityDependencies } from './dependencies';
import type { StoredTenantConfig } from './sync/tenant-context';
import type { RoleWebhookRegistration } from './types';

export type WebhookRegistrationOutcome = { added: string[]; replaced: number } | { warning: string };

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
    const outcome = await tribe.webhooks.ensure({
      webhookUrl: tenantWebhookUrl(target.baseUrl, tenantId, target.secret),
      secret: target.secret,
      entityTypes,
      replaces: (url) => isEarlierTenantWebhook(url, target.baseUrl, tenantId, target.previousSecret),
    });
    await health.clearWarning(tenantId, WEBHOOK_WARNING, '');
    return outcome;
  } catch (err) {
    const warning =
      `Tribe webhooks could not be registered (${err instanceof Error ? err.message : String(err)}). ` +
      'Until they are, sent invoices are booked by the hourly cycle and a role given in Tribe reaches ' +
      `SnelStart when its organisation next changes. To try again: koppeling tenant update-config ${tenantId} --file <its configuration>, ` +
      `or koppeling tenant renew-webhooks ${tenantId}.`;
    await health.setWarning(tenantId, WEBHOOK_WARNING, '', warning);
    return { warning };
  }
}

const WEBHOOK_WARNING = 'webhooks';

export function createWebhookActivities(deps: ActivityDependencies) {
  return {
    /**
     * Once the initial sync has written the relations the tenant is told of roles given in Tribe (customer,
     * supplier): before, each role Tribe reported would be one the initial sync wrote itself. Only a Tribe
     * client is built (not the whole tenant context), and every failure ends as a warning, so this never holds
     * the tenant back.
     */
    async registerRoleWebhooks(input: { tenantId: string }): Promise<RoleWebhookRegistration> {
      const target = deps.webhookTarget?.() ?? null;
      if (!target) {
        log.info('no webhook address configured: role webhooks not registered', input);
        return { outcome: 'not-configured', added: [] };
      }
      const tenant = await deps.tenants.findTenant<StoredTenantConfig>(input.tenantId);
      if (!tenant || tenant.status === 'deactivated') return { outcome: 'tenant-not-active', added: [] };
      const credentials = await deps.tenants.loadCredentials(input.tenantId);
      const tribe = new TribeClient({
        ...deps.endpoints.tribe,
        clientId: credentials.tribeClientId,
        clientSecret: credentials.tribeClientSecret,
      });
      const result = await ensureTenantWebhooks(
        tribe,
        deps.health,
        input.tenantId,
        target,
        tenantWebhookTypes(tenant.config.mappings.relationTypes, true),
      );
      return 'added' in result
        ? { outcome: 'registered', added: result.added }
        : { outcome: 'failed', added: [] };
    },
  };
}
