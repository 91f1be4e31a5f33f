import axios from 'axios';
import { createDocumentBookingActivities } from '../../activities/document-booking-activities';
import type { ActivityDependencies } from '../../activities/dependencies';
import { TenantContexts } from '../../activities/sync/tenant-context';
import { signTribeWebhook } from '../../api-clients/tribe';
import { documentBookingWorkflowId } from '../../client/temporal-client';
import { startSyncHarness, until, type SyncHarness } from '../helpers/sync-harness';
import { draftInvoices } from '../helpers/tribe-drafts';

type Row = Record<string, unknown>;
const idOf = (ref: unknown) =>
  (ref as { id?: string; ID?: string } | null)?.id ?? (ref as { ID?: string })?.ID;

describe('booking invoices safely (real Temporal, PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({ relations: 30, products: 15, sentInvoices: 3, draftInvoices: 12, seed: 7 });
    await h.activate();
    await h.waitForIdle();
    await h.cycle();
    await until(
      async () => (await h.bookings.counts(h.tenantId)).documented >= 3,
      60_000,
      'the sent invoices booked',
    );
  });
  afterAll(async () => h?.close());

  /** A draft invoice not used by an earlier test, optionally for another customer than `notFor`. */
  const used = new Set<string>();
  function takeDraft(notFor?: unknown): Row {
    const tribe = h.tribeTenant();
    const draft = draftInvoices(tribe).find(
      (invoice) =>
        !used.has(String(invoice.ID)) &&
        (notFor === undefined || idOf(invoice.Relationship) !== idOf(notFor)),
    );
    if (!draft) throw new Error('no draft invoice left');
    used.add(String(draft.ID));
    return draft;
  }

  const bookingOf = (tribeId: string) => h.bookings.get(h.tenantId, 'invoice', tribeId);

  async function postWebhook(tenantId: string, entityId: string) {
    const body = JSON.stringify({
      webhookId: `test-${entityId}`,
      payload: {
        type: 'EntityUpdateMutation',
        entityType: 'Activity.Invoice',
        entityId,
        timestamp: new Date().toISOString(),
      },
    });
    return axios.post(`${h.system.adminApiUrl}/webhooks/tribe/${tenantId}`, body, {
      headers: {
        'Content-Type': 'application/json',
        'X-Tribe-Signature': signTribeWebhook(`whsec-${h.tenantId}-0123456789`, body),
      },
      validateStatus: () => true,
    });
  }

  it('does not adopt a SnelStart booking of another relatie that uses the same factuurnummer', async () => {
    const admin = h.snelstartAdmin();
    const tribe = h.tribeTenant();
    const template = admin.records('verkoopboekingen')[0]!;
    const templateInvoice = tribe
      .list('Activity_Invoice')
      .find((invoice) => invoice.Number === template.factuurnummer)!;
    const draft = takeDraft(templateInvoice.Relationship);
    const tribeId = String(draft.ID);
    // The bookkeeper booked another customer's invoice under the number Tribe is about to use.
    const { id: _id, uri: _uri, modifiedOn: _modifiedOn, ...body } = template;
    admin.createAsUser('verkoopboekingen', { ...body, factuurnummer: 'DUP-0001' });
    tribe.put('Activity_Invoice', { ID: tribeId, Number: 'DUP-0001' });

    tribe.sendInvoice(tribeId);
    await until(async () => (await bookingOf(tribeId))?.status === 'failed', 30_000, 'the booking failed');
    const failure = (await h.system.health.listOpenFailures(h.tenantId)).find((f) => f.recordId === tribeId);
    expect(failure?.reason).toMatch(/factuurnummer DUP-0001 is already used in SnelStart by another relatie/);
    expect((await bookingOf(tribeId))?.snelstartId ?? null).toBeNull();
    expect(admin.records('verkoopboekingen').filter((b: Row) => b.factuurnummer === 'DUP-0001')).toHaveLength(
      1,
    );
  });

  it('attaches the PDF under a name SnelStart accepts when the invoice number has characters it refuses', async () => {
    const admin = h.snelstartAdmin();
    const tribe = h.tribeTenant();
    const tribeId = String(takeDraft().ID);
    tribe.put('Activity_Invoice', { ID: tribeId, Number: 'INV/26:7' });
    tribe.sendInvoice(tribeId);
    await until(
      async () => ['documented', 'failed'].includes((await bookingOf(tribeId))?.status ?? ''),
      30_000,
      'the booking settled',
    );
    const booking = await bookingOf(tribeId);
    expect(booking?.status).toBe('documented');
    const documents = admin
      .records('documenten')
      .filter((d: Row) => d.parentIdentifier === booking!.snelstartId);
    expect(documents.map((d: Row) => d.fileName)).toEqual(['factuur-INV_2f26_3a7.pdf']);
  });

  it('books each attempt of one invoice once with one document when two attempts run at the same time', async () => {
    const admin = h.snelstartAdmin();
    const tribe = h.tribeTenant();
    const tribeId = String(takeDraft().ID);
    const deps: ActivityDependencies = {
      pool: h.system.pool,
      tenants: h.system.tenants,
      health: h.system.health,
      endpoints: {
        snelstart: {
          apiUrl: h.demo.snelstart.apiUrl,
          tokenUrl: h.demo.snelstart.tokenUrl,
          subscriptionKey: h.demo.snelstart.subscriptionKey,
        },
        tribe: { apiUrl: h.demo.tribe.apiUrl, tokenUrl: h.demo.tribe.tokenUrl },
      },
      now: () => new Date(),
    };
    // Two workers' worth of attempts (besides the one the webhook starts), with slow answers between their
    // look-ups and their writes.
    const attempts = [1, 2].map(() => createDocumentBookingActivities(deps, new TenantContexts(deps)));
    h.demo.snelstart.setFaults({ latencyMs: 250 } as never);
    try {
      const number = String(tribe.sendInvoice(tribeId).activity.Number);
      const ref = { tenantId: h.tenantId, kind: 'invoice' as const, tribeId };
      const outcomes = await Promise.all(attempts.map((acts) => acts.bookDocumentInSnelStart(ref)));
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(
        expect.arrayContaining([expect.stringMatching(/booked/)]),
      );
      await until(async () => (await bookingOf(tribeId))?.status === 'documented', 30_000, 'documented');
      const boekingen = admin.records('verkoopboekingen').filter((b: Row) => b.factuurnummer === number);
      expect(boekingen).toHaveLength(1);
      expect(
        admin.records('documenten').filter((d: Row) => d.parentIdentifier === boekingen[0]!.id),
      ).toHaveLength(1);
    } finally {
      h.demo.snelstart.setFaults({ latencyMs: 0 } as never);
    }
  });

  it('ignores (202, not handled) a signed webhook for a tenant it does not know, starting nothing', async () => {
    const unknown = `t-unknown-${Date.now()}`;
    const entityId = String(takeDraft().ID);
    const response = await postWebhook(unknown, entityId);
    expect(response.status).toBe(202);
    expect(response.data).toEqual({ accepted: true, handled: false });
    await expect(
      h.system.workflows.client.workflow
        .getHandle(documentBookingWorkflowId(unknown, 'invoice', entityId))
        .describe(),
    ).rejects.toThrow();
  });

  it('books nothing while the tenant is paused, and after resuming books what was sent or even paid meanwhile, once', async () => {
    const admin = h.snelstartAdmin();
    const tribe = h.tribeTenant();
    await h.system.operator.pause(h.tenantId);
    await until(
      async () => (await h.system.tenants.getTenant(h.tenantId)).status === 'paused',
      30_000,
      'the tenant paused',
    );
    const sent = String(takeDraft().ID);
    const paid = String(takeDraft().ID);
    const sentNumber = String(tribe.sendInvoice(sent).activity.Number);
    const paidNumber = String(tribe.sendInvoice(paid).activity.Number);
    // Paid before the sync ever booked it.
    tribe.put('Activity_Invoice', {
      ID: paid,
      Phase: { ID: tribe.findByCode('Datastore_Phase_ActivityInvoice', 'Paid')!.ID },
    });
    const handles = [sent, paid].map((id) =>
      h.system.workflows.client.workflow.getHandle(documentBookingWorkflowId(h.tenantId, 'invoice', id)),
    );
    for (const id of [sent, paid]) expect((await postWebhook(h.tenantId, id)).status).toBe(202);
    // The bookings wait, retried, instead of ending: an hourly cycle may have moved its cursor past them.
    for (const handle of handles)
      await until(
        async () => (await handle.describe()).raw.pendingActivities?.[0]?.lastFailure?.message,
        30_000,
        'the booking to wait for the tenant',
      );
    for (const handle of handles) {
      const description = await handle.describe();
      expect(description.status.name).toBe('RUNNING');
      expect(description.raw.pendingActivities?.[0]?.lastFailure?.message).toContain('is paused');
    }
    const numbers = () => admin.records('verkoopboekingen').map((b: Row) => b.factuurnummer);
    expect(numbers()).not.toContain(sentNumber);
    expect(numbers()).not.toContain(paidNumber);

    await h.system.operator.resume(h.tenantId);
    await until(
      async () => (await h.system.tenants.getTenant(h.tenantId)).status === 'active',
      30_000,
      'the tenant active',
    );
    // The waiting bookings go through on their next attempt; a cycle finds nothing left to start.
    for (const handle of handles) expect(await handle.result()).toMatchObject({ outcome: 'booked' });
    await h.cycle();
    for (const id of [sent, paid])
      await until(async () => (await bookingOf(id))?.status === 'documented', 30_000, `invoice ${id} booked`);
    expect(numbers().filter((n) => n === sentNumber || n === paidNumber)).toHaveLength(2);
  });
});
