import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseActivationConfig } from '../../domain/activation-config';
import {
  DEMO_VERKOOPORDERSJABLOON_ID,
  demoActivationMappings,
  generateDemoData,
} from '../../sandboxes/generator';
import { main, parseCliArgs } from '../../sandboxes/generator/main';

describe('generator CLI', () => {
  it('maps the flags onto the generator options', () => {
    const request = parseCliArgs([
      '--relations',
      '30',
      '--products',
      '4',
      '--invoices',
      '2',
      '--out-dir',
      '/tmp/x',
      '--tribe-overlap',
      '0.5',
      '--seed=-3',
      '--now',
      '2026-01-10T08:00:00Z',
    ]);
    expect(request).toMatchObject({
      outDir: '/tmp/x',
      options: { relations: 30, products: 4, sentInvoices: 2, tribeOverlap: 0.5, seed: -3 },
    });
    expect(request !== 'help' && request.options.now?.toISOString()).toBe('2026-01-10T08:00:00.000Z');
    expect(parseCliArgs(['--help'])).toBe('help');
    expect(() =>
      parseCliArgs(['--relations', 'ten', '--products', '1', '--invoices', '1', '--out-dir', 'd']),
    ).toThrow('--relations must be a whole number');
    expect(() => parseCliArgs(['--products', '1', '--invoices', '1', '--out-dir', 'd'])).toThrow(
      '--relations is required',
    );
  });

  it('writes both seed files, equal to the generated data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'generator-cli-'));
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = main([
        '--relations',
        '80',
        '--products',
        '12',
        '--invoices',
        '5',
        '--out-dir',
        dir,
        '--seed',
        '9',
      ]);
      expect(code).toBe(0);
      const expected = generateDemoData({ relations: 80, products: 12, sentInvoices: 5, seed: 9 });
      expect(readFileSync(join(dir, 'snelstart-seed.json'), 'utf8')).toBe(JSON.stringify(expected.snelstart));
      expect(readFileSync(join(dir, 'tribe-seed.json'), 'utf8')).toBe(JSON.stringify(expected.tribe));
      expect(JSON.parse(String(stdout.mock.calls[0]?.[0]))).toEqual(expected.summary);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects impossible option combinations with a clear message', () => {
    expect(() =>
      generateDemoData({ relations: 10, products: 0, sentInvoices: 0, klantLeverancierPairs: 6 }),
    ).toThrow('klantLeverancierPairs (6) needs two relaties each');
    expect(() =>
      generateDemoData({ relations: 10, products: 0, sentInvoices: 0, tribeOverlap: 1.5 }),
    ).toThrow('tribeOverlap must be a share between 0 and 1');
    expect(() => generateDemoData({ relations: 0, products: 0, sentInvoices: 3, tribeOnly: 0 })).toThrow(
      'invoices and sales orders need a customer in Tribe',
    );
    expect(() => generateDemoData({ relations: -1, products: 0, sentInvoices: 0 })).toThrow(
      'relations must be a whole number',
    );
  });
});

describe('demoActivationMappings', () => {
  const mappings = demoActivationMappings();

  it('names only ids that exist in the generated seeds', () => {
    const { snelstart, tribe } = generateDemoData({ relations: 20, products: 2, sentInvoices: 0 });
    const vatGroups = new Map(tribe.Datastore_VatGroup.map((group) => [group.ID, group]));
    const ledgers = new Map(tribe.Datastore_GeneralLedgerAccount.map((ledger) => [ledger.ID, ledger.Code]));
    const grootboeken = new Map(snelstart.grootboeken.map((ledger) => [ledger.id, ledger]));
    for (const mapping of mappings.vatGroups) {
      expect(vatGroups.get(mapping.tribeVatGroupId)).toMatchObject({
        Code: mapping.tribeVatGroupCode,
        Percentage: mapping.percentage,
      });
    }
    expect(
      mappings.vatGroups
        .filter((mapping) => mapping.reverseCharge)
        .map((mapping) => mapping.tribeVatGroupCode),
    ).toEqual(['NLVERLEGD']);
    for (const mapping of mappings.ledgerAccounts) {
      expect(ledgers.get(mapping.tribeLedgerAccountId)).toBe(mapping.tribeLedgerAccountCode);
      expect(grootboeken.get(mapping.snelstartGrootboekId)?.nummer).toBe(mapping.snelstartGrootboekNummer);
    }
    const addressTypes = new Map(tribe.Datastore_AdressType.map((type) => [type.ID, type.Code]));
    for (const mapping of mappings.addressTypes) {
      expect(addressTypes.get(mapping.tribeAddressTypeId)).toBe(mapping.tribeAddressTypeCode);
    }
    for (const mapping of mappings.relationTypes) {
      expect(
        tribe.Datastore_RelationshipType.find((type) => type.ID === mapping.tribeRelationshipTypeId)?.Code,
      ).toBe(mapping.tribeEntitySet);
    }
    for (const mapping of mappings.countries) {
      expect(snelstart.landen.find((land) => land.id === mapping.snelstartLandId)?.landcode).toBe(
        mapping.isoCode,
      );
      expect(tribe.Datastore_Country.find((country) => country.ID === mapping.tribeCountryId)?.Code).toBe(
        mapping.isoCode,
      );
    }
    expect(mappings.verkoopordersjabloonId).toBe(DEMO_VERKOOPORDERSJABLOON_ID);
    expect(
      snelstart.verkoopordersjablonen.find((sjabloon) => sjabloon.id === DEMO_VERKOOPORDERSJABLOON_ID)
        ?.nonactief,
    ).toBe(false);
    // Every CRM product's VAT group and ledger account is mapped.
    const mappedVat = new Set(mappings.vatGroups.map((mapping) => mapping.tribeVatGroupId));
    const mappedLedgers = new Set(mappings.ledgerAccounts.map((mapping) => mapping.tribeLedgerAccountId));
    for (const product of tribe.Product) {
      expect(mappedVat.has(product.VatGroup.ID)).toBe(true);
      expect(mappedLedgers.has(product.GeneralLedgerAccount.ID)).toBe(true);
    }
  });

  it('makes a valid activation file once credentials are added', () => {
    const address = (kind: 'vestigingsAdres' | 'correspondentieAdres') =>
      mappings.addressTypes.find((row) => row.snelstartAdres === kind)?.tribeAddressTypeId;
    const result = parseActivationConfig({
      tenantId: 'demo',
      snelstart: { koppelsleutel: 'sandbox-koppelsleutel' },
      tribe: { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' },
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
      mode: 'salesOrder',
      verkoopordersjabloonId: mappings.verkoopordersjabloonId,
      incasso: true,
    });
    expect(result).toMatchObject({ ok: true });
  });
});
