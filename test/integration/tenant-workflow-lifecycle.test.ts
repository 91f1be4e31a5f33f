import { tenantWorkflowId } from '../../client/temporal-client';
import { emptyCounts } from '../../workflows/tenant-status';
import { tenantWorkflow } from '../../workflows';
import { createTestStack, eventually, uniqueTenantId, type TestStack } from '../helpers/test-stack';

const endpoints = {
  snelstart: {
    apiUrl: 'http://127.0.0.1:9/v2',
    tokenUrl: 'http://127.0.0.1:9/b2b/token',
    subscriptionKey: 'unused',
  },
  tribe: { apiUrl: 'http://127.0.0.1:9/v1/odata', tokenUrl: 'http://127.0.0.1:9/oauth2/token' },
};

describe('tenant workflow on the real Temporal dev server and PostgreSQL', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack();
    await stack.startWorker(endpoints);
  });
  afterAll(() => stack.close());

  it('answers the status query, records pause in PostgreSQL and stops on deactivate', async () => {
    const tenantId = uniqueTenantId('lifecycle');
    await stack.tenants.upsertTenant({
      id: tenantId,
      status: 'active',
      config: { syncIntervalMinutes: 60 },
      snelstartPackage: 'InZicht',
      administratieNaam: 'Test',
      credentials: { koppelsleutel: 'k', tribeClientId: 'c', tribeClientSecret: 's' },
    });
    // Start already paused, with the initial sync behind it, so no external system is contacted.
    const handle = await stack.workflows.client.workflow.start(tenantWorkflow, {
      workflowId: tenantWorkflowId(tenantId),
      taskQueue: stack.taskQueue,
      args: [
        {
          tenantId,
          carried: {
            initialSyncDone: true,
            paused: true,
            syncRequested: false,
            lastSyncAt: null,
            lastSyncError: null,
            cycles: 0,
            counts: emptyCounts(),
            progress: {},
            openFailures: 0,
            warnings: [],
          },
        },
      ],
    });

    const status = await eventually(async () => {
      const s = await stack.workflows.status(tenantId);
      return s?.phase === 'paused' ? s : null;
    });
    expect(status).toMatchObject({ tenantId, paused: true, nextSyncAt: null });
    await eventually(async () => (await stack.tenants.getTenant(tenantId)).status === 'paused');

    await stack.workflows.deactivate(tenantId);
    await handle.result();
    expect((await stack.tenants.getTenant(tenantId)).status).toBe('deactivated');
    expect(await stack.workflows.isRunning(tenantId)).toBe(false);
  });

  it('keeps credentials encrypted at rest', async () => {
    const tenantId = uniqueTenantId('cipher');
    const secret = 'super-secret-client-key-123';
    await stack.tenants.upsertTenant({
      id: tenantId,
      status: 'active',
      config: {},
      snelstartPackage: null,
      administratieNaam: null,
      credentials: { koppelsleutel: secret, tribeClientId: 'c', tribeClientSecret: 's' },
    });
    const { rows } = await stack.pool.query(
      'SELECT ciphertext FROM tenant_credentials WHERE tenant_id = $1',
      [tenantId],
    );
    expect(Buffer.from(rows[0].ciphertext).toString('latin1')).not.toContain(secret);
    expect((await stack.tenants.loadCredentials(tenantId)).koppelsleutel).toBe(secret);
  });
});

describe('saving a configuration in PostgreSQL', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack();
  });
  afterAll(() => stack.close());

  it('keeps a status the workflow recorded meanwhile, and its deactivation date', async () => {
    const tenantId = uniqueTenantId('keep-status');
    const save = (status: 'active' | 'keep', interval: number) =>
      stack.tenants.upsertTenant({
        id: tenantId,
        status,
        config: { syncIntervalMinutes: interval },
        snelstartPackage: 'InZicht',
        administratieNaam: 'Test',
        credentials: { koppelsleutel: 'k', tribeClientId: 'c', tribeClientSecret: 's' },
      });
    await save('active', 60);
    await stack.tenants.setStatus(tenantId, 'paused');
    await save('keep', 30);
    expect(await stack.tenants.getTenant(tenantId)).toMatchObject({
      status: 'paused',
      config: { syncIntervalMinutes: 30 },
    });

    await stack.tenants.setStatus(tenantId, 'deactivated');
    const { deactivatedAt } = await stack.tenants.getTenant(tenantId);
    expect(deactivatedAt).toBeInstanceOf(Date);
    await save('keep', 15);
    expect(await stack.tenants.getTenant(tenantId)).toMatchObject({ status: 'deactivated', deactivatedAt });

    await save('active', 15);
    expect(await stack.tenants.getTenant(tenantId)).toMatchObject({ status: 'active', deactivatedAt: null });
  });
});
