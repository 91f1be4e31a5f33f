import { randomUUID } from 'node:crypto';
import type { SnelStartPackage } from '../auth/packages';
import { Collection, type WireRecord } from '../store/collection';
import { ModifiedOnClock } from '../store/wall-clock';
import type { FaultInjector } from '../traffic/fault-injector';
import { RateLimitGate, type AdministrationLimits } from '../traffic/rate-limit-gate';
import { RequestStats, type RequestCounters } from '../traffic/request-stats';
import { defaultCompanyInfo } from './reference-data';

/** The resources an administration holds, by their API path name. */
export const RESOURCE_NAMES = [
  'relaties',
  'artikelen',
  'artikelomzetgroepen',
  'grootboeken',
  'landen',
  'verkoopordersjablonen',
  'doorlopendeincassomachtigingen',
  'verkoopboekingen',
  'verkoopfacturen',
  'verkooporders',
  'documenten',
] as const;

export type ResourceName = (typeof RESOURCE_NAMES)[number];

/** Index key of a reference field (`klant` → its id), lower-cased like every id the sandbox stores. */
const idOf = (path: string) => (row: WireRecord) => (row[path] as { id?: string } | null)?.id?.toLowerCase();

/**
 * One SnelStart administratie, opened by its koppelsleutel: its records, its limits, its counters.
 * Nothing is shared between administrations.
 */
export class Administration {
  readonly id = randomUUID();
  readonly clock: ModifiedOnClock;
  readonly gate: RateLimitGate;
  readonly stats = new RequestStats();
  /** Overrides the sandbox-wide faults for this administration when set. */
  faults?: FaultInjector;
  /** Bumped to revoke every token minted so far. */
  tokenGeneration = 0;
  /** The highest relatiecode ever handed out or seeded; new relaties get the next one. */
  highestRelatiecode = 0;
  companyInfo: Record<string, unknown>;

  readonly relaties = new Collection([{ path: 'relatiecode', key: (row) => row.relatiecode }]);
  readonly artikelen = new Collection([{ path: 'artikelcode', key: (row) => row.artikelcode }]);
  readonly artikelomzetgroepen = new Collection();
  readonly grootboeken = new Collection();
  readonly landen = new Collection();
  readonly verkoopordersjablonen = new Collection();
  btwtarieven: Record<string, unknown>[] = [];
  readonly doorlopendeIncassoMachtigingen = new Collection([{ path: 'klant.id', key: idOf('klant') }]);
  readonly verkoopboekingen = new Collection([
    { path: 'factuurnummer', key: (row) => row.factuurnummer },
    { path: 'klant.id', key: idOf('klant') },
  ]);
  readonly verkoopfacturen = new Collection([
    { path: 'factuurnummer', key: (row) => row.factuurnummer },
    { path: 'verkoopBoeking.id', key: idOf('verkoopBoeking') },
    { path: 'relatie.id', key: idOf('relatie') },
  ]);
  readonly verkooporders = new Collection([
    { path: 'orderreferentie', key: (row) => row.orderreferentie },
    { path: 'relatie.id', key: idOf('relatie') },
  ]);
  readonly documenten = new Collection([{ path: 'parentIdentifier', key: (row) => row.parentIdentifier }]);

  constructor(
    readonly koppelsleutel: string,
    public snelstartPackage: SnelStartPackage,
    limits: AdministrationLimits,
    now: () => number,
    administratieNaam: string,
  ) {
    this.clock = new ModifiedOnClock(now);
    this.gate = new RateLimitGate(limits);
    this.companyInfo = defaultCompanyInfo(this.id, administratieNaam);
  }

  collection(resource: ResourceName): Collection {
    switch (resource) {
      case 'doorlopendeincassomachtigingen':
        return this.doorlopendeIncassoMachtigingen;
      default:
        return this[resource];
    }
  }

  counters(): RequestCounters {
    return this.stats.snapshot(this.gate.peakConcurrent);
  }

  resetCounters(): void {
    this.stats.reset();
    this.gate.resetPeak();
  }

  /** Hands out the relatiecode for a relatie created without one: one above the highest ever used. */
  nextRelatiecode(): number {
    this.highestRelatiecode = Math.max(0, this.highestRelatiecode) + 1;
    while (this.relaties.lookup('relatiecode', this.highestRelatiecode).length > 0) this.highestRelatiecode++;
    return this.highestRelatiecode;
  }

  noteRelatiecode(code: unknown): void {
    if (typeof code === 'number' && code > this.highestRelatiecode) this.highestRelatiecode = code;
  }
}
