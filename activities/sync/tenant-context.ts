import { z } from 'zod';
import type { SnelStartClient } from '../../api-clients/snelstart';
import { TribeClient } from '../../api-clients/tribe';
import type { ActivationConfig, TenantSettings } from '../../domain/activation-config';
import { buildCountryMapping } from '../../domain/country-mapping';
import {
  pairProductGroups,
  productGroupCreateFromOmzetgroep,
  type ProductMappingContext,
} from '../../domain/product-mapping';
import type { RelationMappingContext } from '../../domain/relation-mapping';
import type { SnelStartArtikelOmzetgroep } from '../../domain/snelstart-records';
import { HealthStore } from '../../store/health-store';
import { LinkStore } from '../../store/link-store';
import { PendingRoleStore } from '../../store/pending-role-store';
import { SnapshotStore } from '../../store/snapshot-store';
import { SyncStateStore } from '../../store/sync-state-store';
import type { TenantCredentials } from '../../store/tenant-store';
import type { ActivityDependencies } from '../dependencies';
import { AdvisoryLocks } from '../../store/advisory-locks';
import { BookingStore } from '../../store/booking-store';
import { CreateIntentStore, ProductCreateIntentStore } from '../../store/create-intent-store';
import { recordCheckpoint } from './heartbeat';
import { createSnelStartGateway } from './snelstart-gateway-adapter';
import type { SnelStartGateway } from './snelstart-gateway';

export type StoredTenantConfig = TenantSettings;

/** API calls made for one tenant, per system (what the benchmark compares with the minimum). */
export interface CallCounter {
  snelstart: number;
  tribe: number;
}

/** Everything one tenant's sync needs: its settings, clients with its credentials, reference data, stores. */
export interface TenantContext {
  tenantId: string;
  settings: StoredTenantConfig;
  /** When the tenant was first activated (kept across a re-activation). */
  activatedAt: Date | null;
  snelstart: SnelStartGateway;
  /** The full SnelStart client, for bookings, documents and mandates. */
  snelstartClient: SnelStartClient;
  tribe: TribeClient;
  relationMapping: RelationMappingContext;
  productMapping: ProductMappingContext;
  omzetgroepen: SnelStartArtikelOmzetgroep[];
  links: LinkStore;
  snapshots: SnapshotStore;
  state: SyncStateStore;
  health: HealthStore;
  bookings: BookingStore;
  /** Relaties about to be created in SnelStart, so an interrupted create is found, not repeated. */
  intents: CreateIntentStore;
  /** Artikelen about to become Tribe products, so a product whose create was cut short is found, not repeated. */
  productIntents: ProductCreateIntentStore;
  /** Roles given in Tribe while the tenant was paused, for the first cycle after it resumes. */
  pendingRoles: PendingRoleStore;
  /** Serialises a look-up with the create that depends on it, across every worker. */
  locks: AdvisoryLocks;
  calls: CallCounter;
  now: () => Date;
}

interface CachedContext {
  context: Promise<TenantContext>;
  configStamp: string;
  loadedAt: number;
}

/** Reference data (countries, units, groups) changes rarely; it is reloaded after this long. */
const REFERENCE_TTL_MS = 6 * 60 * 60 * 1000;

/**
 * Builds and caches tenant contexts per worker process, so tokens, rate-limit budgets and reference data are
 * shared by every activity of a tenant. A changed configuration (mappings, credentials) builds a new context.
 */
export class TenantContexts {
  private readonly cache = new Map<string, CachedContext>();
  readonly calls = new Map<string, CallCounter>();
  private readonly locks: AdvisoryLocks;

  constructor(private readonly deps: ActivityDependencies) {
    this.locks = new AdvisoryLocks(deps.pool.options);
  }

  async get(tenantId: string): Promise<TenantContext> {
    const tenant = await this.deps.tenants.getTenant<StoredTenantConfig>(tenantId);
    const stamp = tenant.updatedAt.toISOString();
    const cached = this.cache.get(tenantId);
    if (cached && cached.configStamp === stamp && Date.now() - cached.loadedAt < REFERENCE_TTL_MS) {
      return cached.context;
    }
    const context = this.build(tenantId, tenant.config, tenant.activatedAt);
    this.cache.set(tenantId, { context, configStamp: stamp, loadedAt: Date.now() });
    context.catch(() => this.cache.delete(tenantId));
    return context;
  }

