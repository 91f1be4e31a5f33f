import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { TokenIssuer } from './auth/token-issuer';
import { FaultInjector, type TribeFaults } from './faults/fault-injector';
import { buildTribeApp } from './http/app';
import { StatsCollector, type TribeSandboxStats } from './stats';
import type { TenantSetup, TribeSandboxTenant } from './tenants/tenant';
import { TenantRegistry } from './tenants/tenant-registry';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';

export interface TribeSandboxOptions {
  /** Default 0: any free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Lifetime of issued access tokens; default 3600 s (Tribe's). */
  readonly tokenLifetimeSeconds?: number;
  readonly tenants?: readonly TenantSetup[];
  readonly faults?: TribeFaults;
  /** Receives webhook delivery failures and server errors; silent by default. */
  readonly logger?: Logger;
}

export interface TribeSandbox {
  /** `http://host:port/v1/odata` */
  readonly apiUrl: string;
  /** `http://host:port/oauth2/token` */
  readonly tokenUrl: string;
  /** `http://host:port/v1/webhooks` */
  readonly webhooksUrl: string;
  /** `http://host:port/__sandbox` */
  readonly controlUrl: string;
  readonly port: number;
  addTenant(setup: TenantSetup): TribeSandboxTenant;
  tenant(clientId: string): TribeSandboxTenant;
  setFaults(faults: TribeFaults): void;
  stats(): TribeSandboxStats;
  resetStats(): void;
  setTokenLifetime(seconds: number): void;
  /** Invalidates issued tokens (all, or one client's), as if they had expired. */
  revokeTokens(clientId?: string): void;
  /** Resolves when every webhook delivery started so far has finished. */
  webhooksIdle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the Tribe CRM emulator on a real HTTP port. */
export async function startTribeSandbox(options: TribeSandboxOptions = {}): Promise<TribeSandbox> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const stats = new StatsCollector();
  const webhooks = new WebhookDispatcher(logger, ({ clientId, succeeded }) =>
    stats.webhookDelivery(clientId, succeeded),
  );
  const tenants = new TenantRegistry((tenant, event) =>
    webhooks.dispatch(tenant.clientId, tenant.webhooks.matching(event.entityType), event),
  );
  const tokens = new TokenIssuer(options.tokenLifetimeSeconds ?? 3600);
  const faults = new FaultInjector();
  if (options.faults) faults.set(options.faults);
  for (const setup of options.tenants ?? []) tenants.add(setup);

  const app = buildTribeApp({ tenants, tokens, faults, stats, webhooks, logger });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const port = (app.server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    apiUrl: `${origin}/v1/odata`,
    tokenUrl: `${origin}/oauth2/token`,
    webhooksUrl: `${origin}/v1/webhooks`,
    controlUrl: `${origin}/__sandbox`,
    port,
    addTenant: (setup) => tenants.add(setup),
    tenant: (clientId) => tenants.require(clientId),
    setFaults: (settings) => faults.set(settings),
    stats: () => ({ tenants: stats.snapshot(), faults: { ...faults.counts } }),
    resetStats: () => stats.reset(),
    setTokenLifetime: (seconds) => {
      tokens.lifetimeSeconds = seconds;
    },
    revokeTokens: (clientId) => tokens.revokeAll(clientId),
    webhooksIdle: () => webhooks.idle(),
    close: async () => {
      await app.close();
      await webhooks.close();
    },
  };
}
