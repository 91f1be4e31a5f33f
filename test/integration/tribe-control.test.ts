import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { TribeClient } from '../../api-clients/tribe';
import { startTribeSandbox, type TribeSandbox, type TribeSeed } from '../../sandboxes/tribe';

const ORG = '0a000000-0000-4000-8000-000000000001';
const ADDRESS = '0b000000-0000-4000-8000-000000000001';
const CUSTOMER = '0c000000-0000-4000-8000-000000000001';
const INVOICE = '0d000000-0000-4000-8000-000000000001';
const VAT = '0e000000-0000-4000-8000-000000000001';

function wireSeed(): TribeSeed {
  return {
    Datastore_VatGroup: [{ ID: VAT, Code: 'HOOG', Name: 'Hoog tarief', Percentage: 21 }],
    Relation_Organization: [
      {
        ID: ORG,
        Name: 'Seed BV',
        DebtorNumber: '1',
        VisitingAddress: { ID: ADDRESS },
        CreationDate: '2025-06-01T08:00:00Z',
        LastMutationDate: '2025-06-01T08:00:00Z',
      },
      { Name: 'Zonder datum BV' },
    ],
    Address: [{ ID: ADDRESS, Street: 'Seedweg', HouseNumber: 1, Organization: { ID: ORG } }],
    Relationship_Organization_CommercialRelationship_Customer: [
      {
        ID: CUSTOMER,
        Organization: { ID: ORG },
        PaymentTermInDays: 30,
        LastMutationDate: '2025-06-01T08:00:00Z',
      },
    ],
    Activity_Invoice: [{ ID: INVOICE, Subject: 'Seedfactuur', Relationship: { ID: CUSTOMER } }],
    ProductLine: [
      { Activity: { ID: INVOICE }, Description: 'Regel', Quantity: 1, Price: 10, VatGroup: { ID: VAT } },
    ],
    Attachment: [
      {
        Entity: { ID: INVOICE },
        Description: 'Bijlage',
        File: { Name: 'a.txt', MimeType: 'text/plain', Data: Buffer.from('hallo').toString('base64') },
      },
    ],
  };
}

