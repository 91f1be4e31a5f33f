import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Administration, ResourceName } from './administration/administration';
import type { SeedDocument } from './administration/seed-document';
import { createAsUser, editAsUser, type EditableResource } from './administration/user-edits';
import type { SnelStartPackage } from './auth/packages';
import { buildSandboxApp } from './http/app';
import { API_BASE_PATH } from './http/api-pipeline';
import { CONTROL_PATH } from './http/control-routes';
import { TOKEN_PATH } from './http/token-route';
import { SandboxCore, type AdministrationOptions, type SandboxStats } from './sandbox-core';
import type { WireRecord } from './store/collection';
import type { FaultSettings } from './traffic/fault-injector';
import type { AdministrationLimits } from './traffic/rate-limit-gate';
import type { RequestCounters } from './traffic/request-stats';

export interface SnelStartSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The partner subscription key the API accepts; random when left out. */
  subscriptionKey?: string;
  /** `expires_in` of minted tokens; default 3599 like SnelStart. */
  tokenLifetimeSeconds?: number;
  administrations?: AdministrationOptions[];
  faults?: Partial<FaultSettings>;
  /** Fastify request logging; off by default. */
  logger?: boolean;
  /** Clock for tokens, limits and modifiedOn (ms since epoch). */
  now?: () => number;
}

/** In-process access to one administration's data, for tests and the demo. */
export interface AdministrationHandle {
  readonly koppelsleutel: string;
  readonly administratieIdentifier: string;
  readonly package: SnelStartPackage;
  seed(seed: SeedDocument, options?: { replace?: boolean }): void;
  dump(): Required<SeedDocument>;
  records(resource: ResourceName): WireRecord[];
  record(resource: ResourceName, id: string): WireRecord | undefined;
  /** Changes a record as a user in SnelStart would (validated, modifiedOn moves on); not an API call. */
  editAsUser(resource: EditableResource, id: string, patch: object): WireRecord;
  createAsUser(resource: EditableResource, body: object): WireRecord;
}

export interface SnelStartSandbox {
  /** Base URL of the API, ending in `/v2`. */
  readonly apiUrl: string;
  /** Full URL of `POST /b2b/token`. */
  readonly tokenUrl: string;
  /** Base URL of the `/__sandbox` control endpoints. */
  readonly controlUrl: string;
  readonly subscriptionKey: string;
  readonly port: number;
  addAdministration(options: AdministrationOptions): AdministrationHandle;
  administration(koppelsleutel: string): AdministrationHandle;
  /** Sandbox-wide faults, or one administration's own when `koppelsleutel` is given. */
  setFaults(faults: Partial<FaultSettings>, koppelsleutel?: string): void;
  setLimits(koppelsleutel: string, limits: Partial<AdministrationLimits>): void;
  setPackage(koppelsleutel: string, snelstartPackage: SnelStartPackage): void;
  /** Tokens minted from now on lack these scopes (a koppeling granted less than it asked for); [] restores. */
  withholdScopes(koppelsleutel: string, scopes: readonly string[]): void;
  setTokenLifetime(seconds: number): void;
  /** Makes every token minted so far for this administration invalid (401). */
  revokeTokens(koppelsleutel: string): void;
  /** Mints an access token in-process, for tests that call the API without the client. */
  issueToken(koppelsleutel: string): string;
  stats(): SandboxStats;
  stats(koppelsleutel: string): RequestCounters;
  resetStats(): void;
  close(): Promise<void>;
}

/** Starts the SnelStart B2B API v2 emulator on a real HTTP port. */
export async function startSnelStartSandbox(
  options: SnelStartSandboxOptions = {},
): Promise<SnelStartSandbox> {
  const core = new SandboxCore(
    options.subscriptionKey ?? `sandbox-${randomBytes(12).toString('hex')}`,
    options.tokenLifetimeSeconds ?? 3599,
    options.now ?? Date.now,
  );
  for (const administration of options.administrations ?? []) core.addAdministration(administration);
  if (options.faults) core.setFaults(options.faults);

  const app = buildSandboxApp(core, { logger: options.logger });
  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;

  function stats(): SandboxStats;
  function stats(koppelsleutel: string): RequestCounters;
  function stats(koppelsleutel?: string): SandboxStats | RequestCounters {
    return koppelsleutel === undefined ? core.stats() : core.administration(koppelsleutel).counters();
  }

  return {
    apiUrl: `${origin}${API_BASE_PATH}`,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    controlUrl: `${origin}${CONTROL_PATH}`,
    subscriptionKey: core.subscriptionKey,
    port: address.port,
    addAdministration: (administration) => handleFor(core.addAdministration(administration)),
    administration: (koppelsleutel) => handleFor(core.administration(koppelsleutel)),
    setFaults: (faults, koppelsleutel) => core.setFaults(faults, koppelsleutel),
    setLimits: (koppelsleutel, limits) => core.setLimits(koppelsleutel, limits),
    setPackage: (koppelsleutel, snelstartPackage) => core.setPackage(koppelsleutel, snelstartPackage),
    withholdScopes: (koppelsleutel, scopes) => core.withholdScopes(koppelsleutel, scopes),
    setTokenLifetime: (seconds) => {
      core.tokenLifetimeSeconds = seconds;
    },
    revokeTokens: (koppelsleutel) => core.revokeTokens(koppelsleutel),
    issueToken: (koppelsleutel) => {
      const token = core.issueToken(koppelsleutel);
      if (!token) throw new Error('no administration with this koppelsleutel');
      return token.access_token;
    },
    stats,
    resetStats: () => core.resetStats(),
    close: () => app.close(),
  };

  function handleFor(admin: Administration): AdministrationHandle {
    return {
      koppelsleutel: admin.koppelsleutel,
      administratieIdentifier: admin.id,
      get package() {
        return admin.snelstartPackage;
      },
      seed: (seed, seedOptions) => core.seed(admin.koppelsleutel, seed, seedOptions),
      dump: () => core.dump(admin.koppelsleutel),
      records: (resource) => Array.from(admin.collection(resource).values()),
      record: (resource, id) => admin.collection(resource).get(id),
      editAsUser: (resource, id, patch) => editAsUser(admin, resource, id, patch),
      createAsUser: (resource, body) => createAsUser(admin, resource, body),
    };
  }
}
