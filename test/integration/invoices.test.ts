import axios from 'axios';
import { existingRateLimiter } from '../../api-clients/http/rate-limiter-registry';
import { signTribeWebhook } from '../../api-clients/tribe';
import { sentInvoiceIds } from '../../client/dev/quiet-point';
import { documentBookingWorkflowId } from '../../client/temporal-client';
import { startSyncHarness, until, type SyncHarness } from '../helpers/sync-harness';
import { draftInvoices } from '../helpers/tribe-drafts';

type Row = Record<string, unknown>;

/** Every sent invoice booked exactly once, with exactly one document. */
function assertBookedOnce(h: SyncHarness, expected: number) {
  const admin = h.snelstartAdmin();
  const boekingen = admin.records('verkoopboekingen');
  const numbers = boekingen.map((b: Row) => b.factuurnummer);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(boekingen).toHaveLength(expected);
  const documents = admin.records('documenten');
  for (const boeking of boekingen) {
    const attached = documents.filter((d: Row) => d.parentIdentifier === boeking.id);
    expect(attached).toHaveLength(1);
  }
}

function workflowHandle(h: SyncHarness, tribeId: string) {
  return h.system.workflows.client.workflow.getHandle(
    documentBookingWorkflowId(h.tenantId, 'invoice', tribeId),
  );
}

/** What each event of an invoice's booking history is, by the attributes it carries. */
async function bookingEvents(h: SyncHarness, tribeId: string): Promise<string[]> {
  return ((await workflowHandle(h, tribeId).fetchHistory()).events ?? []).map((event) =>
    event.markerRecordedEventAttributes
      ? 'marker'
      : event.activityTaskScheduledEventAttributes
        ? `activity ${event.activityTaskScheduledEventAttributes.activityType?.name}`
        : event.workflowExecutionCompletedEventAttributes
          ? 'completed'
          : 'other',
  );
}

async function settled(h: SyncHarness, count: number) {
  await until(
    async () => {
      const counts = await h.bookings.counts(h.tenantId);
      return counts.documented + counts.failed >= count;
    },
    120_000,
    `${count} invoices settled`,
  );
}

