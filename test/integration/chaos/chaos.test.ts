import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sentInvoiceIds } from '../../../client/dev/quiet-point';
import { startSyncHarness, until, type SyncHarness } from '../../helpers/sync-harness';
import { draftInvoices } from '../../helpers/tribe-drafts';

type Row = Record<string, unknown>;
const scripts = path.join(__dirname, '..', '..', '..', 'scripts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Restarts a part of the real stack the way an operator or a crash would; only when `npm test` started it. */
function restartPostgres(): boolean {
  const data = process.env.KOPPELING_PG_DATA;
  const port = process.env.KOPPELING_PG_PORT;
  if (!data || !port) return false;
  execFileSync('bash', [path.join(scripts, 'postgres.sh'), 'stop', data], { stdio: 'ignore' });
  execFileSync('bash', [path.join(scripts, 'postgres.sh'), 'start', data, port, 'koppeling_test'], {
    stdio: 'ignore',
  });
  return true;
}

function restartTemporal(): boolean {
  const pid = process.env.KOPPELING_TEMPORAL_PID;
  const db = process.env.KOPPELING_TEMPORAL_DB;
  const port = process.env.KOPPELING_TEMPORAL_PORT;
  const ui = process.env.KOPPELING_TEMPORAL_UI;
  if (!pid || !db || !port || !ui) return false;
  execFileSync('bash', [path.join(scripts, 'temporal.sh'), 'stop', pid], { stdio: 'ignore' });
  execFileSync('bash', [path.join(scripts, 'temporal.sh'), 'start', db, port, ui, pid], { stdio: 'ignore' });
  return true;
}

describe('chaos: sync and invoices under faults, crashes and restarts', () => {
  let h: SyncHarness;
  afterAll(async () => h?.close());

  it('ends with every relatie once in Tribe and every sent invoice booked once with one document', async () => {
    h = await startSyncHarness({
      relations: 1200,
      products: 60,
      sentInvoices: 25,
      draftInvoices: 10,
      ambiguousPairs: 0,
      seed: 99,
    });
    await h.activate();
    h.demo.snelstart.setFaults({
      serverErrorRate: 0.1,
      rateLimitRate: 0.05,
      rateLimitRetryAfterSeconds: 1,
      dropConnectionRate: 0.03,
      lostResponseRate: 0.1,
      seed: 7,
    } as never);
    h.demo.tribe.setFaults({
      serverErrorRate: 0.1,
      rateLimitRate: 0.05,
      retryAfterSeconds: 1,
      dropConnectionRate: 0.03,
      lostWriteRate: 0.1,
      seed: 8,
    });

    const restarts: string[] = [];
    for (let kill = 0; kill < 3; kill += 1) {
      await sleep(1500);
      // The database and the Temporal server go away under a running worker, between the worker crashes.
      if (kill === 1 && restartPostgres()) restarts.push('postgres');
      if (kill === 2 && restartTemporal()) restarts.push('temporal');
      await sleep(500);
      await h.killWorker();
      await h.restartWorker();
    }
    const tribe = h.tribeTenant();
    for (const draft of draftInvoices(tribe)) {
      tribe.sendInvoice(String(draft.ID));
    }
    await h.waitForIdle(600_000);
    await h.cycle(300_000);
    h.demo.snelstart.setFaults({
      serverErrorRate: 0,
      rateLimitRate: 0,
      dropConnectionRate: 0,
      lostResponseRate: 0,
    } as never);
    h.demo.tribe.setFaults({ serverErrorRate: 0, rateLimitRate: 0, dropConnectionRate: 0, lostWriteRate: 0 });
    await h.cycle(300_000);
    const sent = sentInvoiceIds(h.demo).length;
    await until(
      async () => {
        const counts = await h.bookings.counts(h.tenantId);
        return counts.documented + counts.failed >= sent;
      },
      300_000,
      'all sent invoices settled',
    );

    // Faults really happened.
    const ssFaults = h.demo.snelstart.stats(h.demo.koppelsleutel).faults;
    expect(ssFaults.serverErrors + ssFaults.lostResponses + ssFaults.droppedConnections).toBeGreaterThan(0);

    // Every active SnelStart relation exactly once in Tribe.
    const admin = h.snelstartAdmin();
    const active = admin
      .records('relaties')
      .filter(
        (r: Row) =>
          !r.nonactief && Number(r.relatiecode) > 0 && !(r.relatiesoort as string[]).includes('Eigen'),
      );
    const { rows } = await h.system.pool.query(
      `SELECT snelstart_id, tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'relation'`,
      [h.tenantId],
    );
    const linked = new Map(rows.map((row) => [row.snelstart_id as string, row.tribe_id as string]));
    const failures = await h.system.health.listOpenFailures(h.tenantId);
    for (const failure of failures) expect(failure.reason.length).toBeGreaterThan(10);
    const missing = active.filter(
      (r: Row) => !linked.has(String(r.id)) && !failures.some((f) => f.recordId === r.id),
    );
    expect(missing).toEqual([]);
    const orgIds = new Set(tribe.list('Relation_Organization').map((org) => String(org.ID)));
    for (const tribeId of linked.values()) expect(orgIds.has(tribeId)).toBe(true);
    const importIds = tribe
      .list('Relation_Organization')
      .map((org) => org.ImportId)
      .filter((id): id is string => typeof id === 'string' && id.startsWith('snelstart:'));
    expect(new Set(importIds).size).toBe(importIds.length);
    for (const importId of importIds) expect(linked.has(importId.split(':').pop()!)).toBe(true);

    // Every sent invoice booked exactly once with exactly one document.
    const boekingen = admin.records('verkoopboekingen');
    const numbers = boekingen.map((b: Row) => b.factuurnummer);
    expect(new Set(numbers).size).toBe(numbers.length);
    const counts = await h.bookings.counts(h.tenantId);
    expect(boekingen).toHaveLength(counts.documented);
    expect(counts.documented + counts.failed).toBe(sent);
    for (const boeking of boekingen) {
      expect(admin.records('documenten').filter((d: Row) => d.parentIdentifier === boeking.id)).toHaveLength(
        1,
      );
    }

    // Cursors moved on for every stream the cycles read.
    const cursors = await h.system.pool.query('SELECT stream FROM sync_cursors WHERE tenant_id = $1', [
      h.tenantId,
    ]);
    expect(cursors.rows.map((row) => row.stream)).toEqual(
      expect.arrayContaining([
        'snelstart.relaties',
        'snelstart.artikelen',
        'tribe.organizations',
        'tribe.products',
        'tribe.invoices',
      ]),
    );
    process.stderr.write(
      `chaos: restarts ${restarts.join(', ') || 'none (stack not started by npm test)'}; faults ${JSON.stringify(ssFaults)}\n`,
    );
  });
});
