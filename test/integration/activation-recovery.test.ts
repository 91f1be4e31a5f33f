import { tenantWorkflowId } from '../../client/temporal-client';
import { OperatorError } from '../../client/operator/operator-service';
import { startSyncHarness, until, type SyncHarness } from '../helpers/sync-harness';

/**
 * A tenant stored as active whose workflow is gone (its start failed after the tenant was saved, or someone
 * terminated it in the Temporal UI) is brought back by the operator's own commands, without re-creating data.
 */
describe('a tenant whose workflow ended outside Koppeling', () => {
  let h: SyncHarness;
  const terminate = async () => {
    const handle = h.system.workflows.client.workflow.getHandle(tenantWorkflowId(h.tenantId));
    await handle.terminate('ended outside Koppeling');
    await until(async () => !(await h.system.workflows.isRunning(h.tenantId)), 30_000, 'the workflow to end');
  };
  const records = () => ({
    relaties: h.snelstartAdmin().records('relaties').length,
    artikelen: h.snelstartAdmin().records('artikelen').length,
    organisations: h.tribeTenant().list('Relation_Organization').length,
    products: h.tribeTenant().list('Product').length,
  });

  beforeAll(async () => {
    h = await startSyncHarness({ relations: 40, products: 5, sentInvoices: 0, seed: 21 });
    await h.activate();
    await h.waitForIdle();
  }, 180_000);
  afterAll(() => h?.close());

  it('refuses signals with the command that restarts it', async () => {
    await terminate();
    const refused = await h.system.operator.pause(h.tenantId).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(OperatorError);
    expect((refused as OperatorError).message).toContain(
      'its workflow is not running (its start failed, or it was ended outside Koppeling). Start it again with: koppeling tenant activate --file <its configuration>',
    );
  });

  it('is started again by activating it again, and resumes without creating anything twice', async () => {
    const before = records();
    await h.activate();
    expect(await h.system.workflows.isRunning(h.tenantId)).toBe(true);
    await h.waitForIdle();
    await h.cycle();
    expect(records()).toEqual(before);

    // Activating a tenant whose workflow runs is still refused.
    await expect(h.activate()).rejects.toThrow('is already active');
  });

  it('is started again by saving its configuration', async () => {
    const before = records();
    await terminate();
    const saved = await h.system.operator.updateConfig(h.tenantId, h.demo.activation);
    expect(saved.warnings).toEqual([]);
    expect(await h.system.workflows.isRunning(h.tenantId)).toBe(true);
    await h.waitForIdle();
    await h.cycle();
    expect(records()).toEqual(before);
  });

  it('stays paused when it was paused before its workflow ended', async () => {
    await h.system.operator.pause(h.tenantId);
    await until(
      async () => (await h.system.tenants.getTenant(h.tenantId)).status === 'paused',
      30_000,
      'the tenant paused',
    );
    await terminate();
    await h.system.operator.updateConfig(h.tenantId, h.demo.activation);
    expect(await h.system.workflows.isRunning(h.tenantId)).toBe(false);
    expect((await h.system.tenants.getTenant(h.tenantId)).status).toBe('paused');
    await expect(h.system.operator.resume(h.tenantId)).rejects.toThrow('koppeling tenant activate --file');
  });
});
