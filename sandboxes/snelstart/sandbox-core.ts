import { Administration } from './administration/administration';
import {
  clearAdministration,
  dumpAdministration,
  loadSeed,
  type SeedDocument,
} from './administration/seed-document';
import { AccessTokenSigner } from './auth/access-token';
import { PACKAGE_SCOPES, type SnelStartPackage } from './auth/packages';
import { FaultInjector, type FaultSettings } from './traffic/fault-injector';
import { TEST_PRODUCT_LIMITS, type AdministrationLimits } from './traffic/rate-limit-gate';
import type { RequestCounters } from './traffic/request-stats';

export interface AdministrationOptions {
  koppelsleutel: string;
  /** Decides the scopes of its tokens; default InZicht. */
  package?: SnelStartPackage;
  /** Default: the test product (100/min, 1000/h, 5 concurrent); `null` switches a limit off. */
  limits?: Partial<AdministrationLimits>;
  seed?: SeedDocument;
  administratieNaam?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export interface SandboxStats {
  administrations: Record<string, RequestCounters>;
  /** API calls refused before an administration was known (bad subscription key or token). */
  unauthenticated: number;
}

/** Everything the sandbox knows, independent of HTTP: administrations, tokens, faults, limits. */
export class SandboxCore {
  readonly signer = new AccessTokenSigner();
  readonly faults = new FaultInjector();
  unauthenticatedCalls = 0;
  private readonly byKoppelsleutel = new Map<string, Administration>();
  private readonly byId = new Map<string, Administration>();
  private readonly withheldScopes = new Map<string, Set<string>>();

  constructor(
    readonly subscriptionKey: string,
    public tokenLifetimeSeconds: number,
    readonly now: () => number,
  ) {}

  addAdministration(options: AdministrationOptions): Administration {
    if (!options.koppelsleutel) throw new Error('an administration needs a koppelsleutel');
    if (this.byKoppelsleutel.has(options.koppelsleutel)) {
      throw new Error('an administration with this koppelsleutel already exists');
    }
    const admin = new Administration(
      options.koppelsleutel,
      options.package ?? 'InZicht',
      { ...TEST_PRODUCT_LIMITS, ...options.limits },
      this.now,
      options.administratieNaam ?? `Sandbox administratie ${this.byKoppelsleutel.size + 1}`,
    );
    loadSeed(admin, options.seed ?? {});
    this.byKoppelsleutel.set(admin.koppelsleutel, admin);
    this.byId.set(admin.id, admin);
    return admin;
  }

  administration(koppelsleutel: string): Administration {
    const admin = this.byKoppelsleutel.get(koppelsleutel);
    if (!admin) throw new Error('no administration with this koppelsleutel');
    return admin;
  }

  administrations(): Administration[] {
    return [...this.byKoppelsleutel.values()];
  }

  seed(koppelsleutel: string, seed: SeedDocument, options: { replace?: boolean } = {}): void {
    const admin = this.administration(koppelsleutel);
    if (options.replace) clearAdministration(admin);
    loadSeed(admin, seed);
  }

  dump(koppelsleutel: string): Required<SeedDocument> {
    return dumpAdministration(this.administration(koppelsleutel));
  }

  issueToken(koppelsleutel: string): TokenResponse | undefined {
    const admin = this.byKoppelsleutel.get(koppelsleutel);
    if (!admin) return undefined;
    const iat = Math.floor(this.now() / 1000);
    admin.stats.tokenIssued();
    return {
      access_token: this.signer.sign({
        sub: admin.id,
        scopes: PACKAGE_SCOPES[admin.snelstartPackage]
          .filter((scope) => !this.withheldScopes.get(koppelsleutel)?.has(scope))
          .join(' '),
        iat,
        exp: iat + this.tokenLifetimeSeconds,
        gen: admin.tokenGeneration,
      }),
      token_type: 'bearer',
      expires_in: this.tokenLifetimeSeconds,
    };
  }

  /** The administration and scopes behind an `Authorization: Bearer …` header, if valid now. */
  authenticate(
    authorization: string | undefined,
  ): { admin: Administration; scopes: Set<string> } | undefined {
    const match = /^bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return undefined;
    const claims = this.signer.verify(match[1] as string, Math.floor(this.now() / 1000));
    const admin = claims && this.byId.get(claims.sub);
    if (!claims || !admin || claims.gen !== admin.tokenGeneration) return undefined;
    return { admin, scopes: new Set(claims.scopes.split(' ')) };
  }

  revokeTokens(koppelsleutel: string): void {
    this.administration(koppelsleutel).tokenGeneration++;
  }

  faultsFor(admin: Administration): FaultInjector {
    return admin.faults ?? this.faults;
  }

  /** Sandbox-wide faults, or one administration's own when `koppelsleutel` is given. */
  setFaults(settings: Partial<FaultSettings>, koppelsleutel?: string): void {
    if (koppelsleutel === undefined) {
      this.faults.update(settings);
      return;
    }
    const admin = this.administration(koppelsleutel);
    admin.faults ??= new FaultInjector(this.faults.settings);
    admin.faults.update(settings);
  }

  setLimits(koppelsleutel: string, limits: Partial<AdministrationLimits>): void {
    this.administration(koppelsleutel).gate.configure(limits);
  }

  setPackage(koppelsleutel: string, snelstartPackage: SnelStartPackage): void {
    this.administration(koppelsleutel).snelstartPackage = snelstartPackage;
  }

  /** Tokens minted from now on lack these scopes (a koppeling granted less than it asked for); [] restores. */
  withholdScopes(koppelsleutel: string, scopes: readonly string[]): void {
    this.administration(koppelsleutel);
    this.withheldScopes.set(koppelsleutel, new Set(scopes));
  }

  stats(): SandboxStats {
    const administrations: Record<string, RequestCounters> = {};
    for (const admin of this.byKoppelsleutel.values())
      administrations[admin.koppelsleutel] = admin.counters();
    return { administrations, unauthenticated: this.unauthenticatedCalls };
  }

  resetStats(): void {
    this.unauthenticatedCalls = 0;
    for (const admin of this.byKoppelsleutel.values()) admin.resetCounters();
  }
}
