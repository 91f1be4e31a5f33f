import type { MutationEvent } from '../writes/mutation-event';
import { Tenant, type TenantSetup } from './tenant';

/** The sandbox's tenants by client ID; each one is a separate Tribe environment with its own data. */
export class TenantRegistry {
  private readonly tenants = new Map<string, Tenant>();

  constructor(private readonly onMutation: (tenant: Tenant, event: MutationEvent) => void) {}

  add(setup: TenantSetup): Tenant {
    if (!setup.clientId || !setup.clientSecret)
      throw new Error('A tenant needs a clientId and a clientSecret');
    if (this.tenants.has(setup.clientId)) throw new Error(`Tenant ${setup.clientId} already exists`);
    const tenant = new Tenant(setup, this.onMutation);
    this.tenants.set(setup.clientId, tenant);
    return tenant;
  }

  get(clientId: string): Tenant | undefined {
    return this.tenants.get(clientId);
  }

  require(clientId: string): Tenant {
    const tenant = this.tenants.get(clientId);
    if (!tenant) throw new Error(`No sandbox tenant with clientId ${clientId}`);
    return tenant;
  }

  /** The tenant whose credentials these are, compared in constant time. */
  authenticate(clientId: string, clientSecret: string): Tenant | undefined {
    const tenant = this.tenants.get(clientId);
    return tenant?.secretMatches(clientSecret) ? tenant : undefined;
  }

  clientIds(): string[] {
    return [...this.tenants.keys()];
  }
}