  forget(tenantId: string): void {
    this.cache.delete(tenantId);
  }

  private async build(
    tenantId: string,
    settings: StoredTenantConfig,
    activatedAt: Date | null,
  ): Promise<TenantContext> {
    const credentials = await this.deps.tenants.loadCredentials(tenantId);
    const calls = this.counter(tenantId);
    const { snelstart, tribe } = createClients(this.deps, tenantId, settings, credentials, calls);
    const [landen, omzetgroepen, countries, units, productGroups] = await Promise.all([
      snelstart.landen(),
      snelstart.artikelomzetgroepen(),
      tribe.datastores.countries(),
      tribe.datastores.units(),
      tribe.datastores.productGroups(),
    ]);
    const pairing = pairProductGroups(omzetgroepen, productGroups);
    for (const omzetgroep of pairing.unpaired) {
      const created = await tribe.odata.create(
        'ProductGroup',
        productGroupCreateFromOmzetgroep(omzetgroep),
        groupSchema,
      );
      pairing.pairs.push({ snelstartOmzetgroepId: omzetgroep.id, tribeProductGroupId: created.ID });
    }
    return {
      tenantId,
      settings,
      activatedAt,
      snelstart,
      snelstartClient: snelstart.client,
      tribe,
      relationMapping: {
        countries: buildCountryMapping(landen, countries),
        addressTypes: settings.mappings.addressTypes,
      },
      productMapping: { units, productGroups: pairing.pairs },
      omzetgroepen,
      links: new LinkStore(this.deps.pool),
      snapshots: new SnapshotStore(this.deps.pool),
      state: new SyncStateStore(this.deps.pool),
      health: this.deps.health,
      bookings: new BookingStore(this.deps.pool),
      intents: new CreateIntentStore(this.deps.pool),
      productIntents: new ProductCreateIntentStore(this.deps.pool),
      pendingRoles: new PendingRoleStore(this.deps.pool),
      locks: this.locks,
      calls,
      now: this.deps.now,
    };
  }

  private counter(tenantId: string): CallCounter {
    let counter = this.calls.get(tenantId);
    if (!counter) {
      counter = { snelstart: 0, tribe: 0 };
      this.calls.set(tenantId, counter);
    }
    return counter;
  }
}

const groupSchema = z.looseObject({ ID: z.string() });

/** Clients for one tenant; also used by activation, before the tenant is stored. */
export function createClients(
  deps: Pick<ActivityDependencies, 'endpoints' | 'metrics'>,
  tenantId: string,
  settings: Pick<ActivationConfig, 'rateLimits'>,
  credentials: TenantCredentials,
  calls: CallCounter = { snelstart: 0, tribe: 0 },
): { snelstart: SnelStartGateway & { client: SnelStartClient }; tribe: TribeClient } {
  const tribe = new TribeClient({
    apiUrl: deps.endpoints.tribe.apiUrl,
    tokenUrl: deps.endpoints.tribe.tokenUrl,
    clientId: credentials.tribeClientId,
    clientSecret: credentials.tribeClientSecret,
    onCall: (call) => {
      if (call.kind !== 'token') calls.tribe += 1;
      deps.metrics?.apiCallFinished(
        { system: 'tribe', method: call.method, status: call.status || 'network-error' },
        call.durationMs / 1000,
      );
      if (call.status === 429) deps.metrics?.rateLimitHit('tribe');
    },
  });
  const snelstart = createSnelStartGateway({
    endpoints: deps.endpoints.snelstart,
    koppelsleutel: credentials.koppelsleutel,
    limiterKey: tenantId,
    rateLimits: settings.rateLimits,
    // A page can wait minutes for the tenant's budget: the activity stays alive, and stops if Temporal gave up.
    onLimiterWait: recordCheckpoint,
    onApiCall: (call) => {
      calls.snelstart += 1;
      deps.metrics?.apiCallFinished(
        { system: 'snelstart', method: call.method, status: call.status ?? 'network-error' },
        call.durationMs / 1000,
      );
      if (call.status === 429) deps.metrics?.rateLimitHit('snelstart');
    },
  });
  return { snelstart, tribe };
}
