import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoData } from './generate-demo-data';
import type { GenerateDemoDataOptions } from './options';
import { writeSeedFile } from './seed-file';

const USAGE = `Generate a demo SnelStart administration and Tribe CRM as seed files.

Usage: npx tsx sandboxes/generator/main.ts --relations N --products N --invoices N --out-dir DIR [options]

  --relations N               SnelStart Klant and Leverancier relaties (system rows come on top)
  --products N                SnelStart artikelen
  --invoices N                Tribe invoices in phase Sent, each with its PDF
  --out-dir DIR               where snelstart-seed.json and tribe-seed.json are written
  --draft-invoices N          Tribe invoices in phase Draft (default: invoices / 5)
  --sales-orders N            Tribe sales orders in phase Linked (default 5)
  --tribe-overlap SHARE       share 0..1 of SnelStart organisations already in Tribe (default 0.6)
  --ambiguous-pairs N         Klanten that Tribe knows twice (default 3)
  --klant-leverancier-pairs N organisations that are both Klant and Leverancier (default 2%)
  --tribe-only N              customers and suppliers only the CRM knows (default 5%)
  --tribe-products N          products created in the CRM (default max(12, products / 20))
  --pdf-bytes N               approximate size of each attached PDF
  --seed N                    PRNG seed (default 1)
  --now ISO-8601              the moment the data is generated at (default 2026-03-02T09:00:00Z)

Prints the summary as one JSON line on stdout.`;

export interface CliRequest {
  readonly options: GenerateDemoDataOptions;
  readonly outDir: string;
}

export function parseCliArgs(argv: readonly string[]): CliRequest | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      relations: { type: 'string' },
      products: { type: 'string' },
      invoices: { type: 'string' },
      'out-dir': { type: 'string' },
      'draft-invoices': { type: 'string' },
      'sales-orders': { type: 'string' },
      'tribe-overlap': { type: 'string' },
      'ambiguous-pairs': { type: 'string' },
      'klant-leverancier-pairs': { type: 'string' },
      'tribe-only': { type: 'string' },
      'tribe-products': { type: 'string' },
      'pdf-bytes': { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const outDir = values['out-dir'];
  if (outDir === undefined) throw new Error('--out-dir is required');
  const optional = (name: keyof typeof values): number | undefined => {
    const text = values[name];
    return typeof text === 'string' ? wholeNumber(name, text) : undefined;
  };
  const required = (name: 'relations' | 'products' | 'invoices'): number => {
    const value = optional(name);
    if (value === undefined) throw new Error(`--${name} is required`);
    return value;
  };
  return {
    outDir,
    options: {
      relations: required('relations'),
      products: required('products'),
      sentInvoices: required('invoices'),
      draftInvoices: optional('draft-invoices'),
      salesOrders: optional('sales-orders'),
      tribeOverlap: values['tribe-overlap'] === undefined ? undefined : share(values['tribe-overlap']),
      ambiguousPairs: optional('ambiguous-pairs'),
      klantLeverancierPairs: optional('klant-leverancier-pairs'),
      tribeOnly: optional('tribe-only'),
      tribeProducts: optional('tribe-products'),
      pdfBytes: optional('pdf-bytes'),
      seed: values.seed === undefined ? undefined : integer('seed', values.seed),
      now: values.now === undefined ? undefined : moment(values.now),
    },
  };
}

function wholeNumber(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number, got "${text}"`);
  return Number(text);
}

function integer(name: string, text: string): number {
  if (!/^-?\d+$/.test(text)) throw new Error(`--${name} must be an integer, got "${text}"`);
  return Number(text);
}

function share(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new Error(`--tribe-overlap must be a number 0..1, got "${text}"`);
  return value;
}

function moment(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`--now must be an ISO-8601 date-time, got "${text}"`);
  return date;
}

export function main(argv: readonly string[]): number {
  let request: CliRequest | 'help';
  try {
    request = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (request === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = performance.now();
  const data = generateDemoData(request.options);
  const generated = performance.now();
  mkdirSync(request.outDir, { recursive: true });
  const snelstartBytes = writeSeedFile(join(request.outDir, 'snelstart-seed.json'), data.snelstart);
  const tribeBytes = writeSeedFile(join(request.outDir, 'tribe-seed.json'), data.tribe);
  const written = performance.now();
  process.stderr.write(
    `generated in ${Math.round(generated - started)} ms; wrote ${megabytes(snelstartBytes)} + ${megabytes(tribeBytes)} MB ` +
      `to ${request.outDir} in ${Math.round(written - generated)} ms\n`,
  );
  process.stdout.write(`${JSON.stringify(data.summary)}\n`);
  return 0;
}

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
