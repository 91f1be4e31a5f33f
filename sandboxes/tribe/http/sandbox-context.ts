import type { Logger } from 'pino';
import type { TokenIssuer } from '../auth/token-issuer';
import type { FaultInjector } from '../faults/fault-injector';
import type { StatsCollector } from '../stats';
import type { TenantRegistry } from '../tenants/tenant-registry';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher';

/** Everything the routes share. */
export interface SandboxContext {
  readonly tenants: TenantRegistry;
  readonly tokens: TokenIssuer;
  readonly faults: FaultInjector;
  readonly stats: StatsCollector;
  readonly webhooks: WebhookDispatcher;
  readonly logger: Logger;
}