describe('invoices to SnelStart, exactly once (real Temporal, PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({ relations: 40, products: 20, sentInvoices: 12, draftInvoices: 10, seed: 5 });
    await h.activate();
    await h.waitForIdle();
    await h.cycle();
    await settled(h, sentInvoiceIds(h.demo).length);
  });
  afterAll(async () => h?.close());

  it('books each sent invoice once as a balanced verkoopboeking with its PDF', async () => {
    const sent = sentInvoiceIds(h.demo).length;
    const counts = await h.bookings.counts(h.tenantId);
    expect(counts.failed).toBe(0);
    assertBookedOnce(h, sent);
    for (const boeking of h.snelstartAdmin().records('verkoopboekingen')) {
      const regels = (boeking.boekingsregels as { bedrag: number }[]).reduce(
        (sum, r) => sum + Math.round(r.bedrag * 100),
        0,
      );
      const btw = ((boeking.btw as { btwBedrag: number }[]) ?? []).reduce(
        (sum, r) => sum + Math.round(r.btwBedrag * 100),
        0,
      );
      expect(regels + btw).toBe(Math.round(Number(boeking.factuurbedrag) * 100));
    }
    // Another cycle (the safety net) finds nothing new to book.
    await h.cycle();
    assertBookedOnce(h, sent);
  });

  it('books a newly sent invoice within seconds of the webhook, once, even for a burst of the same event', async () => {
    const tribe = h.tribeTenant();
    const draft = draftInvoices(h.tribeTenant())[0];
    expect(draft).toBeDefined();
    const before = h.snelstartAdmin().records('verkoopboekingen').length;
    const started = Date.now();
    tribe.sendInvoice(String(draft!.ID));
    // Tribe's own webhook arrives; replay the same signed event ten more times at once.
    const body = JSON.stringify({
      webhookId: 'burst',
      payload: {
        type: 'EntityUpdateMutation',
        entityType: 'Activity.Invoice',
        entityId: draft!.ID,
        timestamp: new Date().toISOString(),
      },
    });
    const secret = `whsec-${h.tenantId}-0123456789`;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        axios.post(`${h.system.adminApiUrl}/webhooks/tribe/${h.tenantId}`, body, {
          headers: {
            'Content-Type': 'application/json',
            'X-Tribe-Signature': signTribeWebhook(secret, body),
          },
          validateStatus: () => true,
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(202));
    await until(() => h.snelstartAdmin().records('verkoopboekingen').length > before, 30_000, 'booking');
    const latencyMs = Date.now() - started;
    await until(
      async () => (await h.bookings.get(h.tenantId, 'invoice', String(draft!.ID)))?.status === 'documented',
      30_000,
    );
    expect(h.snelstartAdmin().records('verkoopboekingen')).toHaveLength(before + 1);
    expect(latencyMs).toBeLessThan(10_000);
  });

  it("books a new Tribe customer's invoice on the relatie SnelStart already has for it, creating none", async () => {
    const admin = h.snelstartAdmin();
    const tribe = h.tribeTenant();
    const nl = admin.records('landen').find((land: Row) => land.landcode === 'NL')!;
    // Entered in SnelStart by the bookkeeper and in Tribe by sales, before any sync saw either.
    const relatie = admin.createAsUser('relaties', {
      relatiesoort: ['Klant'],
      naam: 'Drukkerij Van Vliet B.V.',
      vestigingsAdres: {
        straat: 'Havenweg 8-b',
        postcode: '3035AB',
        plaats: 'Rotterdam',
        land: { id: nl.id },
      },
    });
    const org = tribe.put('Relation_Organization', {
      Name: 'Drukkerij van Vliet BV',
      DebtorNumber: '90210',
      VisitingAddress: {
        Street: 'Havenweg',
        HouseNumber: 8,
        HouseNumberSuffix: 'B',
        Postalcode: '3035 AB',
        City: 'Rotterdam',
      },
    });
    const relationship = tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
      Organization: { ID: org.ID },
      Relation: { ID: tribe.ownOrganizationId },
    });
    const draft = draftInvoices(h.tribeTenant()).at(-1)!;
    tribe.put('Activity_Invoice', { ID: draft.ID, Relationship: { ID: relationship.ID } });
    const relaties = admin.records('relaties').length;

    tribe.sendInvoice(String(draft.ID));
    await until(
      async () => (await h.bookings.get(h.tenantId, 'invoice', String(draft.ID)))?.status === 'documented',
      30_000,
      'booking of the new customer',
    );
    const booking = await h.bookings.get(h.tenantId, 'invoice', String(draft.ID));
    const boeking = admin.records('verkoopboekingen').find((b: Row) => b.id === booking!.snelstartId)!;
    expect((boeking.klant as { id: string }).id).toBe(relatie.id);
    expect(admin.records('relaties')).toHaveLength(relaties);
    expect(tribe.get('Relation_Organization', String(org.ID))!.DebtorNumber).toBe(
      String(relatie.relatiecode),
    );
    const { rows } = await h.system.pool.query(
      `SELECT snelstart_id, matched_by FROM record_links WHERE tenant_id = $1 AND tribe_id = $2`,
      [h.tenantId, org.ID],
    );
    expect(rows).toEqual([{ snelstart_id: relatie.id, matched_by: 'name-address' }]);

    // The next cycle sees both as one linked pair: nothing is created, nothing listed.
    await h.cycle();
    expect(admin.records('relaties')).toHaveLength(relaties);
    const open = await h.system.health.listOpenFailures(h.tenantId);
    expect(open.filter((f) => f.recordId === org.ID || f.recordId === relatie.id)).toEqual([]);
  });

  it('rejects a forged webhook signature', async () => {
    const body = JSON.stringify({
      webhookId: 'x',
      payload: {
        type: 'EntityUpdateMutation',
        entityType: 'Activity.Invoice',
        entityId: 'x',
        timestamp: 'now',
      },
    });
    const response = await axios.post(`${h.system.adminApiUrl}/webhooks/tribe/${h.tenantId}`, body, {
      headers: {
        'Content-Type': 'application/json',
        'X-Tribe-Signature': signTribeWebhook('wrong-secret-000000', body),
      },
      validateStatus: () => true,
    });
    expect(response.status).toBe(401);
  });

  it('books inside the workflow task, and a booking slower than that goes on as an activity, once', async () => {
    // A booking of the first cycle: one workflow task did it, without an activity task on the server.
    const quick = await bookingEvents(h, sentInvoiceIds(h.demo)[0]!);
    expect(quick).toContain('marker');
    expect(quick.filter((type) => type.startsWith('activity'))).toEqual([]);
    expect(quick.at(-1)).toBe('completed');

    const tribe = h.tribeTenant();
    const draft = draftInvoices(h.tribeTenant())[0]!;
    const tribeId = String(draft.ID);
    // Every SnelStart call takes 3 s: look-up, booking and document do not fit in the first attempt's 7 s.
    h.demo.snelstart.setFaults({ latencyMs: 3_000 } as never);
    try {
      tribe.sendInvoice(tribeId);
      await until(
        async () => (await h.bookings.get(h.tenantId, 'invoice', tribeId))?.status === 'documented',
        90_000,
        'the slow booking documented',
      );
    } finally {
      h.demo.snelstart.setFaults({ latencyMs: 0 } as never);
    }
    // The first attempt's upload, under way when it was given up, may finish and be recorded before the activity
    // gets the booking's lock; the activity then finds it documented.
    expect(['booked', 'already-booked']).toContain((await workflowHandle(h, tribeId).result()).outcome);
    const slow = await bookingEvents(h, tribeId);
    const marker = slow.indexOf('marker');
    expect(marker).toBeGreaterThan(-1);
    expect(slow.indexOf('activity bookDocumentInSnelStart')).toBeGreaterThan(marker);
    expect(slow.at(-1)).toBe('completed');
    assertBookedOnce(h, sentInvoiceIds(h.demo).length);
  }, 120_000);

  it("leaves a booking to the activity at once when the tenant's SnelStart budget is spent for now", async () => {
    const tribe = h.tribeTenant();
    const draft = draftInvoices(h.tribeTenant())[0]!;
    const tribeId = String(draft.ID);
    // The worker runs in this process: hold the tenant's SnelStart calls back as a Retry-After would.
    const limiter = existingRateLimiter(h.tenantId);
    expect(limiter).toBeDefined();
    const started = Date.now();
    limiter!.pauseFor(3_000);
    tribe.sendInvoice(tribeId);
    const result = await until(
      async () => {
        const handle = workflowHandle(h, tribeId);
        return (await handle.describe().catch(() => null))?.status.name === 'COMPLETED'
          ? handle.result()
          : null;
      },
      60_000,
      'the booking done after the pause',
    );
    expect(result.outcome).toBe('booked');
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
    const events = await bookingEvents(h, tribeId);
    // The first attempt gave up before any call (no 7 s timeout); the activity waited for the budget.
    expect(events.indexOf('activity bookDocumentInSnelStart')).toBeGreaterThan(events.indexOf('marker'));
    expect(events.indexOf('marker')).toBeGreaterThan(-1);
    assertBookedOnce(h, sentInvoiceIds(h.demo).length);
  });

  it('books exactly once under 5xx, dropped connections and accepted-but-lost responses', async () => {
    const tribe = h.tribeTenant();
    const drafts = draftInvoices(h.tribeTenant());
    expect(drafts.length).toBeGreaterThan(0);
    h.demo.snelstart.setFaults({
      serverErrorRate: 0.15,
      dropConnectionRate: 0.1,
      lostResponseRate: 0.3,
      seed: 42,
    } as never);
    try {
      // One draft stays for the worker-kill case below.
      for (const draft of drafts.slice(1)) tribe.sendInvoice(String(draft.ID));
      await settled(h, sentInvoiceIds(h.demo).length);
    } finally {
      h.demo.snelstart.setFaults({ serverErrorRate: 0, dropConnectionRate: 0, lostResponseRate: 0 } as never);
    }
    const faults = h.demo.snelstart.stats(h.demo.koppelsleutel).faults;
    expect(faults.lostResponses + faults.serverErrors + faults.droppedConnections).toBeGreaterThan(0);
    expect((await h.bookings.counts(h.tenantId)).failed).toBe(0);
    assertBookedOnce(h, sentInvoiceIds(h.demo).length);
  });

  it('books once with one document when the worker dies between booking and document', async () => {
    const tribe = h.tribeTenant();
    const admin = h.snelstartAdmin();
    const draft = draftInvoices(h.tribeTenant())[0]!;
    const tribeId = String(draft.ID);
    // SnelStart applies each write but the answer is lost, and every call is slow: the first attempt gives up
    // and the durable activity has to look the booking up before going on, which leaves a window after the
    // booking and before the document. (A stopping worker lets a first attempt in its workflow task finish.)
    h.demo.snelstart.setFaults({ lostResponseRate: 1, latencyMs: 2_500 } as never);
    const number = String(tribe.sendInvoice(tribeId).activity.Number);
    const booked = await until(
      async () => {
        const boeking = admin.records('verkoopboekingen').find((b: Row) => b.factuurnummer === number);
        const inActivity = (await bookingEvents(h, tribeId).catch((): string[] => [])).includes(
          'activity bookDocumentInSnelStart',
        );
        return inActivity &&
          boeking &&
          !admin.records('documenten').some((d: Row) => d.parentIdentifier === boeking.id)
          ? boeking
          : null;
      },
      30_000,
      'the booking without its document, in the durable activity',
    );
    await h.killWorker();
    h.demo.snelstart.setFaults({ lostResponseRate: 0, latencyMs: 0 } as never);
    // The run died between its steps: booked in SnelStart, the document not yet attached.
    expect(admin.records('documenten').filter((d: Row) => d.parentIdentifier === booked.id)).toHaveLength(0);
    await h.restartWorker();
    await until(
      async () => (await h.bookings.get(h.tenantId, 'invoice', tribeId))?.status === 'documented',
      120_000,
      'the booking completed by the new worker',
    );
    expect(admin.records('verkoopboekingen').filter((b: Row) => b.factuurnummer === number)).toEqual([
      expect.objectContaining({ id: booked.id }),
    ]);
    expect(admin.records('documenten').filter((d: Row) => d.parentIdentifier === booked.id)).toHaveLength(1);
  });

  it('sends the active mandate with subscription invoices and warns when a customer has none', async () => {
    const boekingen = h.snelstartAdmin().records('verkoopboekingen');
    const withMandate = boekingen.filter(
      (b: Row) => (b.doorlopendeIncassoMachtiging as { id?: string } | null)?.id,
    );
    const status = await h.system.operator.status(h.tenantId);
    const mandates = h.snelstartAdmin().records('doorlopendeincassomachtigingen');
    for (const boeking of withMandate) {
      const mandate = mandates.find(
        (m: Row) => m.id === (boeking.doorlopendeIncassoMachtiging as { id: string }).id,
      )!;
      expect(mandate.intrekkingsDatum ?? null).toBeNull();
      expect((mandate.klant as { id: string }).id).toBe((boeking.klant as { id: string }).id);
    }
    expect(withMandate.length + status.warnings.length).toBeGreaterThan(0);
    for (const warning of status.warnings)
      expect(warning).toMatch(/Create the doorlopende incassomachtiging in SnelStart/);
  });
});
