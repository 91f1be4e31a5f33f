import { startSyncHarness, type SyncHarness } from '../helpers/sync-harness';

type Row = Record<string, unknown>;
const ref = (value: unknown) => (value as { ID?: string } | null)?.ID;

/** Invariants over both sandboxes and the link table after an initial sync. */
async function assertNoDuplicates(h: SyncHarness) {
  const admin = h.snelstartAdmin();
  const tribe = h.tribeTenant();
  const { rows } = await h.system.pool.query(
    `SELECT snelstart_id, tribe_id, role FROM record_links WHERE tenant_id = $1 AND entity = 'relation'`,
    [h.tenantId],
  );
  const active = admin
    .records('relaties')
    .filter(
      (r: Row) =>
        !r.nonactief && Number(r.relatiecode) > 0 && !(r.relatiesoort as string[]).includes('Eigen'),
    );
  const linked = new Set(rows.map((row) => row.snelstart_id));
  const importIds = tribe
    .list('Relation_Organization')
    .map((org) => org.ImportId)
    .filter((id): id is string => typeof id === 'string' && id.startsWith('snelstart:'));
  expect(new Set(importIds).size).toBe(importIds.length);
  return { active, linked, rows };
}

describe('initial sync SnelStart → Tribe (real Temporal, PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  afterEach(async () => h?.close());

  it('links or creates every active relatie once, by the brief’s matching rules', async () => {
    h = await startSyncHarness({ relations: 120, products: 40, sentInvoices: 0, seed: 7 });
    const summary = h.demo.generated!;
    await h.activate();
    await h.waitForIdle();

    const { active, linked, rows } = await assertNoDuplicates(h);
    const failures = await h.system.health.listOpenFailures(h.tenantId);
    const ambiguous = failures.filter((f) => f.operation === 'match');
    // Every active relatie is linked, except the ambiguous ones, which wait for a person.
    expect(
      active
        .filter((r: Row) => !linked.has(r.id))
        .map((r) => r.id)
        .sort(),
    ).toEqual(ambiguous.map((f) => f.recordId).sort());
    expect(ambiguous.length).toBeGreaterThanOrEqual(summary.overlap.ambiguousPairs);
    for (const failure of ambiguous)
      expect(failure.reason).toMatch(/Tribe organisations have|already linked/);

    // Inactive and system rows never reach Tribe.
    const skipped = h
      .snelstartAdmin()
      .records('relaties')
      .filter(
        (r: Row) =>
          r.nonactief || Number(r.relatiecode) < 0 || (r.relatiesoort as string[]).includes('Eigen'),
      );
    for (const relatie of skipped) expect(linked.has(relatie.id)).toBe(false);

    // Matching by number and by name + address both happened.
    const byRule = await h.system.pool.query(
      `SELECT matched_by, count(*)::int AS n FROM record_links WHERE tenant_id = $1 AND entity = 'relation' GROUP BY 1`,
      [h.tenantId],
    );
    const counts = Object.fromEntries(byRule.rows.map((row) => [row.matched_by, row.n]));
    expect(counts.number).toBeGreaterThanOrEqual(summary.overlap.matchByNumber);
    expect(counts['name-address']).toBeGreaterThan(0);
    expect(counts['created-in-tribe']).toBeGreaterThan(0);

    // A Klant and a Leverancier of one organisation share one Tribe organisation that has both roles.
    const byTribe = new Map<string, string[]>();
    for (const row of rows) byTribe.set(row.tribe_id, [...(byTribe.get(row.tribe_id) ?? []), row.role]);
    const pairs = [...byTribe.entries()].filter(
      ([, roles]) => roles.includes('Klant') && roles.includes('Leverancier'),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(summary.overlap.klantLeverancierPairs);
    const tribe = h.tribeTenant();
    for (const [orgId] of pairs) {
      const customer = tribe
        .list('Relationship_Organization_CommercialRelationship_Customer')
        .filter((r) => ref(r.Organization) === orgId);
      const supplier = tribe
        .list('Relationship_Organization_Supplier')
        .filter((r) => ref(r.Organization) === orgId);
      expect(customer).toHaveLength(1);
      expect(supplier).toHaveLength(1);
    }

    // Products: every active artikel linked once.
    const artikelen = h
      .snelstartAdmin()
      .records('artikelen')
      .filter((a: Row) => !a.isNonActief);
    const products = await h.system.pool.query(
      `SELECT count(*)::int AS n FROM record_links WHERE tenant_id = $1 AND entity = 'product'`,
      [h.tenantId],
    );
    expect(products.rows[0].n).toBe(artikelen.length);
  });

  it('resumes after the worker dies mid-sync without a duplicate or a lost record', async () => {
    h = await startSyncHarness({ relations: 2500, products: 30, sentInvoices: 0, seed: 11 });
    await h.activate();
    // Let it get going, then take the worker away while a batch is in flight.
    await waitForProgress(h, 500);
    const before = await h.system.workflows.status(h.tenantId);
    await h.killWorker();
    expect(before?.progress.relations?.finished).toBe(false);
    await h.restartWorker();
    await h.waitForIdle(300_000);

    const { active, linked } = await assertNoDuplicates(h);
    const failures = await h.system.health.listOpenFailures(h.tenantId);
    const unresolved = active.filter(
      (r: Row) => !linked.has(r.id) && !failures.some((f) => f.recordId === r.id),
    );
    expect(unresolved).toEqual([]);
    // Every organisation the sync created in Tribe is linked (one a killed batch created is adopted by its
    // ImportId on the retry, not created again), and no ImportId occurs twice (checked above).
    const { rows } = await h.system.pool.query(
      `SELECT count(DISTINCT tribe_id)::int AS orgs, array_agg(DISTINCT tribe_id::text) AS ids
       FROM record_links WHERE tenant_id = $1 AND entity = 'relation'`,
      [h.tenantId],
    );
    const linkedOrgs = new Set<string>(rows[0].ids);
    const orphans = h
      .tribeTenant()
      .list('Relation_Organization')
      .filter((org) => String(org.ImportId ?? '').startsWith('snelstart:'))
      .filter((org) => !linkedOrgs.has(String(org.ID).toLowerCase()));
    expect(orphans.map((org) => [org.Name, org.ImportId])).toEqual([]);
    expect(rows[0].orgs).toBeGreaterThan(0);
  });
});

async function waitForProgress(h: SyncHarness, done: number) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await h.system.workflows.status(h.tenantId);
    if ((status?.progress.relations?.done ?? 0) >= done) return;
    if (Date.now() > deadline) throw new Error('no progress');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
