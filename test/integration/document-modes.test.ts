import { randomUUID } from 'node:crypto';
import { startSyncHarness, until, type SyncHarness } from '../helpers/sync-harness';

type Row = Record<string, unknown>;
const idOf = (ref: unknown) =>
  (ref as { id?: string; ID?: string } | null)?.id ?? (ref as { ID?: string })?.ID;

describe('sales-order mode (real Temporal, PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  let sjabloonId: string;
  beforeAll(async () => {
    h = await startSyncHarness({
      relations: 40,
      products: 20,
      sentInvoices: 3,
      salesOrders: 4,
      seed: 41,
    } as never);
    const admin = h.snelstartAdmin();
    sjabloonId = String(admin.records('verkoopordersjablonen')[0]!.id);
    // The bookkeeper mirrors Tribe's product groups as omzetgroepen (the API cannot create them), so the
    // products that exist only in Tribe can become artikelen when an order needs them.
    const [omzet] = admin.records('artikelomzetgroepen');
    admin.seed({
      artikelomzetgroepen: [
        ...admin.records('artikelomzetgroepen'),
        ...h
          .tribeTenant()
          .list('ProductGroup')
          .map((group, i) => ({
            ...omzet,
            id: randomUUID(),
            uri: undefined,
            nummer: 100 + i,
            omschrijving: group.Name,
          })),
      ],
    } as never);
    await h.activate({ mode: 'salesOrder', verkoopordersjabloonId: sjabloonId });
    await h.waitForIdle();
    await h.cycle();
  });
  afterAll(async () => h?.close());

  const linkedOrders = () => {
    const tribe = h.tribeTenant();
    const linked = tribe.findByCode('Datastore_Phase_ActivitySalesOrder', 'Linked')?.ID;
    return tribe.list('Activity_SalesOrder').filter((order) => idOf(order.Phase) === linked);
  };

  it('sends each linked sales order once as a verkooporder on the configured sjabloon, with its document', async () => {
    const orders = linkedOrders();
    expect(orders.length).toBeGreaterThan(0);
    await until(
      async () => {
        const counts = await h.bookings.counts(h.tenantId);
        return counts.documented + counts.failed >= orders.length;
      },
      60_000,
      'sales orders settled',
    );
    expect((await h.bookings.counts(h.tenantId)).failed).toBe(0);
    const admin = h.snelstartAdmin();
    const verkooporders = admin.records('verkooporders');
    expect(verkooporders).toHaveLength(orders.length);
    const artikelen = new Set(admin.records('artikelen').map((a: Row) => a.id));
    for (const order of verkooporders) {
      expect(idOf(order.verkoopordersjabloon)).toBe(sjabloonId);
      const regels = order.regels as { artikel?: { id: string } | null }[];
      expect(regels.length).toBeGreaterThan(0);
      for (const regel of regels) if (regel.artikel) expect(artikelen.has(regel.artikel.id)).toBe(true);
      const booking = (
        await h.system.pool.query(
          `SELECT document_id FROM document_bookings WHERE tenant_id = $1 AND snelstart_id = $2`,
          [h.tenantId, order.id],
        )
      ).rows[0];
      expect(booking?.document_id).toBeTruthy();
      expect(admin.record('documenten', booking.document_id)).toBeDefined();
    }
    // Invoices are not booked in this mode.
    expect(admin.records('verkoopboekingen')).toHaveLength(0);
  });

  it('never sends a sales order twice, however often the cycle sees it', async () => {
    const before = h.snelstartAdmin().records('verkooporders').length;
    const order = linkedOrders()[0]!;
    h.tribeTenant().put('Activity_SalesOrder', {
      ID: order.ID,
      Subject: `${String(order.Subject)} (bijgewerkt)`,
    });
    await h.cycle();
    await h.cycle();
    expect(h.snelstartAdmin().records('verkooporders')).toHaveLength(before);
  });

  it('sends two orders of one customer with the same customer reference as two verkooporders, each with its document', async () => {
    const tribe = h.tribeTenant();
    const admin = h.snelstartAdmin();
    const template = linkedOrders()[0]!;
    const lines = tribe.list('ProductLine').filter((line) => idOf(line.Activity) === template.ID);
    const openPhase = tribe.findByCode('Datastore_Phase_ActivitySalesOrder', 'Open')!.ID;
    const newOrder = (number: string) => {
      const order = tribe.put('Activity_SalesOrder', {
        Subject: `Herhaalorder ${number}`,
        Number: number,
        CustomerReference: 'PO-SHARED-1',
        Relationship: { ID: idOf(template.Relationship) },
        Phase: { ID: openPhase },
      });
      for (const line of lines) {
        const { ID: _id, CreationDate: _created, LastMutationDate: _changed, ...fields } = line;
        tribe.put('ProductLine', { ...fields, Activity: { ID: order.ID } });
      }
      return String(order.ID);
    };
    const orders = [newOrder('SO-SHARED-A'), newOrder('SO-SHARED-B')];
    const booked: string[] = [];
    for (const tribeId of orders) {
      tribe.linkSalesOrder(tribeId);
      const booking = await until(
        async () => {
          const row = await h.bookings.get(h.tenantId, 'sales_order', tribeId);
          return row && ['documented', 'failed'].includes(row.status) ? row : null;
        },
        30_000,
        `sales order ${tribeId} settled`,
      );
      expect(booking.status).toBe('documented');
      booked.push(String(booking.snelstartId));
    }
    expect(new Set(booked).size).toBe(2);
    const shared = admin
      .records('verkooporders')
      .filter((order: Row) => order.orderreferentie === 'PO-SHARED-1');
    expect(shared.map((order: Row) => order.id).sort()).toEqual([...booked].sort());
    orders.forEach((tribeId, i) =>
      expect(admin.record('verkooporders', booked[i]!)!.memo).toContain(tribeId),
    );
    const relatie = idOf(shared[0]!.relatie);
    const names = admin
      .records('documenten')
      .filter((doc: Row) => doc.parentIdentifier === relatie)
      .map((doc: Row) => doc.fileName);
    expect(names.filter((name) => name === 'verkooporder-SO-SHARED-A.pdf')).toHaveLength(1);
    expect(names.filter((name) => name === 'verkooporder-SO-SHARED-B.pdf')).toHaveLength(1);
  });
});

