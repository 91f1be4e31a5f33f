import { ensureTenantWebhooks } from '../../activities/tenant-webhooks';
import { TribeClient } from '../../api-clients/tribe';
import { tenantWebhookUrl } from '../../domain/webhook-subscriptions';
import { startSyncHarness, until, type SyncHarness } from '../helpers/sync-harness';
import { draftInvoices } from '../helpers/tribe-drafts';

const CUSTOMER = 'Relationship.Organization.CommercialRelationship.Customer';
/** The tenant's own webhooks, as Tribe lists them. */
const tribeWebhooks = (h: SyncHarness) =>
  new TribeClient({
    apiUrl: h.demo.tribe.apiUrl,
    tokenUrl: h.demo.tribe.tokenUrl,
    clientId: h.demo.tribeClientId,
    clientSecret: h.demo.tribeClientSecret,
  }).webhooks.list();
const SUPPLIER = 'Relationship.Organization.Supplier';

describe("a tenant's Tribe webhooks (real Temporal, PostgreSQL, sandboxes over HTTP)", () => {
  let h: SyncHarness;
  const customersOnly = () => ({
    mappings: {
      ...h.demo.activation.mappings,
      relationTypes: { customer: true, supplier: false, extra: [] },
    },
  });
  const tribe = (clientSecret = h.demo.tribeClientSecret) =>
    new TribeClient({
      apiUrl: h.demo.tribe.apiUrl,
      tokenUrl: h.demo.tribe.tokenUrl,
      clientId: h.demo.tribeClientId,
      clientSecret,
    });
  const registered = async () =>
    (await tribe().webhooks.list()).map((webhook) => ({
      type: webhook.entityType,
      url: webhook.webhookUrl,
    }));
  const receiver = () =>
    tenantWebhookUrl(h.system.adminApiUrl!, h.tenantId, `whsec-${h.tenantId}-0123456789`);

  beforeAll(async () => {
    h = await startSyncHarness({ relations: 60, products: 5, sentInvoices: 0, seed: 11 });
    await h.activate(customersOnly());
  }, 120_000);
  afterAll(() => h?.close());

  it('registers invoices and sales orders on activation and the roles once the initial sync is done, so none of its own roles come back', async () => {
    await h.waitForIdle();
    expect((await registered()).sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      { type: 'Activity.Invoice', url: receiver() },
      { type: 'Activity.SalesOrder', url: receiver() },
      { type: CUSTOMER, url: receiver() },
    ]);
    const created = h.tribeTenant().list(CUSTOMER.replace(/\./g, '_')).length;
    expect(created).toBeGreaterThan(0);
    // Every customer role the initial sync wrote would have been one notification, acknowledged for nothing.
    await h.demo.tribe.webhooksIdle();
    expect(h.demo.tribe.stats().tenants[h.demo.tribeClientId]!.webhookDeliveries).toEqual({
      succeeded: 0,
      failed: 0,
    });
  });

  it('adds the role a changed mapping exports when the configuration is saved, and registers nothing twice', async () => {
    const result = await h.system.operator.updateConfig(h.tenantId, h.demo.activation);
    expect(result.warnings).toEqual([]);
    const types = (await registered()).map((webhook) => webhook.type).sort();
    expect(types).toEqual(['Activity.Invoice', 'Activity.SalesOrder', CUSTOMER, SUPPLIER]);

    // A second registration of one type (two registrations at the same moment) is removed.
    await tribe().webhooks.register({
      entityType: SUPPLIER,
      webhookUrl: receiver(),
      secret: `whsec-${h.tenantId}-0123456789`,
    });
    await h.system.operator.updateConfig(h.tenantId, h.demo.activation);
    expect((await registered()).map((webhook) => webhook.type).sort()).toEqual(types);
  });

  it('puts a failed registration on the tenant status with how to retry; saving the configuration clears it', async () => {
    const target = { baseUrl: h.system.adminApiUrl!, secret: `whsec-${h.tenantId}-0123456789` };
    const failed = await ensureTenantWebhooks(tribe('not-the-secret'), h.system.health, h.tenantId, target, [
      SUPPLIER,
    ]);
    expect(failed).toEqual({ warning: expect.stringContaining('Tribe webhooks could not be registered') });
    const { warnings } = await h.system.health.summary(h.tenantId);
    expect(warnings).toEqual([
      expect.stringContaining(`koppeling tenant update-config ${h.tenantId} --file <its configuration>`),
    ]);

    expect((await h.system.operator.updateConfig(h.tenantId, h.demo.activation)).warnings).toEqual([]);
    expect((await h.system.health.summary(h.tenantId)).warnings).toEqual([]);
  });
});