describe('Tribe sandbox control endpoints', () => {
  let sandbox: TribeSandbox;
  const control = (method: string, path: string, data?: unknown) =>
    axios.request({
      method,
      url: `${sandbox.controlUrl}${path}`,
      data,
      validateStatus: () => true,
      proxy: false,
    });

  beforeAll(async () => {
    sandbox = await startTribeSandbox();
  });

  afterAll(() => sandbox.close());

  it('creates tenants with a seed and lists them', async () => {
    const created = await control('POST', '/tenants', {
      clientId: 'ctl',
      clientSecret: 'ctl-secret',
      seed: wireSeed(),
    });
    expect(created.status).toBe(201);
    expect(created.data).toEqual({ clientId: 'ctl', ownOrganizationId: expect.any(String) });
    expect((await control('POST', '/tenants', { clientId: 'ctl', clientSecret: 'x' })).status).toBe(400);
    expect((await control('GET', '/tenants')).data.value).toContain('ctl');
  });

  it('fills in missing datastores, an own organisation and line totals, keeping given values', async () => {
    const tenant = sandbox.tenant('ctl');
    expect(tenant.list('Datastore_VatGroup').map((row) => row.Code)).toEqual(['HOOG']);
    expect(tenant.list('Datastore_Country').map((row) => row.Code)).toContain('NL');
    expect(tenant.get('Relation_Organization', tenant.ownOrganizationId)).toMatchObject({
      Name: 'Eigen Organisatie B.V.',
    });
    expect(tenant.list('ProductLine')[0]).toMatchObject({
      VatPercentage: 21,
      TotalExcludingVat: 10,
      VatAmount: 2.1,
      TotalIncludingVat: 12.1,
    });
  });

  it('round-trips seed → dump → seed without change', async () => {
    const dump = (await control('GET', '/tenants/ctl/dump')).data as TribeSeed;
    expect(dump.Attachment?.[0]).toMatchObject({
      File: { Name: 'a.txt', Size: 5, Data: Buffer.from('hallo').toString('base64') },
    });
    expect(dump.Relation_Organization?.[0]).toMatchObject({
      ID: ORG,
      LastMutationDate: '2025-06-01T08:00:00.000Z',
      _Type: 'Relation.Organization',
    });
    sandbox.addTenant({ clientId: 'copy', clientSecret: 'copy-secret', seed: dump });
    expect(sandbox.tenant('copy').dump()).toEqual(dump);
    expect(sandbox.tenant('copy').ownOrganizationId).toBe(sandbox.tenant('ctl').ownOrganizationId);
  });

  it('keeps seeded LastMutationDates unique and dates undated rows after them', async () => {
    const tenant = sandbox.tenant('ctl');
    const [dated, undated] = tenant.list('Relation_Organization');
    const customer = tenant.get('Relationship_Organization_CommercialRelationship_Customer', CUSTOMER)!;
    expect(dated!.LastMutationDate).toBe('2025-06-01T08:00:00.000Z');
    expect(customer.LastMutationDate).toBe('2025-06-01T08:00:00.001Z');
    expect(Date.parse(undated!.LastMutationDate as string)).toBeGreaterThan(
      Date.parse('2025-06-01T08:00:00.001Z'),
    );
  });

  it.each([
    [{ Relation_Organisation: [] }, /unknown entity set 'Relation_Organisation'/],
    [
      { Relation_Organization: [{ Name: 'x', VisitingAddress: { ID: ADDRESS } }] },
      /dangling references: .*VisitingAddress refers to unknown ID/,
    ],
    [
      { Relation_Organization: [{ Name: 'x', HouseNumber: 1 }] },
      /Seed Relation_Organization\[0\]: property 'HouseNumber' does not exist/,
    ],
    [{ Address: [{ HouseNumber: 'one' }] }, /Seed Address\[0\]: Address\.HouseNumber must be an integer/],
    [{ Product: [{ Code: 'no-name' }] }, /Seed Product\[0\]: Name is required/],
    [{ Product: [{ ID: 'abc', Name: 'x' }] }, /ID must be a GUID/],
  ])('rejects a bad seed %j with 400 and keeps the old data', async (seed, message) => {
    const before = sandbox.tenant('ctl').dump();
    const response = await control('PUT', '/tenants/ctl/seed', seed);
    expect(response.status).toBe(400);
    expect(response.data.error.message).toMatch(message);
    expect(sandbox.tenant('ctl').dump()).toEqual(before);
  });

  it('reads and writes single records directly, announcing them like API writes', async () => {
    const put = await control('PUT', '/tenants/ctl/records/Product', { Name: 'Direct product', Code: 'D1' });
    expect(put.status).toBe(200);
    const read = await control('GET', `/tenants/ctl/records/Product/${put.data.ID as string}`);
    expect(read.data).toMatchObject({ Name: 'Direct product', LastMutationDate: put.data.LastMutationDate });
    expect((await control('PUT', '/tenants/ctl/records/Product', { Code: 'no name' })).status).toBe(400);
    expect((await control('GET', '/tenants/nobody/dump')).status).toBe(404);
  });

  it('sends an invoice: number, dates, totals, PDF attachment, phase Sent', async () => {
    const response = await control('POST', `/tenants/ctl/invoices/${INVOICE}/send`, {
      date: '2026-02-01',
      pdfSizeBytes: 4096,
    });
    expect(response.status).toBe(200);
    expect(response.data.activity).toMatchObject({
      Number: '2026-00001',
      InvoiceDate: '2026-02-01',
      DueDate: '2026-03-03',
      TotalExcludingVat: 10,
      VatAmount: 2.1,
      TotalIncludingVat: 12.1,
    });
    expect(response.data.attachment.File).toEqual({
      Name: 'Factuur 2026-00001.pdf',
      MimeType: 'application/pdf',
      Size: 4096,
    });
    const tenant = sandbox.tenant('ctl');
    expect(tenant.get('Activity_Invoice', INVOICE)!.Phase).toEqual({
      ID: tenant.findByCode('Datastore_Phase_ActivityInvoice', 'Sent')!.ID,
    });
    expect(
      (await control('POST', '/tenants/ctl/invoices/0d000000-0000-4000-8000-0000000000ff/send')).status,
    ).toBe(404);
  });

  it('switches faults, reports stats and revokes tokens', async () => {
    const client = new TribeClient({
      apiUrl: sandbox.apiUrl,
      tokenUrl: sandbox.tokenUrl,
      clientId: 'ctl',
      clientSecret: 'ctl-secret',
    });
    await client.datastores.units();
    expect((await control('PUT', '/faults', { serverErrorRate: 0.7, rateLimitRate: 0.7 })).status).toBe(400);
    expect((await control('PUT', '/faults', { latencyMs: 20, seed: 7 })).data).toEqual({
      latencyMs: 20,
      seed: 7,
    });
    expect((await control('GET', '/faults')).data).toEqual({ latencyMs: 20, seed: 7 });
    await control('PUT', '/faults', {});

    const stats = (await control('GET', '/stats')).data;
    expect(stats.tenants.ctl).toMatchObject({
      requests: 1,
      byMethod: { GET: 1 },
      byEntitySet: { Datastore_Unit: 1 },
      tokensIssued: 1,
    });
    expect(stats.faults).toEqual({ dropped: 0, rateLimited: 0, serverErrors: 0, lostWrites: 0 });

    expect((await control('POST', '/tokens/revoke', { clientId: 'ctl' })).status).toBe(204);
    await client.datastores.units();
    expect(sandbox.stats().tenants.ctl!.tokensIssued).toBe(2);
    expect((await control('DELETE', '/stats')).status).toBe(204);
    expect(sandbox.stats().tenants).toEqual({});
  });
});

describe('standalone Tribe sandbox (sandboxes/tribe/main.ts)', () => {
  it('starts from the command line with a seed and serves a client', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tribe-sandbox-'));
    const seedFile = join(directory, 'seed.json');
    writeFileSync(
      seedFile,
      JSON.stringify({ Relation_Organization: [{ Name: 'Vanaf schijf BV', DebtorNumber: '77' }] }),
    );
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'sandboxes/tribe/main.ts',
        '--port',
        '0',
        '--seed',
        seedFile,
        '--client-id',
        'cli',
        '--client-secret',
        'cli-secret',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } },
    );
    try {
      const ready = await new Promise<{ api: string; token: string; clientId: string }>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const line = output.split('\n').find((candidate) => candidate.startsWith('ready '));
          if (line) resolve(JSON.parse(line.slice('ready '.length)));
        });
        child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
        setTimeout(() => reject(new Error('sandbox did not report ready')), 30_000);
      });
      expect(ready.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/odata$/);
      const client = new TribeClient({
        apiUrl: ready.api,
        tokenUrl: ready.token,
        clientId: 'cli',
        clientSecret: 'cli-secret',
      });
      expect((await client.organizations.findByDebtorNumber('77')).map((row) => row.Name)).toEqual([
        'Vanaf schijf BV',
      ]);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
