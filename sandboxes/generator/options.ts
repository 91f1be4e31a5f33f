/** What `generateDemoData` accepts, and how omitted options are filled in. */
export interface GenerateDemoDataOptions {
  /** PRNG seed (an integer); the same options always give the same data. Default 1. */
  seed?: number;
  /** SnelStart Klant and Leverancier relaties, not counting the three system rows. */
  relations: number;
  /** SnelStart artikelen. */
  products: number;
  /** Tribe invoices in phase Sent, each with its PDF attached. */
  sentInvoices: number;
  /** Tribe invoices in phase Draft. Default: a fifth of `sentInvoices`. */
  draftInvoices?: number;
  /** Tribe sales orders in phase Linked. Default 5. */
  salesOrders?: number;
  /** Share (0..1) of the SnelStart organisations that Tribe already knows. Default 0.6. */
  tribeOverlap?: number;
  /** SnelStart Klanten that Tribe knows twice (same name and address). Default 3 (from 20 relations). */
  ambiguousPairs?: number;
  /** Organisations that are both a Klant and a Leverancier in SnelStart (two relaties each). Default 2%. */
  klantLeverancierPairs?: number;
  /** Customers and suppliers that only the CRM knows. Default 5% of `relations`. */
  tribeOnly?: number;
  /** Products created in the CRM (used on invoice lines). Default max(12, products / 20). */
  tribeProducts?: number;
  /** Approximate size of each attached PDF; omitted: a minimal PDF of about 900 bytes. */
  pdfBytes?: number;
  /** The moment the data is generated at; every date lies before it. Default 2026-03-02T09:00:00Z. */
  now?: Date;
}

export interface ResolvedOptions {
  readonly seed: number;
  readonly relations: number;
  readonly products: number;
  readonly sentInvoices: number;
  readonly draftInvoices: number;
  readonly salesOrders: number;
  readonly tribeOverlap: number;
  readonly ambiguousPairs: number;
  readonly klantLeverancierPairs: number;
  readonly tribeOnly: number;
  readonly tribeProducts: number;
  readonly pdfBytes: number | undefined;
  readonly nowMs: number;
}

export const DEFAULT_NOW = new Date('2026-03-02T09:00:00.000Z');
export const DEFAULT_SEED = 1;

export function resolveOptions(options: GenerateDemoDataOptions): ResolvedOptions {
  const relations = count('relations', options.relations);
  const products = count('products', options.products);
  const sentInvoices = count('sentInvoices', options.sentInvoices);
  const klantLeverancierPairs = count(
    'klantLeverancierPairs',
    options.klantLeverancierPairs ?? (relations >= 10 ? Math.max(1, Math.round(relations * 0.02)) : 0),
  );
  if (2 * klantLeverancierPairs > relations) {
    throw new RangeError(
      `klantLeverancierPairs (${klantLeverancierPairs}) needs two relaties each: at most ${Math.floor(relations / 2)} for ${relations} relations`,
    );
  }
  const singles = relations - 2 * klantLeverancierPairs;
  const ambiguousPairs = count(
    'ambiguousPairs',
    options.ambiguousPairs ?? (relations >= 20 ? Math.min(3, singles) : 0),
  );
  if (ambiguousPairs > singles) {
    throw new RangeError(
      `ambiguousPairs (${ambiguousPairs}) must be single-role Klanten: at most ${singles} with ${relations} relations and ${klantLeverancierPairs} klantLeverancierPairs`,
    );
  }
  const tribeOverlap = options.tribeOverlap ?? 0.6;
  if (!Number.isFinite(tribeOverlap) || tribeOverlap < 0 || tribeOverlap > 1) {
    throw new RangeError(`tribeOverlap must be a share between 0 and 1, got ${tribeOverlap}`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const now = options.now ?? DEFAULT_NOW;
  if (Number.isNaN(now.getTime())) throw new RangeError('now must be a valid Date');
  const pdfBytes = options.pdfBytes === undefined ? undefined : count('pdfBytes', options.pdfBytes);
  return {
    seed,
    relations,
    products,
    sentInvoices,
    draftInvoices: count('draftInvoices', options.draftInvoices ?? Math.round(sentInvoices / 5)),
    salesOrders: count('salesOrders', options.salesOrders ?? 5),
    tribeOverlap,
    ambiguousPairs,
    klantLeverancierPairs,
    tribeOnly: count('tribeOnly', options.tribeOnly ?? Math.round(relations * 0.05)),
    tribeProducts: count('tribeProducts', options.tribeProducts ?? Math.max(12, Math.round(products / 20))),
    pdfBytes,
    nowMs: now.getTime(),
  };
}

function count(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of zero or more, got ${value}`);
  }
  return value;
}
