import { randomUUID } from 'node:crypto';
import { demoActivation } from '../../client/dev/demo-environment';
import { OperatorError } from '../../client/operator/operator-service';
import { generateDemoData } from '../../sandboxes/generator';
import { startSyncHarness, until, type SyncHarness } from '../helpers/sync-harness';

/**
 * A tenant's links point into one SnelStart administration and one Tribe account. Saving credentials that open
 * another one would make the next cycle create every relation and product there again: it is refused, with
 * what was found and what to do instead; the stored configuration and credentials stay as they were.
 */
describe('credentials of another administration or CRM account (real PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  const otherAdministratie = randomUUID();
  const other = { koppelsleutel: '', clientId: '' };

  const refusal = async (action: Promise<unknown>): Promise<OperatorError> => {
    const error = await action.then(
      () => {
        throw new Error('the change was accepted');
      },
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(OperatorError);
    return error as OperatorError;
  };
  const relatieCount = (koppelsleutel: string) =>
    h.demo.snelstart.administration(koppelsleutel).records('relaties').length;

  beforeAll(async () => {
    h = await startSyncHarness({ relations: 30, products: 5, sentInvoices: 0, seed: 41 });
    other.koppelsleutel = `${h.demo.koppelsleutel}-elders`;
    other.clientId = `${h.demo.tribeClientId}-elders`;
    // Its reference data carries the same IDs as the tenant's own, so the identity is all that differs.
    const data = generateDemoData({ seed: 42, relations: 5, products: 0, sentInvoices: 0 });
    h.demo.snelstart.addAdministration({
      koppelsleutel: other.koppelsleutel,
      package: 'InZicht',
      limits: { perMinute: null, perHour: null, concurrent: null },
      seed: {
        ...data.snelstart,
        companyInfo: {
          ...data.snelstart.companyInfo,
          administratieIdentifier: otherAdministratie,
          administratieNaam: 'Slagerij Elders',
        },
      } as never,
    });
    h.demo.tribe.addTenant({ clientId: other.clientId, clientSecret: h.demo.tribeClientSecret });
    await h.activate();
    await h.waitForIdle();
  }, 180_000);
  afterAll(() => h?.close());

  it('keeps which administration and which account the tenant syncs', async () => {
    const tenant = await h.system.tenants.getTenant(h.tenantId);
    const { companyInfo } = h.snelstartAdmin().dump();
    expect(tenant.snelstartAdministratieId).toBe(String(companyInfo.administratieIdentifier));
    expect(tenant.tribeOwnOrganizationId).toBe(h.tribeTenant().ownOrganizationId);
  });

  it("refuses a koppelsleutel of another administration, naming both, and keeps the tenant's own", async () => {
    const before = relatieCount(other.koppelsleutel);
    const error = await refusal(
      h.system.operator.updateConfig(h.tenantId, {
        ...h.demo.activation,
        snelstart: { koppelsleutel: other.koppelsleutel },
      }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.problems).toEqual([
      {
        field: 'snelstart.koppelsleutel',
        message: expect.stringContaining(
          `opens SnelStart administration "Slagerij Elders" (${otherAdministratie})`,
        ),
      },
    ]);
    expect(error.problems[0]?.message).toContain('activate it as a new tenant');

    expect((await h.system.tenants.loadCredentials(h.tenantId)).koppelsleutel).toBe(h.demo.koppelsleutel);
    await h.cycle();
    expect(relatieCount(other.koppelsleutel)).toBe(before);
  });

  it('refuses client credentials of another Tribe account', async () => {
    const error = await refusal(
      h.system.operator.updateConfig(h.tenantId, {
        ...h.demo.activation,
        tribe: { clientId: other.clientId, clientSecret: h.demo.tribeClientSecret },
      }),
    );
    expect(error.problems[0]).toEqual({
      field: 'tribe.clientId',
      message: expect.stringContaining(
        `another Tribe account (own organisation ${h.demo.tribe.tenant(other.clientId).ownOrganizationId})`,
      ),
    });
    expect((await h.system.tenants.loadCredentials(h.tenantId)).tribeClientId).toBe(h.demo.tribeClientId);
  });

  it('refuses them too when a deactivated tenant is activated again', async () => {
    await h.system.operator.deactivate(h.tenantId);
    await until(
      async () =>
        (await h.system.tenants.getTenant(h.tenantId)).status === 'deactivated' &&
        !(await h.system.workflows.isRunning(h.tenantId)),
      30_000,
      'the tenant deactivated',
    );
    const error = await refusal(
      h.system.operator.activate(
        demoActivation(h.tenantId, other.koppelsleutel, h.demo.tribeClientId, h.demo.tribeClientSecret),
      ),
    );
    expect(error.problems.map((problem) => problem.field)).toEqual(['snelstart.koppelsleutel']);
    expect((await h.system.tenants.getTenant(h.tenantId)).status).toBe('deactivated');
  });

  it('reads the systems of a tenant stored before they were kept with its stored credentials, and keeps them', async () => {
    const forget = () =>
      h.system.pool.query(
        'UPDATE tenants SET snelstart_administratie_id = NULL, tribe_own_organization_id = NULL WHERE id = $1',
        [h.tenantId],
      );
    await forget();
    const error = await refusal(
      h.system.operator.activate(
        demoActivation(h.tenantId, other.koppelsleutel, h.demo.tribeClientId, h.demo.tribeClientSecret),
      ),
    );
    expect(error.problems.map((problem) => problem.field)).toEqual(['snelstart.koppelsleutel']);

    await h.activate();
    const tenant = await h.system.tenants.getTenant(h.tenantId);
    expect(tenant.status).toBe('active');
    expect(tenant.snelstartAdministratieId).toBe(
      String(h.snelstartAdmin().dump().companyInfo.administratieIdentifier),
    );
    expect(tenant.tribeOwnOrganizationId).toBe(h.tribeTenant().ownOrganizationId);
  });
});