describe('role webhooks that cannot be registered when the initial sync has written the relations', () => {
  let h: SyncHarness;
  const SUPPLIER_SET = SUPPLIER.replace(/\./g, '_');

  beforeAll(async () => {
    h = await startSyncHarness({ relations: 40, products: 5, sentInvoices: 0, seed: 12 });
  }, 120_000);
  afterAll(() => h?.close());

  it('leave the tenant syncing, with a warning saying how to retry; saving the configuration registers them', async () => {
    // Activated while no worker runs, so the webhook API can be broken before the initial sync starts.
    await h.withoutWorker();
    await h.activate();
    // Each restart of the harness's admin API listens on a new port: webhooks are compared by type at one address.
    const typesAt = async (url: string) =>
      (await tribeWebhooks(h))
        .filter((webhook) => webhook.webhookUrl === url)
        .map((webhook) => webhook.entityType)
        .sort();
    const receiver = () =>
      tenantWebhookUrl(h.system.adminApiUrl!, h.tenantId, `whsec-${h.tenantId}-0123456789`);
    const activatedAt = receiver();
    expect(await typesAt(activatedAt)).toEqual(['Activity.Invoice', 'Activity.SalesOrder']);
    h.demo.tribe.setFaults({ serverErrorRate: 1, entitySets: ['Webhook'] });

    await h.restartWorker();
    await h.waitForIdle();
    const status = await h.system.workflows.status(h.tenantId);
    expect(status?.counts.created).toBeGreaterThan(0);
    expect(h.tribeTenant().list(SUPPLIER_SET).length).toBeGreaterThan(0);
    expect(status?.warnings).toEqual([
      expect.stringContaining(`koppeling tenant update-config ${h.tenantId} --file <its configuration>`),
    ]);
    h.demo.tribe.setFaults({});
    expect(await typesAt(activatedAt)).toEqual(['Activity.Invoice', 'Activity.SalesOrder']);
    expect(await typesAt(receiver())).toEqual([]);
    expect((await h.system.operator.updateConfig(h.tenantId, h.demo.activation)).warnings).toEqual([]);
    expect(await typesAt(receiver())).toEqual(
      ['Activity.Invoice', 'Activity.SalesOrder', CUSTOMER, SUPPLIER].sort(),
    );
    expect((await h.system.health.summary(h.tenantId)).warnings).toEqual([]);
  });
});

describe('a new webhook secret (real Temporal, PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  const before = () => `whsec-${h.tenantId}-0123456789`;
  const after = () => `whsec-${h.tenantId}-fedcba9876`;
  const registered = async () => (await tribeWebhooks(h)).map((webhook) => webhook.webhookUrl).sort();
  const draftIds = () => draftInvoices(h.tribeTenant()).map((invoice) => String(invoice.ID));
  /** Sends a draft in Tribe and waits for Tribe's webhook to have it booked, well before any hourly cycle. */
  const sendAndBook = async () => {
    const [id] = draftIds();
    expect(id).toBeDefined();
    const booked = h.snelstartAdmin().records('verkoopboekingen').length;
    h.tribeTenant().sendInvoice(id!);
    await until(
      () => h.snelstartAdmin().records('verkoopboekingen').length === booked + 1,
      30_000,
      'the invoice booked from its webhook',
    );
  };

  beforeAll(async () => {
    h = await startSyncHarness({ relations: 20, products: 5, sentInvoices: 2, draftInvoices: 4, seed: 13 });
    await h.activate();
    await h.waitForIdle();
  }, 180_000);
  afterAll(() => h?.close());

  it('keeps receiving on the previous secret, moves every webhook to the new one, then needs only the new one', async () => {
    const atFirst = await registered();
    expect(atFirst.length).toBeGreaterThanOrEqual(3);
    expect(new Set(atFirst)).toEqual(
      new Set([tenantWebhookUrl(h.system.adminApiUrl!, h.tenantId, before())]),
    );

    // Changed while Tribe still signs with the old secret: its events are accepted all the same.
    await h.restartWithWebhookSecrets({ secret: after(), previousSecret: before() });
    await sendAndBook();

    const renewals = await h.system.operator.renewWebhooks([h.tenantId]);
    expect(renewals).toEqual([
      {
        tenantId: h.tenantId,
        outcome: 'renewed',
        added: expect.arrayContaining(['Activity.Invoice', 'Activity.SalesOrder']),
        replaced: atFirst.length,
        message: null,
      },
    ]);
    const renewed = await registered();
    expect(renewed).toEqual(atFirst.map(() => tenantWebhookUrl(h.system.adminApiUrl!, h.tenantId, after())));

    const { rows } = await h.system.pool.query(
      `SELECT details FROM audit_log WHERE tenant_id = $1 AND kind = 'webhooks-renewed'`,
      [h.tenantId],
    );
    expect(rows).toEqual([{ details: { added: renewals[0]!.added, replaced: atFirst.length } }]);

    // Nothing left to do a second time, and nothing to record.
    expect(await h.system.operator.renewWebhooks([h.tenantId])).toEqual([
      { tenantId: h.tenantId, outcome: 'renewed', added: [], replaced: 0, message: null },
    ]);

    expect(
      (
        await h.system.pool.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND kind = 'webhooks-renewed'`,
          [h.tenantId],
        )
      ).rows[0].n,
    ).toBe(1);

    // The previous secret can go: Tribe signs with the new one now.
    await h.restartWithWebhookSecrets({ secret: after() });
    await sendAndBook();
    await h.demo.tribe.webhooksIdle();
    expect(h.demo.tribe.stats().tenants[h.demo.tribeClientId]!.webhookDeliveries.failed).toBe(0);
  });
});
