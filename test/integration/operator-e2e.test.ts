import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type {
  FailureListBody,
  MappingOptionsBody,
  PreviewReportBody,
  TenantStatusReportBody,
} from '../../client/admin-api/schemas/tenant-schemas';
import { runCli } from '../../client/cli/main';
import { startSyncHarness, until, type SyncHarness } from '../helpers/sync-harness';

/**
 * The operator's two faces, the `koppeling` CLI and the admin HTTP API, driven end to end against a running
 * system: real Temporal, real PostgreSQL, both sandboxes over HTTP. Every command goes through the CLI's own
 * argument parsing, the admin API's bearer auth and the operator service's live checks.
 *
 * The tests share one tenant and run in order: activate → status → preview check → failures → retry →
 * mapping options → sync → pause/resume → deactivate. Bad input comes first and must leave nothing behind.
 */

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

type Row = Record<string, unknown>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('operator CLI and admin API end to end (real Temporal, PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  let dir: string;
  let activationFile: string;
  let preview: PreviewReportBody;
  const unknownTenant = `unknown-${randomUUID().slice(0, 8)}`;
  const variants: string[] = [];

  beforeAll(async () => {
    h = await startSyncHarness({ relations: 30, products: 10, sentInvoices: 2, seed: 11 });
    dir = await mkdtemp(join(tmpdir(), 'koppeling-operator-e2e-'));
    activationFile = await writeActivation('activation.json', h.demo.activation);
  });

  afterAll(async () => {
    // Leave the sandbox administration as it was, whatever happened in between.
    h?.demo.snelstart.setPackage(h.demo.koppelsleutel, 'InZicht');
    // A refusal that did not happen would have started a workflow: stop it rather than leave it running.
    for (const name of variants) {
      await h?.system.workflows.deactivate(`${h.tenantId}-${name}`).catch(() => undefined);
    }
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function cli(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(argv, {
      stdout,
      stderr,
      env: { KOPPELING_API_URL: h.system.adminApiUrl!, KOPPELING_ADMIN_TOKEN: h.adminToken, ...env },
      pollIntervalMs: 50,
    });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  /** Runs a `--json` command that must succeed and returns its parsed output. */
  async function cliJson<T>(argv: string[]): Promise<T> {
    const run = await cli([...argv, '--json']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    return JSON.parse(run.stdout) as T;
  }

  const status = () => cliJson<TenantStatusReportBody>(['tenant', 'status', h.tenantId]);
  const failures = async () => (await cliJson<FailureListBody>(['tenant', 'failures', h.tenantId])).failures;

  async function writeActivation(name: string, content: unknown): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  }

  /** The demo activation file with one part changed, for a tenant id of its own so nothing collides. */
  async function variant(name: string, change: (file: Row) => void): Promise<string> {
    const file = structuredClone(h.demo.activation) as unknown as Row;
    file.tenantId = `${h.tenantId}-${name}`;
    variants.push(name);
    change(file);
    return writeActivation(`${name}.json`, file);
  }

  function expectNotStored(tenantId: string) {
    return expect(h.system.tenants.findTenant(tenantId)).resolves.toBeNull();
  }

  /** API calls both sandboxes received for this tenant, split into reads and writes. */
  const calls = () => {
    const snelstart = h.demo.snelstart.stats(h.demo.koppelsleutel).byRoute;
    const tribe = h.demo.tribe.stats().tenants[h.demo.tribeClientId]?.byMethod ?? {};
    const count = (routes: Record<string, number>, methods: RegExp) =>
      Object.entries(routes)
        .filter(([route]) => methods.test(route))
        .reduce((sum, [, n]) => sum + n, 0);
    const reads = /^GET\b/;
    const writes = /^(POST|PUT|PATCH|DELETE)\b/;
    return {
      reads: { snelstart: count(snelstart, reads), tribe: count(tribe, reads) },
      writes: { snelstart: count(snelstart, writes), tribe: count(tribe, writes) },
    };
  };

  async function waitForIdleThroughCli(minCycles = 0): Promise<TenantStatusReportBody> {
    let last: TenantStatusReportBody | undefined;
    try {
      return await until(
        async () => {
          last = await status();
          const wf = last.workflow;
          const settled =
            wf?.phase === 'idle' &&
            wf.cycles >= minCycles &&
            Object.values(wf.progress).every((p) => p.finished);
          return settled ? last : null;
        },
        120_000,
        'tenant idle',
      );
    } catch (err) {
      throw new Error(`${(err as Error).message}; last status: ${JSON.stringify(last)}`);
    }
  }

  describe('authentication', () => {
    it('refuses every tenant route over HTTP without the token or with a wrong one (401), and stores nothing', async () => {
      const base = h.system.adminApiUrl!;
      const attempts: { method: string; path: string; body?: unknown }[] = [
        { method: 'GET', path: '/tenants' },
        { method: 'GET', path: `/tenants/${h.tenantId}/status` },
        { method: 'GET', path: `/tenants/${h.tenantId}/failures` },
        { method: 'POST', path: `/tenants/${h.tenantId}/pause` },
        { method: 'POST', path: '/tenants', body: h.demo.activation },
        { method: 'POST', path: '/tenants/preview', body: h.demo.activation },
      ];
      for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${h.adminToken}`]) {
        for (const { method, path, body } of attempts) {
          const headers: Record<string, string> = {};
          if (authorization) headers.authorization = authorization;
          if (body) headers['content-type'] = 'application/json';
          const response = await fetch(`${base}${path}`, {
            method,
            headers,
            body: body ? JSON.stringify(body) : undefined,
          });
          expect({ method, path, authorization, status: response.status }).toEqual({
            method,
            path,
            authorization,
            status: 401,
          });
          expect(response.headers.get('www-authenticate')).toBe('Bearer');
          expect(await response.json()).toMatchObject({ error: 'unauthorized' });
        }
      }
      // The refused activation did nothing: no tenant row, no workflow.
      await expectNotStored(h.tenantId);
      expect(await h.system.workflows.isRunning(h.tenantId)).toBe(false);

      // The same route with the right token answers.
      const ok = await fetch(`${base}/tenants`, { headers: { authorization: `Bearer ${h.adminToken}` } });
      expect(ok.status).toBe(200);
    });

    it('CLI: a wrong token exits 6 without echoing it; no token at all exits 6 and says how to set one', async () => {
      const wrong = await cli(['tenant', 'list'], { KOPPELING_ADMIN_TOKEN: 'not-the-admin-token' });
      expect(wrong.code).toBe(6);
      expect(wrong.stderr).toContain('refused the token');
      expect(wrong.stderr).not.toContain('not-the-admin-token');

      const none = await cli(['tenant', 'status', h.tenantId], { KOPPELING_ADMIN_TOKEN: undefined });
      expect(none.code).toBe(6);
      expect(none.stderr).toContain('KOPPELING_ADMIN_TOKEN');

      const activate = await cli(['tenant', 'activate', '--file', activationFile], {
        KOPPELING_ADMIN_TOKEN: 'not-the-admin-token',
      });
      expect(activate.code).toBe(6);
      await expectNotStored(h.tenantId);
    });
  });

  describe('bad input before activation', () => {
    it('an activation file that is not JSON: exit 2, naming the path, line and column', async () => {
      const file = await writeActivation(
        'broken.json',
        '{\n  "tenantId": "acme",\n  "mode": "invoice"\n  "incasso": true\n}\n',
      );
      const run = await cli(['tenant', 'activate', '--file', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(file);
      expect(run.stderr).toContain('is not valid JSON');
      expect(run.stderr).toContain('line 4, column 3');
      expect(run.stdout).toBe('');

      const missing = join(dir, 'does-not-exist.json');
      const absent = await cli(['tenant', 'activate', '--file', missing]);
      expect(absent.code).toBe(2);
      expect(absent.stderr).toContain(missing);
      expect(absent.stderr).toContain('does not exist');
    });

    it('an activation file with a wrong field: exit 2, naming each field, never echoing a secret', async () => {
      const file = await variant('wrong-fields', (f) => {
        const mappings = f.mappings as { vatGroups: Row[] };
        mappings.vatGroups[0]!.snelstartBtwSoort = 'Hooog';
        f.syncIntervalMinutes = 1;
        f.incaso = true;
      });
      const run = await cli(['tenant', 'activate', '--file', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('The activation file is not valid.');
      expect(run.stderr).toMatch(/mappings\.vatGroups\[0\]\.snelstartBtwSoort: must be one of Hoog, Laag/);
      expect(run.stderr).toMatch(/syncIntervalMinutes: must be at least 5/);
      expect(run.stderr).toMatch(/"incaso": unknown field/);
      expect(run.stderr).not.toContain(h.demo.koppelsleutel);
      expect(run.stderr).not.toContain(h.demo.tribeClientSecret);
      await expectNotStored(`${h.tenantId}-wrong-fields`);
    });

    it('a mapping id that does not exist in the live systems: exit 2, naming the field', async () => {
      const grootboek = randomUUID();
      const vatGroup = randomUUID();
      const file = await variant('unknown-ids', (f) => {
        const mappings = f.mappings as { ledgerAccounts: Row[]; vatGroups: Row[] };
        mappings.ledgerAccounts[0]!.snelstartGrootboekId = grootboek;
        mappings.vatGroups[1]!.tribeVatGroupId = vatGroup;
      });
      const run = await cli(['tenant', 'activate', '--file', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('does not pass the live checks');
      // One line per problem, each naming the field and the id that was not found.
      expect(run.stderr).toContain(
        `mappings.ledgerAccounts[0].snelstartGrootboekId: grootboek ${grootboek} does not exist`,
      );
      expect(run.stderr).toContain(`mappings.vatGroups[1].tribeVatGroupId: Tribe VAT group ${vatGroup}`);
      expect(run.stderr).toContain('koppeling mapping-options');
      await expectNotStored(`${h.tenantId}-unknown-ids`);
    });

    it('a koppelsleutel SnelStart refuses: exit 2 on snelstart.koppelsleutel, without echoing it', async () => {
      const koppelsleutel = `sandbox-koppelsleutel-${randomUUID()}`;
      const file = await variant('refused-key', (f) => {
        f.snelstart = { koppelsleutel };
      });
      const run = await cli(['tenant', 'activate', '--file', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/snelstart\.koppelsleutel: SnelStart refused the koppelsleutel/);
      expect(run.stderr).not.toContain(koppelsleutel);
      await expectNotStored(`${h.tenantId}-refused-key`);
    });

    it('a koppelsleutel without a scope the tenant needs: exit 2 with one line per scope, nothing else failing', async () => {
      const file = await variant('missing-scope', () => undefined);
      h.demo.snelstart.withholdScopes(h.demo.koppelsleutel, ['boekhouden:read', 'documenten:write']);
      let run: CliRun;
      try {
        run = await cli(['tenant', 'activate', '--file', file]);
      } finally {
        h.demo.snelstart.withholdScopes(h.demo.koppelsleutel, []);
      }
      expect(run.code).toBe(2);
      const problems = run.stderr.split('\n').filter((line) => line.includes('snelstart'));
      expect(problems).toEqual([
        expect.stringContaining('lacks the scope boekhouden:read, needed to read grootboeken'),
        expect.stringContaining(
          'lacks the scope documenten:write, needed to attach invoice and order documents',
        ),
      ]);
      await expectNotStored(`${h.tenantId}-missing-scope`);
    });

    it('Tribe unreachable while checking: exit 5 saying to try again, nothing stored', async () => {
      const file = await variant('tribe-down', () => undefined);
      h.demo.tribe.setFaults({ serverErrorRate: 1 });
      let run: CliRun;
      try {
        run = await cli(['tenant', 'activate', '--file', file]);
      } finally {
        h.demo.tribe.setFaults({});
      }
      expect(run.code).toBe(5);
      expect(run.stderr).toContain('Tribe could not be reached to check the configuration');
      expect(run.stderr).toContain('Try again in a few minutes');
      await expectNotStored(`${h.tenantId}-tribe-down`);
    });

    it('an unknown tenant: exit 3 for every command that names one', async () => {
      const commands = [
        ['tenant', 'status', unknownTenant],
        ['tenant', 'pause', unknownTenant],
        ['tenant', 'resume', unknownTenant],
        ['tenant', 'sync', unknownTenant],
        ['tenant', 'deactivate', unknownTenant],
        ['tenant', 'failures', unknownTenant],
        ['tenant', 'retry', unknownTenant],
        ['mapping-options', unknownTenant],
      ];
      for (const argv of commands) {
        const run = await cli(argv);
        expect({ argv, code: run.code }).toEqual({ argv, code: 3 });
        expect(run.stderr).toContain(unknownTenant);
      }
    });

    it('preview --json: what the initial sync would do, per outcome, writing nothing', async () => {
      const before = calls();
      const relaties = h.snelstartAdmin().records('relaties').length;
      const organisations = h.tribeTenant().list('Relation_Organization').length;
      preview = await cliJson<PreviewReportBody>(['tenant', 'preview', '--file', activationFile]);
      const after = calls();
      // It read both live systems, and wrote to neither.
      expect(after.reads.snelstart).toBeGreaterThan(before.reads.snelstart);
      expect(after.reads.tribe).toBeGreaterThan(before.reads.tribe);
      expect(after.writes).toEqual(before.writes);
      expect(h.snelstartAdmin().records('relaties')).toHaveLength(relaties);
      expect(h.tribeTenant().list('Relation_Organization')).toHaveLength(organisations);

      const { totals, rows } = preview;
      expect(Object.keys(totals).sort()).toEqual(['ambiguous', 'create', 'linked', 'matched', 'skip']);
      expect(totals.linked).toBe(0); // nothing is linked before activation
      for (const outcome of ['matched', 'create', 'skip', 'ambiguous'] as const) {
        expect({ outcome, n: totals[outcome] }).toEqual({ outcome, n: expect.any(Number) });
        expect(totals[outcome]).toBeGreaterThan(0);
        expect(rows.filter((row) => row.outcome === outcome)).toHaveLength(totals[outcome]);
      }
      expect(rows).toHaveLength(Object.values(totals).reduce((a, b) => a + b, 0));
      const ambiguous = rows.filter((row) => row.entity === 'relation' && row.outcome === 'ambiguous');
      expect(ambiguous).toHaveLength(h.demo.generated!.overlap.ambiguousPairs);
      for (const row of ambiguous) {
        expect(row.candidates.length).toBeGreaterThanOrEqual(2);
        expect(row.reason).toContain('link the right one by hand');
      }
      expect(rows.filter((row) => row.entity === 'product')).toHaveLength(
        h.demo.generated!.snelstart.artikelen,
      );
      await expectNotStored(h.tenantId);
    });
  });

  describe('a tenant activated through the CLI', () => {
    it('activate exits 0 and starts the tenant workflow; activating again exits 4 (conflict)', async () => {
      const run = await cli(['tenant', 'activate', '--file', activationFile]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`Activated tenant ${h.tenantId} (workflow tenant-${h.tenantId}).`);
      expect(run.stdout).toMatch(/SnelStart package: +InBalans\/InZicht\/InControle/);
      const administratieNaam = h.snelstartAdmin().dump().companyInfo.administratieNaam as string;
      const line = run.stdout.split('\n').find((l) => l.trim().startsWith('Administratie:'));
      expect(line?.replace(/^\s*Administratie:\s*/, '')).toBe(administratieNaam);
      expect(await h.system.workflows.isRunning(h.tenantId)).toBe(true);

      const again = await cli(['tenant', 'activate', '--file', activationFile]);
      expect(again.code).toBe(4);
      expect(again.stderr).toContain(`Tenant "${h.tenantId}" is already active`);
      expect(again.stderr).toContain('update-config');
    });

    it('status --json shows the phase and per-entity progress until the initial sync is done', async () => {
      const first = await status();
      expect(first).toMatchObject({ tenantId: h.tenantId, status: 'active' });
      expect(['initial-sync', 'idle', 'syncing']).toContain(first.workflow?.phase);
      expect(first.workflow?.paused).toBe(false);

      const idle = await waitForIdleThroughCli();
      const progress = idle.workflow!.progress;
      expect(Object.keys(progress).sort()).toEqual(['products', 'relations']);
      for (const entity of Object.values(progress)) {
        expect(entity.finished).toBe(true);
        expect(entity.total).not.toBeNull();
        expect(entity.done).toBe(entity.total);
      }
      expect(idle.workflow!.counts.created).toBeGreaterThan(0);
      expect(idle.workflow!.counts.matched).toBeGreaterThan(0);
      expect(idle.workflow!.lastSyncAt).not.toBeNull();
      expect(idle.openFailures).toBeGreaterThanOrEqual(h.demo.generated!.overlap.ambiguousPairs);

      const text = await cli(['tenant', 'status', h.tenantId]);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain(`Tenant ${h.tenantId}: active`);
      expect(text.stdout).toMatch(/Phase:\s+idle/);
      expect(text.stdout).toMatch(/relations\s+\d+\/\d+ done/);
    });

    it('failures --json lists the ambiguous relaties with their reasons, exactly those the preview announced', async () => {
      const open = await failures();
      expect((await status()).openFailures).toBe(open.length);
      const ambiguous = open.filter((f) => f.operation === 'match');
      expect(ambiguous).toHaveLength(h.demo.generated!.overlap.ambiguousPairs);
      for (const failure of ambiguous) {
        expect(failure).toMatchObject({ entity: 'relation', source: 'snelstart', retryRequestedAt: null });
        expect(failure.reason).toMatch(/Tribe organisations have .*; link the right one by hand/);
        expect((failure.details as { candidates: string[] }).candidates.length).toBeGreaterThanOrEqual(2);
      }
      const announced = preview.rows
        .filter((row) => row.entity === 'relation' && row.outcome === 'ambiguous')
        .map((row) => row.snelstartId)
        .sort();
      expect(ambiguous.map((f) => f.recordId).sort()).toEqual(announced);

      const table = await cli(['tenant', 'failures', h.tenantId]);
      expect(table.code).toBe(0);
      for (const failure of ambiguous) expect(table.stdout).toContain(failure.recordId);
    });

    it('retry --record links an ambiguous relatie once a person resolved it; the rest stay listed', async () => {
      const open = (await failures()).filter((f) => f.operation === 'match');
      const target = open[0]!;
      const candidates = (target.details as { candidates: string[] }).candidates;
      // A person decides in Tribe: the first candidate gets the debtor number, the other is renamed.
      const relatie = h.snelstartAdmin().record('relaties', target.recordId)!;
      h.tribeTenant().put('Relation_Organization', {
        ID: candidates[0],
        DebtorNumber: String(relatie.relatiecode),
      });
      h.tribeTenant().put('Relation_Organization', { ID: candidates[1], Name: 'Een andere organisatie' });

      const unknownRecord = await cli(['tenant', 'retry', h.tenantId, '--record', randomUUID()]);
      expect(unknownRecord.code).toBe(3);
      expect(unknownRecord.stderr).toContain('has no open failure for record');

      const run = await cli(['tenant', 'retry', h.tenantId, '--record', target.recordId]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`Marked 1 failed record of tenant ${h.tenantId} for retry`);

      await until(
        async () => !(await failures()).some((f) => f.recordId === target.recordId),
        120_000,
        'the resolved relatie leaves the failure list',
      );
      const { rows } = await h.system.pool.query(
        `SELECT tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'relation' AND snelstart_id = $2`,
        [h.tenantId, target.recordId],
      );
      expect(rows.map((row) => row.tribe_id)).toEqual([candidates[0]]);

      // Retrying what nobody resolved yet marks the rest, and they stay listed with their reason.
      const rest = open.slice(1).map((f) => f.recordId);
      const cycles = (await status()).workflow!.cycles;
      const all = await cliJson<{ marked: number }>(['tenant', 'retry', h.tenantId]);
      expect(all.marked).toBe(rest.length);
      await waitForIdleThroughCli(cycles + 1);
      const still = (await failures()).filter((f) => f.operation === 'match');
      expect(still.map((f) => f.recordId).sort()).toEqual([...rest].sort());
      for (const failure of still) expect(failure.reason).toContain('link the right one by hand');
    });

    it('mapping-options --json lists every mapping option from both live systems', async () => {
      const options = await cliJson<MappingOptionsBody>(['mapping-options', h.tenantId]);
      const ids = (rows: { id: string }[]) => rows.map((row) => row.id.toLowerCase());
      const { mappings } = h.demo.activation;

      expect(ids(options.snelstart.btwSoorten)).toEqual(['hoog', 'laag', 'geen', 'overig', 'verlegd']);
      expect(options.snelstart.grootboeken.length).toBeGreaterThan(0);
      expect(ids(options.snelstart.grootboeken)).toEqual(
        expect.arrayContaining(mappings.ledgerAccounts.map((m) => m.snelstartGrootboekId.toLowerCase())),
      );
      expect(options.snelstart.verkoopordersjablonen.length).toBeGreaterThan(0);
      for (const sjabloon of options.snelstart.verkoopordersjablonen) expect(sjabloon.name).not.toBe('');

      expect(ids(options.tribe.vatGroups)).toEqual(
        expect.arrayContaining(mappings.vatGroups.map((m) => m.tribeVatGroupId.toLowerCase())),
      );
      expect(ids(options.tribe.ledgerAccounts)).toEqual(
        expect.arrayContaining(mappings.ledgerAccounts.map((m) => m.tribeLedgerAccountId.toLowerCase())),
      );
      expect(ids(options.tribe.addressTypes)).toEqual(
        expect.arrayContaining([
          mappings.addressTypes.vestigingsAdres.toLowerCase(),
          mappings.addressTypes.correspondentieAdres.toLowerCase(),
        ]),
      );
      // Relation types are offered by the name the activation file's `relationTypes.extra` takes.
      expect(options.tribe.relationTypes.map((r) => r.name)).toEqual(
        expect.arrayContaining(['Klant', 'Leverancier']),
      );
      for (const type of options.tribe.relationTypes) expect(type.id).toMatch(/^Relationship_Organization_/);

      const table = await cli(['mapping-options', h.tenantId]);
      expect(table.code).toBe(0);
      expect(table.stdout).toContain(options.snelstart.grootboeken[0]!.name);
    });

    it('mapping-options --file gives the same options before activation, from a draft with only credentials', async () => {
      const draftPath = join(dir, 'draft-credentials.json');
      await writeFile(
        draftPath,
        JSON.stringify({
          tenantId: 'not-yet',
          snelstart: h.demo.activation.snelstart,
          tribe: h.demo.activation.tribe,
        }),
      );
      const before = await cliJson<MappingOptionsBody>(['mapping-options', '--file', draftPath]);
      expect(before).toEqual(await cliJson<MappingOptionsBody>(['mapping-options', h.tenantId]));
      await expectNotStored('not-yet');
    });

    it('sync exits 0 and runs a cycle that carries a SnelStart change to Tribe', async () => {
      const { rows } = await h.system.pool.query(
        `SELECT snelstart_id, tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'relation' AND matched_by = 'number' LIMIT 1`,
        [h.tenantId],
      );
      const link = rows[0] as { snelstart_id: string; tribe_id: string };
      h.snelstartAdmin().editAsUser('relaties', link.snelstart_id, { telefoon: '020 555 0101' });

      const cycles = (await status()).workflow!.cycles;
      const run = await cli(['tenant', 'sync', h.tenantId]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`A sync of tenant ${h.tenantId} has been requested`);
      await waitForIdleThroughCli(cycles + 1);
      // A cycle already under way when the relatie was edited (an earlier test's retry asked for one) may have
      // read SnelStart before the edit; the requested one follows it.
      await until(
        () => h.tribeTenant().get('Relation_Organization', link.tribe_id)!.PhoneNumber === '020 555 0101',
        60_000,
        'the phone number in Tribe',
      );
    });

    it('pause exits 0 and stops syncing; sync while paused waits; resume exits 0 and runs it', async () => {
      const pause = await cli(['tenant', 'pause', h.tenantId]);
      expect({ code: pause.code, stderr: pause.stderr }).toEqual({ code: 0, stderr: '' });
      expect(pause.stdout).toContain(`koppeling tenant resume ${h.tenantId}`);
      const paused = await until(
        async () => {
          const s = await status();
          return s.status === 'paused' && s.workflow?.phase === 'paused' ? s : null;
        },
        30_000,
        'tenant paused',
      );
      expect(paused.workflow!.paused).toBe(true);
      expect(paused.workflow!.nextSyncAt).toBeNull();
      const cycles = paused.workflow!.cycles;

      const { rows } = await h.system.pool.query(
        `SELECT snelstart_id, tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'relation' AND matched_by = 'number' LIMIT 1`,
        [h.tenantId],
      );
      const link = rows[0] as { snelstart_id: string; tribe_id: string };
      h.snelstartAdmin().editAsUser('relaties', link.snelstart_id, { telefoon: '020 555 0202' });
      const sync = await cli(['tenant', 'sync', h.tenantId]);
      expect(sync.code).toBe(0);
      await sleep(1500);
      const still = await status();
      expect(still.workflow).toMatchObject({ phase: 'paused', cycles });
      expect(h.tribeTenant().get('Relation_Organization', link.tribe_id)!.PhoneNumber).not.toBe(
        '020 555 0202',
      );

      const resume = await cli(['tenant', 'resume', h.tenantId]);
      expect({ code: resume.code, stderr: resume.stderr }).toEqual({ code: 0, stderr: '' });
      const resumed = await waitForIdleThroughCli(cycles + 1);
      expect(resumed.workflow!.paused).toBe(false);
      await until(async () => (await status()).status === 'active', 30_000, 'tenant active again');
      expect(h.tribeTenant().get('Relation_Organization', link.tribe_id)!.PhoneNumber).toBe('020 555 0202');
    });

    it('refuses a second tenant on an InStap administration: exit 2, saying InStap is not supported', async () => {
      const file = await variant('instap', () => undefined);
      h.demo.snelstart.setPackage(h.demo.koppelsleutel, 'InStap');
      let run: CliRun;
      try {
        run = await cli(['tenant', 'activate', '--file', file]);
      } finally {
        h.demo.snelstart.setPackage(h.demo.koppelsleutel, 'InZicht');
      }
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/snelstart\.koppelsleutel: SnelStart package InStap is not supported/);
      expect(run.stderr).toContain('InKaart, InBalans, InZicht and InControle');
      await expectNotStored(`${h.tenantId}-instap`);
      const unknown = await cli(['tenant', 'status', `${h.tenantId}-instap`]);
      expect(unknown.code).toBe(3);
    });

    it('deactivate exits 0, stops the workflow and keeps all data; later actions exit 4', async () => {
      const relaties = h.snelstartAdmin().records('relaties').length;
      const organisations = h.tribeTenant().list('Relation_Organization').length;
      const products = h.tribeTenant().list('Product').length;

      const run = await cli(['tenant', 'deactivate', h.tenantId]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain('its data stays in SnelStart and Tribe');

      const report = await until(
        async () => {
          const s = await status();
          return s.status === 'deactivated' ? s : null;
        },
        60_000,
        'tenant deactivated',
      );
      // Once closed, the workflow answers its last state (or nothing when no worker can replay it).
      expect(report.workflow?.phase ?? 'deactivated').toBe('deactivated');
      await until(async () => !(await h.system.workflows.isRunning(h.tenantId)), 30_000, 'workflow closed');

      expect(h.snelstartAdmin().records('relaties')).toHaveLength(relaties);
      expect(h.tribeTenant().list('Relation_Organization')).toHaveLength(organisations);
      expect(h.tribeTenant().list('Product')).toHaveLength(products);

      for (const action of ['pause', 'resume', 'sync', 'deactivate']) {
        const after = await cli(['tenant', action, h.tenantId]);
        expect({ action, code: after.code }).toEqual({ action, code: 4 });
        expect(after.stderr).toContain('is deactivated');
      }
      // Its failures stay readable after deactivation.
      expect((await failures()).length).toBeGreaterThan(0);
    });
  });
});
