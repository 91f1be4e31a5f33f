import { CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { syncOrganisationsToSnelStart } from '../../activities/sync/relations-from-tribe';
import { TenantContexts } from '../../activities/sync/tenant-context';
import { HealthStore } from '../../store/health-store';
import { startSyncHarness, until, type SyncHarness } from '../helpers/sync-harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an activity attempt Temporal gave up on (real PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  let contexts: TenantContexts;
  beforeAll(async () => {
    h = await startSyncHarness({ relations: 10, products: 5, sentInvoices: 0, seed: 17 });
    await h.activate();
    await h.waitForIdle();
    // Paused, so no cycle or role webhook of the tenant's own workflow writes alongside the attempt below.
    await h.system.operator.pause(h.tenantId);
    await until(async () => (await h.system.tenants.getTenant(h.tenantId)).status === 'paused');
    contexts = new TenantContexts({
      pool: h.system.pool,
      tenants: h.system.tenants,
      health: new HealthStore(h.system.pool),
      endpoints: {
        snelstart: {
          apiUrl: h.demo.snelstart.apiUrl,
          tokenUrl: h.demo.snelstart.tokenUrl,
          subscriptionKey: h.demo.snelstart.subscriptionKey,
        },
        tribe: { apiUrl: h.demo.tribe.apiUrl, tokenUrl: h.demo.tribe.tokenUrl },
      },
      now: () => new Date(),
    });
  });
  afterAll(async () => h?.close());

  it('heartbeats per record, stops writing once cancelled (heartbeat timed out) and starts no further record', async () => {
    const tribe = h.tribeTenant();
    const admin = h.snelstartAdmin();
    const names = Array.from({ length: 16 }, (_, i) => `Afgebroken Poging ${i} B.V.`);
    const ids = names.map((Name) => {
      const org = tribe.put('Relation_Organization', { Name });
      tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
        Organization: { ID: org.ID },
        Relation: { ID: tribe.ownOrganizationId },
      });
      return String(org.ID);
    });
    const created = () => admin.records('relaties').filter((r) => names.includes(String(r.naam))).length;
    const ctx = await contexts.get(h.tenantId);
    const organisations = (await ctx.tribe.organizations.getMany(ids)).items;
    expect(organisations).toHaveLength(names.length);

    // Every SnelStart call takes a while, as a page waiting for the tenant's budget would.
    h.demo.snelstart.setFaults({ latencyMs: 300 }, h.demo.koppelsleutel);
    const env = new MockActivityEnvironment({ attempt: 1 });
    let heartbeats = 0;
    env.on('heartbeat', () => void (heartbeats += 1));
    const attempt = env.run(() => syncOrganisationsToSnelStart(ctx, organisations));
    const outcome = attempt.then(
      () => 'finished',
      (err: unknown) => err,
    );
    await until(() => created() > 0, 60_000, 'the first create');
    // The poll above may notice the first create a wave late on a slow host: count from the moment of cancelling.
    const createdAtCancel = created();
    env.cancel('TIMED_OUT');
    const ended = await outcome;
    const createdWhenEnded = created();

    expect(ended).toBeInstanceOf(CancelledFailure);
    // Only records already being written when Temporal gave up (at most the write concurrency) got through.
    expect(createdWhenEnded).toBeLessThanOrEqual(createdAtCancel + 4);
    expect(heartbeats).toBeGreaterThanOrEqual(createdWhenEnded);
    await sleep(2_000);
    expect(created()).toBe(createdWhenEnded);

    // The next attempt completes the page without a duplicate.
    h.demo.snelstart.setFaults({}, h.demo.koppelsleutel);
    const retry = new MockActivityEnvironment({ attempt: 2 });
    await retry.run(() => syncOrganisationsToSnelStart(ctx, organisations));
    const relaties = admin.records('relaties').filter((r) => names.includes(String(r.naam)));
    expect(relaties.map((r) => r.naam).sort()).toEqual([...names].sort());
  });
});
