import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../client/cli/main';
import { OperatorError } from '../../client/operator/operator-service';
import {
  FakeOperatorService,
  recordFailure,
  startAdminApi,
  testToken,
  workflowStatus,
  type RunningAdminApi,
} from './admin-api-fake-service';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const activationFile = {
  tenantId: 'acme',
  mode: 'invoice',
  snelstart: { koppelsleutel: 'very-secret-koppelsleutel' },
  tribe: { clientId: 'client', clientSecret: 'very-secret-client-secret' },
};

describe('koppeling CLI', () => {
  let service: FakeOperatorService;
  let api: RunningAdminApi;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'koppeling-cli-'));
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  beforeEach(async () => {
    service = new FakeOperatorService();
    api = await startAdminApi(service);
  });

  afterEach(() => api.close());

  async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(argv, {
      stdout,
      stderr,
      env: { KOPPELING_API_URL: api.url, KOPPELING_ADMIN_TOKEN: testToken, ...env },
      pollIntervalMs: 10,
    });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  async function file(name: string, content: unknown): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  }

  const activate = async () => {
    const { code } = await cli([
      'tenant',
      'activate',
      '--file',
      await file('activation.json', activationFile),
    ]);
    expect(code).toBe(0);
  };

  describe('tenant activate', () => {
    it('activates from a file and says how to follow the initial sync', async () => {
      const path = await file('activation.json', activationFile);
      const { code, stdout, stderr } = await cli(['tenant', 'activate', '--file', path]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toContain('Activated tenant acme (workflow tenant-acme).');
      expect(stdout).toContain('SnelStart package: InKaart');
      expect(stdout).toContain('koppeling tenant status acme --watch');
      expect(service.calls[0]).toEqual({ method: 'activate', args: [activationFile] });
    });

    it('prints one JSON document with --json', async () => {
      const path = await file('activation.json', activationFile);
      const { code, stdout } = await cli(['tenant', 'activate', '--file', path, '--json']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual({
        tenantId: 'acme',
        workflowId: 'tenant-acme',
        snelstartPackage: 'InKaart',
        administratieNaam: 'Demo Administratie BV',
        warnings: [],
      });
    });

    it('exits 4 when the tenant is already active', async () => {
      await activate();
      const path = await file('activation.json', activationFile);
      const { code, stderr } = await cli(['tenant', 'activate', '--file', path]);
      expect(code).toBe(4);
      expect(stderr).toContain('Tenant "acme" is already active.');
    });

    it('exits 2 and prints each problem as field: message', async () => {
      const path = await file('incomplete.json', { mode: 'invoice' });
      const { code, stderr } = await cli(['tenant', 'activate', '--file', path]);
      expect(code).toBe(2);
      expect(stderr).toContain('The activation file has 2 problem(s).');
      expect(stderr).toContain('tenantId: is required');
      expect(stderr).toContain('snelstart.koppelsleutel: is required: the client key from SnelStart');
    });

    it('exits 2 naming the path of a missing file', async () => {
      const path = join(dir, 'does-not-exist.json');
      const { code, stderr } = await cli(['tenant', 'activate', '--file', path]);
      expect(code).toBe(2);
      expect(stderr).toContain(`Cannot read the activation file ${path}: the file does not exist.`);
      expect(service.calls).toEqual([]);
    });

    it('exits 2 with the path and position of invalid JSON, without quoting the secrets', async () => {
      const path = await file(
        'broken.json',
        '{\n  "tenantId": "acme",\n  "snelstart": { "koppelsleutel": "very-secret-koppelsleutel" },,\n}\n',
      );
      const { code, stderr } = await cli(['tenant', 'activate', '--file', path]);
      expect(code).toBe(2);
      expect(stderr).toContain(`The activation file ${path} is not valid JSON`);
      expect(stderr).toContain('at line 3, column 65 (position 88)');
      expect(stderr).not.toContain('very-secret');
      expect(service.calls).toEqual([]);
    });

    it('requires --file', async () => {
      const { code, stderr } = await cli(['tenant', 'activate']);
      expect(code).toBe(2);
      expect(stderr).toContain("required option '--file <path>' not specified");
    });
  });

  describe('tenant status', () => {
    it('prints a readable summary', async () => {
      await activate();
      service.failuresByTenant.set('acme', [recordFailure()]);
      service.workflowScripts.set('acme', [
        workflowStatus('acme', {
          cycles: 3,
          counts: { created: 10, updated: 2, matched: 5, skipped: 1, failed: 1, conflicts: 0 },
          warnings: ['No active incassomachtiging for relation 1001: create it in SnelStart.'],
        }),
      ]);
      const { code, stdout } = await cli(['tenant', 'status', 'acme']);
      expect(code).toBe(0);
      expect(stdout).toContain('Tenant acme: active');
      expect(stdout).toMatch(/Phase:\s+idle/);
      expect(stdout).toMatch(/Sync cycles:\s+3/);
      expect(stdout).toMatch(/Last sync:\s+2025-11-28 10:00:00 UTC/);
      expect(stdout).toContain('created 10, updated 2, matched 5, skipped 1, failed 1, conflicts 0');
      expect(stdout).toContain('1 (list them with: koppeling tenant failures acme)');
      expect(stdout).toContain('  - No active incassomachtiging for relation 1001: create it in SnelStart.');
    });

    it('says when the workflow is not running', async () => {
      await activate();
      const { stdout } = await cli(['tenant', 'status', 'acme']);
      expect(stdout).toMatch(/Workflow:\s+not running/);
    });

    it('prints one JSON document with --json', async () => {
      await activate();
      service.workflowScripts.set('acme', [workflowStatus('acme')]);
      const { code, stdout } = await cli(['tenant', 'status', 'acme', '--json']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual({
        tenantId: 'acme',
        status: 'active',
        workflow: workflowStatus('acme'),
        openFailures: 0,
        warnings: [],
      });
    });

    it('exits 3 for an unknown tenant', async () => {
      const { code, stdout, stderr } = await cli(['tenant', 'status', 'nobody']);
      expect(code).toBe(3);
      expect(stdout).toBe('');
      expect(stderr).toContain('Tenant "nobody" does not exist.');
    });

    it('exits 2 for a tenant id the API refuses', async () => {
      const { code, stderr } = await cli(['tenant', 'status', 'Not_Valid']);
      expect(code).toBe(2);
      expect(stderr).toContain('tenantId: must be 2-63 characters');
    });

    describe('--watch', () => {
      const initialSync = (relations: number, products: number | null) =>
        workflowStatus('acme', {
          phase: 'initial-sync',
          progress: {
            relations: { done: relations, total: 40, finished: relations === 40 },
            products: { done: products ?? 0, total: products === null ? null : 12, finished: false },
          },
        });

      beforeEach(async () => {
        await activate();
        service.workflowScripts.set('acme', [
          initialSync(0, null),
          initialSync(20, null),
          initialSync(40, 6),
          workflowStatus('acme', {
            progress: {
              relations: { done: 40, total: 40, finished: true },
              products: { done: 12, total: 12, finished: true },
            },
          }),
        ]);
      });

      it('shows a progress bar per entity until the initial sync is done, then the summary', async () => {
        const { code, stdout } = await cli(['tenant', 'status', 'acme', '--watch']);
        expect(code).toBe(0);
        expect(service.calls.filter((call) => call.method === 'status')).toHaveLength(4);
        expect(stdout).toMatch(/relations\s+\[[^\]]+\] 20\/40/);
        expect(stdout).toMatch(/products\s+\[[^\]]+\] 0\/\?/);
        expect(stdout).toMatch(/products\s+\[[^\]]+\] 12\/12 done/);
        expect(stdout).toContain('Tenant acme: active');
        expect(stdout).toMatch(/Phase:\s+idle/);
      });

      it('prints only the final JSON document with --json', async () => {
        const { code, stdout } = await cli(['tenant', 'status', 'acme', '--watch', '--json']);
        expect(code).toBe(0);
        expect(JSON.parse(stdout).workflow.phase).toBe('idle');
      });

      it('returns at once when the initial sync is not running', async () => {
        service.workflowScripts.set('acme', [workflowStatus('acme')]);
        const { code, stdout } = await cli(['tenant', 'status', 'acme', '--watch']);
        expect(code).toBe(0);
        expect(stdout).not.toContain('[');
        expect(service.calls.filter((call) => call.method === 'status')).toHaveLength(1);
      });
    });
  });

  describe('tenant renew-webhooks', () => {
    it("renews every tenant's webhooks and prints what was done per tenant", async () => {
      await activate();
      const { code, stdout } = await cli(['tenant', 'renew-webhooks']);
      expect(code).toBe(0);
      expect(service.calls.at(-1)?.method).toBe('renewWebhooks');
      const row = stdout.split('\n').find((line) => line.includes('acme'));
      expect(row).toMatch(/acme\W+renewed\W+Activity\.Invoice\W+2\b/);
    });

    it('renews only the tenants named, and exits 3 for an unknown one', async () => {
      await activate();
      expect((await cli(['tenant', 'renew-webhooks', 'acme'])).code).toBe(0);
      expect(service.calls.at(-1)).toEqual({ method: 'renewWebhooks', args: [['acme']] });
      const { code, stderr } = await cli(['tenant', 'renew-webhooks', 'acme', 'nobody']);
      expect(code).toBe(3);
      expect(stderr).toContain('nobody');
    });

    it('prints one JSON document with --json', async () => {
      await activate();
      const { code, stdout } = await cli(['tenant', 'renew-webhooks', '--json']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual({
        tenants: [
          { tenantId: 'acme', outcome: 'renewed', added: ['Activity.Invoice'], replaced: 2, message: null },
        ],
      });
    });

    it('exits 5 naming the tenants that could not be renewed, and what to keep until they are', async () => {
      await activate();
      service.webhookFailures.add('acme');
      const { code, stdout, stderr } = await cli(['tenant', 'renew-webhooks']);
      expect(code).toBe(5);
      expect(stdout).toContain('HTTP 503');
      expect(stderr).toContain('1 tenant(s) could not be renewed (acme)');
      expect(stderr).toContain('keep TRIBE_WEBHOOK_PREVIOUS_SECRET set');
    });
  });

  describe('tenant pause|resume|deactivate|sync', () => {
    it('signals each action and confirms it', async () => {
      await activate();
      const outputs: string[] = [];
      for (const action of ['pause', 'resume', 'sync', 'deactivate']) {
        const { code, stdout } = await cli(['tenant', action, 'acme']);
        expect({ action, code }).toEqual({ action, code: 0 });
        outputs.push(stdout);
      }
      expect(service.calls.slice(1).map((call) => call.method)).toEqual([
        'pause',
        'resume',
        'syncNow',
        'deactivate',
      ]);
      expect(outputs[0]).toContain('Tenant acme is pausing.');
      expect(outputs[2]).toContain('A sync of tenant acme has been requested');
      expect(outputs[3]).toContain('its data stays in SnelStart and Tribe');
    });

    it('exits 4 when the action conflicts with the state', async () => {
      await activate();
      expect((await cli(['tenant', 'pause', 'acme'])).code).toBe(0);
      const { code, stderr } = await cli(['tenant', 'pause', 'acme']);
      expect(code).toBe(4);
      expect(stderr).toContain('Tenant "acme" is paused, not active.');
    });

    it('exits 3 for an unknown tenant', async () => {
      expect((await cli(['tenant', 'deactivate', 'nobody'])).code).toBe(3);
    });

    it('requires the tenant argument', async () => {
      const { code, stderr } = await cli(['tenant', 'pause']);
      expect(code).toBe(2);
      expect(stderr).toContain("missing required argument 'tenant'");
    });
  });

  describe('tenant failures and retry', () => {
    beforeEach(async () => {
      await activate();
      service.failuresByTenant.set('acme', [
        recordFailure(),
        recordFailure({
          id: 2,
          entity: 'invoice',
          source: 'tribe',
          recordId: 'inv-7',
          operation: 'book-in-snelstart',
          reason: 'Unknown VAT group H0: map it in the activation file.',
          attempts: 1,
        }),
      ]);
    });

    it('prints a table of failures', async () => {
      const { code, stdout } = await cli(['tenant', 'failures', 'acme']);
      expect(code).toBe(0);
      const header = stdout.split('\n').find((line) => line.includes('entity'));
      expect(header).toMatch(
        /entity\s+│\s+source\s+│\s+record\s+│\s+operation\s+│\s+reason\s+│\s+attempts\s+│\s+last failed/,
      );
      const invoiceRow = stdout.split('\n').find((line) => line.includes('inv-7'));
      expect(invoiceRow).toMatch(
        /invoice\s+│\s+tribe\s+│\s+inv-7\s+│\s+book-in-snelstart\s+│\s+Unknown VAT group H0: map it in the activation file\.\s+│\s+1\s+│\s+2025-11-28 09:30:00 UTC/,
      );
      expect(stdout).toContain('2 open failures.');
      expect(stdout).not.toContain('\u001b['); // no colour codes
    });

    it('prints one JSON document with --json', async () => {
      const { stdout } = await cli(['tenant', 'failures', 'acme', '--json']);
      const parsed = JSON.parse(stdout);
      expect(parsed.tenantId).toBe('acme');
      expect(parsed.failures.map((f: { recordId: string }) => f.recordId)).toEqual(['k-42', 'inv-7']);
      expect(parsed.failures[0].lastFailedAt).toBe('2025-11-28T09:30:00.000Z');
    });

    it('says so when there are none', async () => {
      service.failuresByTenant.delete('acme');
      expect((await cli(['tenant', 'failures', 'acme'])).stdout).toContain(
        'No open failures for tenant acme.',
      );
    });

    it('retries all failures, or one record', async () => {
      const all = await cli(['tenant', 'retry', 'acme']);
      expect(all.code).toBe(0);
      expect(all.stdout).toContain('Marked 2 failed records of tenant acme for retry');

      const one = await cli(['tenant', 'retry', 'acme', '--record', 'inv-7', '--json']);
      expect(JSON.parse(one.stdout)).toEqual({ tenantId: 'acme', marked: 1 });
      expect(service.calls.filter((call) => call.method === 'retry').map((call) => call.args)).toEqual([
        ['acme', undefined],
        ['acme', 'inv-7'],
      ]);
    });
  });

  describe('tenant list', () => {
    it('prints a table and --json', async () => {
      await activate();
      const { code, stdout } = await cli(['tenant', 'list']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/tenant\s+│\s+status\s+│\s+mode\s+│\s+administratie\s+│\s+activated at/);
      expect(stdout).toMatch(
        /acme\s+│\s+active\s+│\s+invoices\s+│\s+Demo Administratie BV\s+│\s+2025-11-28 09:00:00 UTC/,
      );

      const json = await cli(['tenant', 'list', '--json']);
      expect(JSON.parse(json.stdout)).toEqual({
        tenants: [
          {
            tenantId: 'acme',
            status: 'active',
            mode: 'invoice',
            administratieNaam: 'Demo Administratie BV',
            activatedAt: '2025-11-28T09:00:00.000Z',
          },
        ],
      });
    });

    it('explains how to start when there are no tenants', async () => {
      expect((await cli(['tenant', 'list'])).stdout).toContain('No tenants yet.');
    });
  });

  describe('tenant preview', () => {
    it('prints a row per record and the totals', async () => {
      const path = await file('activation.json', activationFile);
      const { code, stdout } = await cli(['tenant', 'preview', '--file', path]);
      expect(code).toBe(0);
      expect(stdout).toMatch(
        /entity\s+│\s+code\s+│\s+name\s+│\s+outcome\s+│\s+rule\s+│\s+tribe id \/ candidates\s+│\s+reason/,
      );
      expect(stdout).toMatch(
        /relation\s+│\s+1001\s+│\s+Bakkerij Jansen\s+│\s+matched\s+│\s+debtor-number\s+│\s+t-1/,
      );
      expect(stdout).toMatch(/Groen & Zn\s+│\s+ambiguous\s+│\s+name-address\s+│\s+t-7, t-8\s+│\s+two Tribe/);
      expect(stdout).toContain('Totals: linked 0, matched 1, create 1, skip 0, ambiguous 1 (3 records).');
      expect(stdout).toContain('Ambiguous records are never guessed');
    });

    it('prints one JSON document with --json', async () => {
      const path = await file('activation.json', activationFile);
      const { stdout } = await cli(['tenant', 'preview', '--file', path, '--json']);
      expect(JSON.parse(stdout).rows).toHaveLength(3);
    });
  });

  describe('mapping-options', () => {
    it('prints a table per option list', async () => {
      await activate();
      const { code, stdout } = await cli(['mapping-options', 'acme']);
      expect(code).toBe(0);
      for (const title of [
        'SnelStart btw soorten',
        'SnelStart grootboeken',
        'SnelStart verkoopordersjablonen',
        'Tribe VAT groups',
        'Tribe ledger accounts',
        'Tribe address types',
        'Tribe relation types',
      ]) {
        expect(stdout).toContain(`${title}\n`);
      }
      expect(stdout).toMatch(/Hoog\s+│\s+Hoog\s+│\s+BTW hoog \(21%\)/);
      expect(stdout).toContain('SnelStart verkoopordersjablonen\n(none)');
    });

    it('prints one JSON document with --json, and exits 3 for an unknown tenant', async () => {
      await activate();
      const { stdout } = await cli(['mapping-options', 'acme', '--json']);
      expect(JSON.parse(stdout).tribe.vatGroups).toEqual([{ id: 'vg-21', code: 'H21', name: 'Hoog 21%' }]);
      expect((await cli(['mapping-options', 'nobody'])).code).toBe(3);
    });

    it('lists the options before activation from a draft activation file, sending the file to the API', async () => {
      const draft = { snelstart: activationFile.snelstart, tribe: activationFile.tribe };
      const { code, stdout } = await cli([
        'mapping-options',
        '--file',
        await file('draft.json', draft),
        '--json',
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).snelstart.grootboeken).toHaveLength(1);
      expect(service.calls).toContainEqual({ method: 'mappingOptionsFor', args: [draft] });

      const incomplete = await cli(['mapping-options', '--file', await file('empty.json', {})]);
      expect(incomplete.code).toBe(2);
      expect(incomplete.stderr).toContain('snelstart: is missing');
    });

    it('wants a tenant or a file, not both and not neither', async () => {
      const path = await file('both.json', activationFile);
      for (const argv of [['mapping-options'], ['mapping-options', 'acme', '--file', path]]) {
        const run = await cli(argv);
        expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
        expect(run.stderr).toContain('Name an activated tenant');
      }
    });
  });

  describe('connection and failures', () => {
    it('exits 5 naming the URL when the admin API is unreachable', async () => {
      const url = await closedPortUrl();
      const { code, stderr } = await cli(['tenant', 'list'], { KOPPELING_API_URL: url });
      expect(code).toBe(5);
      expect(stderr).toContain(`Cannot reach the admin API at ${url}`);
      expect(stderr).toContain('npm run dev');
    });

    it('exits 5 saying the request may still complete when the admin API does not answer in time', async () => {
      const silent = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
      try {
        const { code, stderr } = await cli(['tenant', 'list'], {
          KOPPELING_API_URL: url,
          KOPPELING_TIMEOUT_SECONDS: '0.2',
        });
        expect(code).toBe(5);
        expect(stderr).toContain(
          `The admin API at ${url} did not answer within 0.2 s; the request may still complete`,
        );
        expect(stderr).not.toContain('Is the system running');
      } finally {
        silent.close();
      }
      const refused = await cli(['tenant', 'list'], { KOPPELING_TIMEOUT_SECONDS: 'soon' });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('KOPPELING_TIMEOUT_SECONDS must be a positive number of seconds');
    });

    it('takes --api-url over the environment', async () => {
      const url = await closedPortUrl();
      const { code } = await cli(['--api-url', api.url, 'tenant', 'list'], { KOPPELING_API_URL: url });
      expect(code).toBe(0);
    });

    it('exits 6 without a token, before calling the API', async () => {
      const { code, stderr } = await cli(['tenant', 'list'], { KOPPELING_ADMIN_TOKEN: undefined });
      expect(code).toBe(6);
      expect(stderr).toContain('Set KOPPELING_ADMIN_TOKEN');
      expect(service.calls).toEqual([]);
    });

    it('exits 6 with a wrong token', async () => {
      const { code, stderr } = await cli(['tenant', 'list', '--token', 'wrong-token']);
      expect(code).toBe(6);
      expect(stderr).toContain('refused the token');
      expect(stderr).not.toContain('wrong-token');
    });

    it('exits 5 when a part of the system is unavailable', async () => {
      service.failNext.set('listTenants', new OperatorError('unavailable', 'Temporal cannot be reached.'));
      const { code, stderr } = await cli(['tenant', 'list']);
      expect(code).toBe(5);
      expect(stderr).toContain('Temporal cannot be reached.');
    });

    it('exits 1 on an unexpected server error', async () => {
      service.failNext.set('listTenants', new Error('boom'));
      const { code, stderr } = await cli(['tenant', 'list']);
      expect(code).toBe(1);
      expect(stderr).toContain('answered HTTP 500');
      expect(stderr).not.toContain('boom');
    });

    it('exits 2 for an API URL that is not http(s)', async () => {
      expect((await cli(['tenant', 'list'], { KOPPELING_API_URL: 'ftp://example' })).code).toBe(2);
    });
  });

  describe('usage', () => {
    it('shows help with examples and exits 0', async () => {
      const { code, stdout } = await cli(['--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: koppeling');
      expect(stdout).toContain('Examples:');
    });

    it.each([
      ['tenant', 'activate'],
      ['tenant', 'status'],
      ['tenant', 'pause'],
      ['tenant', 'resume'],
      ['tenant', 'deactivate'],
      ['tenant', 'sync'],
      ['tenant', 'failures'],
      ['tenant', 'retry'],
      ['tenant', 'list'],
      ['tenant', 'preview'],
      ['tenant', 'update-config'],
      ['mapping-options'],
    ])('has help with examples for %s %s', async (...command) => {
      const { code, stdout } = await cli([...command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`$ koppeling ${command.join(' ')}`);
    });

    it('exits 2 for an unknown command or option', async () => {
      expect((await cli(['tenant', 'explode'])).code).toBe(2);
      expect((await cli(['tenant', 'list', '--colour'])).code).toBe(2);
    });
  });
});

/** The URL of a port nothing listens on: bound once, then released. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}