describe('SEPA direct debit with subscription invoices (real Temporal, PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({ relations: 120, products: 20, sentInvoices: 30, seed: 44 });
    await h.activate({ incasso: true });
    await h.waitForIdle();
    await h.cycle();
    await until(
      async () => {
        const counts = await h.bookings.counts(h.tenantId);
        return counts.documented + counts.failed >= 30;
      },
      60_000,
      'invoices settled',
    );
  });
  afterAll(async () => h?.close());

  it('sends the active mandate, passes over revoked ones, and warns when a customer has none', async () => {
    const admin = h.snelstartAdmin();
    const tribe = h.tribeTenant();
    const mandates = admin.records('doorlopendeincassomachtigingen');
    const subscriptionInvoices = tribe
      .list('Activity_Invoice')
      .filter((invoice) => idOf(invoice.Subscription) && invoice.Number);
    expect(subscriptionInvoices.length).toBeGreaterThan(0);
    const boekingen = new Map(admin.records('verkoopboekingen').map((b: Row) => [b.factuurnummer, b]));
    const warnings = (await h.system.operator.status(h.tenantId)).warnings;
    const cases = { active: 0, none: 0 };
    for (const invoice of subscriptionInvoices) {
      const boeking = boekingen.get(invoice.Number)!;
      expect(boeking).toBeDefined();
      const klant = idOf(boeking.klant);
      const usable = mandates.filter((m: Row) => idOf(m.klant) === klant && !m.intrekkingsDatum);
      const sent = idOf(boeking.doorlopendeIncassoMachtiging);
      if (usable.length > 0) {
        cases.active += 1;
        expect(usable.map((m: Row) => m.id)).toContain(sent);
      } else {
        cases.none += 1;
        expect(sent).toBeUndefined();
        const relatie = admin.record('relaties', String(klant))!;
        expect(warnings.some((w) => w.includes(String(relatie.relatiecode ?? relatie.naam)))).toBe(true);
      }
    }
    expect(cases.active).toBeGreaterThan(0);
    expect(cases.none).toBeGreaterThan(0);
    // A mandate that is revoked is never sent.
    const revoked = new Set(mandates.filter((m: Row) => m.intrekkingsDatum).map((m: Row) => m.id));
    expect(revoked.size).toBeGreaterThan(0);
    for (const boeking of boekingen.values())
      expect(revoked.has(idOf(boeking.doorlopendeIncassoMachtiging))).toBe(false);
  });
});
