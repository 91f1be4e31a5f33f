import { demoActivation } from '../../client/dev/demo-environment';
import { OperatorError } from '../../client/operator/operator-service';
import { generateDemoData } from '../../sandboxes/generator';
import { startSyncHarness, until, type SyncHarness } from '../helpers/sync-harness';

type Row = Record<string, unknown>;

/**
 * Two tenants on one worker, each with its own SnelStart administratie and Tribe account holding different
 * data: whatever one tenant's sync reads or writes must come from and land in its own systems only.
 */
describe('tenant isolation (one worker, two tenants, real Temporal, PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  const b = { tenantId: '', koppelsleutel: '', clientId: '' };

  beforeAll(async () => {
    h = await startSyncHarness({ relations: 60, products: 15, sentInvoices: 4, seed: 31 });
    b.tenantId = `${h.tenantId}-b`;
    b.koppelsleutel = `${h.demo.koppelsleutel}-b`;
    b.clientId = `${h.demo.tribeClientId}-b`;
    const other = generateDemoData({ seed: 32, relations: 50, products: 10, sentInvoices: 3 });
    h.demo.snelstart.addAdministration({
      koppelsleutel: b.koppelsleutel,
      package: 'InZicht',
      limits: { perMinute: null, perHour: null, concurrent: null },
      seed: other.snelstart as never,
    });
    h.demo.tribe.addTenant({
      clientId: b.clientId,
      clientSecret: h.demo.tribeClientSecret,
      seed: other.tribe as never,
    });
    await h.activate();
    await h.system.operator.activate(
      demoActivation(b.tenantId, b.koppelsleutel, b.clientId, h.demo.tribeClientSecret),
    );
    await h.waitForIdle();
    await until(
      async () => (await h.system.workflows.status(b.tenantId))?.phase === 'idle',
      120_000,
      'tenant B idle',
    );
    await h.cycle();
    await h.system.workflows.syncNow(b.tenantId);
  });
  afterAll(async () => {
    await h?.system.workflows.deactivate(b.tenantId).catch(() => undefined);
    await h?.close();
  });

  const admin = (koppelsleutel: string) => h.demo.snelstart.administration(koppelsleutel);
  const tribe = (clientId: string) => h.demo.tribe.tenant(clientId);

  it('starts from two datasets that share no relatie', () => {
    const a = new Set(
      admin(h.demo.koppelsleutel)
        .records('relaties')
        .map((r: Row) => r.id),
    );
    const other = admin(b.koppelsleutel)
      .records('relaties')
      .filter((r: Row) => Number(r.relatiecode) > 0);
    expect(other.length).toBeGreaterThan(0);
    expect(other.filter((r: Row) => a.has(r.id))).toEqual([]);
  });

  it("puts each tenant's relaties only in its own Tribe account", () => {
    for (const [koppelsleutel, clientId, otherKoppelsleutel] of [
      [h.demo.koppelsleutel, h.demo.tribeClientId, b.koppelsleutel],
      [b.koppelsleutel, b.clientId, h.demo.koppelsleutel],
    ] as const) {
      const own = new Set(
        admin(koppelsleutel)
          .records('relaties')
          .map((r: Row) => String(r.id)),
      );
      const foreign = new Set(
        admin(otherKoppelsleutel)
          .records('relaties')
          .map((r: Row) => String(r.id)),
      );
      const imported = tribe(clientId)
        .list('Relation_Organization')
        .map((org) => String(org.ImportId ?? ''))
        .filter((id) => id.startsWith('snelstart:relatie:'))
        .map((id) => id.slice('snelstart:relatie:'.length));
      expect(imported.length).toBeGreaterThan(0);
      expect(imported.filter((id) => !own.has(id))).toEqual([]);
      expect(imported.filter((id) => foreign.has(id))).toEqual([]);
    }
  });

  it("keeps each tenant's links, bookings and invoices to its own records", async () => {
    for (const [tenantId, koppelsleutel, clientId] of [
      [h.tenantId, h.demo.koppelsleutel, h.demo.tribeClientId],
      [b.tenantId, b.koppelsleutel, b.clientId],
    ] as const) {
      const { rows } = await h.system.pool.query(
        `SELECT snelstart_id::text AS s, tribe_id::text AS t FROM record_links WHERE tenant_id = $1 AND entity = 'relation'`,
        [tenantId],
      );
      const relaties = new Set(
        admin(koppelsleutel)
          .records('relaties')
          .map((r: Row) => String(r.id)),
      );
      const organisations = new Set(
        tribe(clientId)
          .list('Relation_Organization')
          .map((o) => String(o.ID)),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((row: { s: string; t: string }) => !relaties.has(row.s))).toEqual([]);
      expect(rows.filter((row: { s: string; t: string }) => !organisations.has(row.t))).toEqual([]);

      const sentPhase = tribe(clientId).findByCode('Datastore_Phase_ActivityInvoice', 'Sent')?.ID;
      const sent = tribe(clientId)
        .list('Activity_Invoice')
        .filter((invoice) => (invoice.Phase as { ID?: string } | null)?.ID === sentPhase).length;
      expect(sent).toBeGreaterThan(0);
      await until(
        async () => {
          const counts = await h.bookings.counts(tenantId);
          return counts.documented + counts.failed >= sent;
        },
        60_000,
        `invoices of ${tenantId} booked`,
      );
      const numbers = new Set(
        tribe(clientId)
          .list('Activity_Invoice')
          .map((invoice) => invoice.Number),
      );
      expect(await h.bookings.counts(tenantId)).toMatchObject({ documented: sent, failed: 0 });
      const booked = admin(koppelsleutel).records('verkoopboekingen');
      expect(booked.filter((boeking: Row) => !numbers.has(boeking.factuurnummer))).toEqual([]);
    }
  });

  it("refuses to retry, pause or list one tenant's records through another tenant's id", async () => {
    const failuresOfB = await h.system.operator.failures(b.tenantId);
    const aRelatie = String(admin(h.demo.koppelsleutel).records('relaties')[0]!.id);
    const refused = await h.system.operator.retry(b.tenantId, aRelatie).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(OperatorError);
    expect((refused as OperatorError).message).toMatch(/has no open failure for record/);
    expect(failuresOfB.every((failure) => !failure.reason.includes(h.tenantId))).toBe(true);

    await h.system.operator.pause(b.tenantId);
    await until(
      async () => (await h.system.workflows.status(b.tenantId))?.phase === 'paused',
      20_000,
      'B paused',
    );
    expect((await h.system.workflows.status(h.tenantId))?.phase).not.toBe('paused');
    await h.cycle();
    await h.system.operator.resume(b.tenantId);
  });
});
