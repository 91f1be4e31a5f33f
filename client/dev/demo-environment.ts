import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ActivationConfigInput } from '../../domain/activation-config';
import { demoActivationMappings, generateDemoData, type DemoData } from '../../sandboxes/generator';
import { startSnelStartSandbox, type SeedDocument, type SnelStartSandbox } from '../../sandboxes/snelstart';
import { startTribeSandbox, type TribeSandbox, type TribeSeed } from '../../sandboxes/tribe';

export interface DemoEnvironmentOptions {
  tenantId?: string;
  relations?: number;
  products?: number;
  sentInvoices?: number;
  draftInvoices?: number;
  /** Tribe organisations that match a SnelStart relatie twice (left for a person to resolve). */
  ambiguousPairs?: number;
  snelstartSeedFile?: string;
  tribeSeedFile?: string;
  /** SnelStart limits of the sandbox administration; null switches them off (the default for the demo). */
  snelstartLimits?: { perMinute: number | null; perHour: number | null; concurrent: number | null } | null;
  snelstartPort?: number;
  tribePort?: number;
  pdfBytes?: number;
  seed?: number;
}

export interface DemoEnvironment {
  snelstart: SnelStartSandbox;
  tribe: TribeSandbox;
  koppelsleutel: string;
  tribeClientId: string;
  tribeClientSecret: string;
  activation: ActivationConfigInput;
  generated: DemoData['summary'] | null;
  close(): Promise<void>;
}

/**
 * Both sandboxes, seeded with a realistic demo administration and CRM (generated, or from seed files in the
 * APIs' own wire shapes), and the activation file that fits them. Credentials are sandbox-only values.
 */
export async function startDemoEnvironment(options: DemoEnvironmentOptions = {}): Promise<DemoEnvironment> {
  const tenantId = options.tenantId ?? 'demo';
  const koppelsleutel = `sandbox-koppelsleutel-${randomBytes(8).toString('hex')}`;
  const tribeClientId = `sandbox-client-${tenantId}`;
  const tribeClientSecret = `sandbox-secret-${randomBytes(12).toString('hex')}`;

  let snelstartSeed: SeedDocument;
  let tribeSeed: TribeSeed;
  let generated: DemoData['summary'] | null = null;
  if (options.snelstartSeedFile || options.tribeSeedFile) {
    snelstartSeed = options.snelstartSeedFile
      ? (JSON.parse(await readFile(options.snelstartSeedFile, 'utf8')) as SeedDocument)
      : {};
    tribeSeed = options.tribeSeedFile
      ? (JSON.parse(await readFile(options.tribeSeedFile, 'utf8')) as TribeSeed)
      : {};
  } else {
    const data = generateDemoData({
      seed: options.seed ?? 1,
      relations: options.relations ?? 200,
      products: options.products ?? 50,
      sentInvoices: options.sentInvoices ?? 20,
      draftInvoices: options.draftInvoices,
      ambiguousPairs: options.ambiguousPairs,
      pdfBytes: options.pdfBytes,
    });
    snelstartSeed = data.snelstart as unknown as SeedDocument;
    tribeSeed = data.tribe as unknown as TribeSeed;
    generated = data.summary;
  }

  const limits = options.snelstartLimits === undefined ? null : options.snelstartLimits;
  const snelstart = await startSnelStartSandbox({
    port: options.snelstartPort ?? 0,
    administrations: [
      {
        koppelsleutel,
        package: 'InZicht',
        limits: limits ?? { perMinute: null, perHour: null, concurrent: null },
        seed: snelstartSeed,
        administratieNaam: 'Demo administratie',
      },
    ],
  });
  const tribe = await startTribeSandbox({
    port: options.tribePort ?? 0,
    tenants: [{ clientId: tribeClientId, clientSecret: tribeClientSecret, seed: tribeSeed }],
  });

  return {
    snelstart,
    tribe,
    koppelsleutel,
    tribeClientId,
    tribeClientSecret,
    activation: demoActivation(tenantId, koppelsleutel, tribeClientId, tribeClientSecret),
    generated,
    async close() {
      await Promise.all([snelstart.close(), tribe.close()]);
    },
  };
}

/** The activation file for the demo data: every mapping the generated administration and CRM need. */
export function demoActivation(
  tenantId: string,
  koppelsleutel: string,
  clientId: string,
  clientSecret: string,
): ActivationConfigInput {
  const mappings = demoActivationMappings();
  const address = (kind: 'vestigingsAdres' | 'correspondentieAdres') =>
    mappings.addressTypes.find((row) => row.snelstartAdres === kind)!.tribeAddressTypeId;
  return {
    tenantId,
    snelstart: { koppelsleutel },
    tribe: { clientId, clientSecret },
    mappings: {
      vatGroups: mappings.vatGroups.map((row) => ({
        tribeVatGroupId: row.tribeVatGroupId,
        snelstartBtwSoort: row.reverseCharge ? 'Verlegd' : row.snelstartBtwSoort,
      })),
      ledgerAccounts: mappings.ledgerAccounts.map((row) => ({
        tribeLedgerAccountId: row.tribeLedgerAccountId,
        snelstartGrootboekId: row.snelstartGrootboekId,
      })),
      relationTypes: { customer: true, supplier: true, extra: [] },
      addressTypes: {
        vestigingsAdres: address('vestigingsAdres'),
        correspondentieAdres: address('correspondentieAdres'),
      },
    },
    mode: 'invoice',
    incasso: true,
    syncIntervalMinutes: 60,
    rateLimits: { perMinute: 6000, perHour: 100000, concurrent: 20 },
  };
}
