import type { TenantContext } from '../../activities/sync/tenant-context';
import { syncArtikelenToTribe, syncProductsToSnelStart } from '../../activities/sync/products-sync';
import type { TribeProduct } from '../../api-clients/tribe';
import type { SnelStartArtikel } from '../../domain/snelstart-records';
import { startSyncHarness, type SyncHarness } from '../helpers/sync-harness';

type Row = Record<string, unknown>;

/**
 * The product halves of a cycle are called here outside Temporal, so every call is a first attempt, as the
 * next hourly cycle is after a cycle that gave up. A fault the sandboxes cannot cause at one exact record
 * (the worker's database gone between a create and its link) is put into the context the sync receives.
 */
describe('products whose sync was interrupted (real PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  let ctx: TenantContext;
  beforeAll(async () => {
    h = await startSyncHarness({ relations: 10, products: 12, sentInvoices: 0, seed: 5 });
    await h.activate();
    await h.waitForIdle();
    ctx = await h.system.contexts!.get(h.tenantId);
  });
  afterAll(async () => h?.close());

  const productLinks = async (where: string, value: string) =>
    (
      await h.system.pool.query(
        `SELECT snelstart_id, tribe_id, matched_by FROM record_links WHERE tenant_id = $1 AND entity = 'product' AND ${where} = $2`,
        [h.tenantId, value],
      )
    ).rows as { snelstart_id: string; tribe_id: string; matched_by: string }[];

  /** A new Tribe product like one the sync linked, so its unit and product group map to SnelStart. */
  const newTribeProduct = async (name: string, code: string): Promise<TribeProduct> => {
    const { rows } = await h.system.pool.query(
      `SELECT tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'product' LIMIT 1`,
      [h.tenantId],
    );
    const template = h.tribeTenant().get('Product', rows[0].tribe_id)!;
    const { ID: _id, ImportId: _importId, ...fields } = template;
    return h.tribeTenant().put('Product', { ...fields, Name: name, Code: code, IsInactive: false }) as never;
  };

  const newArtikel = (code: string, omschrijving: string): SnelStartArtikel => {
    const admin = h.snelstartAdmin();
    const template = admin.records('artikelen').find((a: Row) => !a.isNonActief)!;
    const { id: _id, modifiedOn: _modified, ...fields } = template;
    return admin.createAsUser('artikelen', { ...fields, artikelcode: code, omschrijving }) as never;
  };

  const withFailingLinkWrite = (base: TenantContext): TenantContext => {
    let failed = false;
    const links = new Proxy(base.links, {
      get(target, prop, receiver) {
        if (prop === 'upsert' || prop === 'insertIfAbsent')
          return async (...args: unknown[]) => {
            if (!failed) {
              failed = true;
              throw Object.assign(new Error('connection to the database lost'), { retryable: true });
            }
            return (Reflect.get(target, prop, receiver) as (...a: unknown[]) => unknown).apply(target, args);
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    return { ...base, links };
  };

  it('links each artikel created from a Tribe product at once, so a failure later in the page never brings it back as a new product', async () => {
    const first = await newTribeProduct('Onderbroken Artikel Een', 'ONDERBR-1');
    const second = await newTribeProduct('Onderbroken Artikel Twee', 'ONDERBR-2');
    let creates = 0;
    const failing: TenantContext = {
      ...ctx,
      snelstart: {
        ...ctx.snelstart,
        createArtikel: async (write) => {
          creates += 1;
          if (creates > 1) throw Object.assign(new Error('SnelStart unavailable'), { retryable: true });
          return ctx.snelstart.createArtikel(write);
        },
      },
    };
    await expect(syncProductsToSnelStart(failing, [first, second])).rejects.toThrow('SnelStart unavailable');

    const artikel = h
      .snelstartAdmin()
      .records('artikelen')
      .find((a: Row) => a.artikelcode === 'ONDERBR-1')!;
    expect(await productLinks('snelstart_id', String(artikel.id))).toEqual([
      { snelstart_id: artikel.id, tribe_id: first.ID, matched_by: 'created-in-snelstart' },
    ]);
    // The next cycle reads SnelStart first: the artikel is linked, so no second Tribe product appears.
    await syncArtikelenToTribe(ctx, [artikel as never], { recover: false });
    await syncProductsToSnelStart(ctx, [first, second]);
    const named = h
      .tribeTenant()
      .list('Product')
      .filter((p) => String(p.Name).startsWith('Onderbroken Artikel'));
    expect(named.map((p) => p.ID).sort()).toEqual([first.ID, second.ID].sort());
    expect(
      h
        .snelstartAdmin()
        .records('artikelen')
        .filter((a: Row) => String(a.artikelcode).startsWith('ONDERBR-')),
    ).toHaveLength(2);
  });

  it('does not create a Tribe product again when the cycle that created it lost its link and gave up', async () => {
    const artikel = newArtikel('VERLOREN-1', 'Verloren Koppeling');
    await expect(
      syncArtikelenToTribe(withFailingLinkWrite(ctx), [artikel], { recover: false }),
    ).rejects.toThrow('connection to the database lost');
    const importId = `snelstart:artikel:${artikel.id}`;
    expect(
      h
        .tribeTenant()
        .list('Product')
        .filter((p) => p.ImportId === importId),
    ).toHaveLength(1);

    // A first attempt again (the next hourly cycle): the open intent makes it look the product up.
    const counts = await syncArtikelenToTribe(ctx, [artikel], { recover: false });
    const created = h
      .tribeTenant()
      .list('Product')
      .filter((p) => p.ImportId === importId);
    expect(created).toHaveLength(1);
    expect(await productLinks('snelstart_id', artikel.id)).toEqual([
      { snelstart_id: artikel.id, tribe_id: created[0]!.ID, matched_by: 'created-in-tribe' },
    ]);
    expect(counts.failed).toBe(0);
    const { rows } = await h.system.pool.query(
      'SELECT count(*)::int AS n FROM product_create_intents WHERE tenant_id = $1',
      [h.tenantId],
    );
    expect(rows[0].n).toBe(0);
  });

  it('lists a Tribe product whose code the artikel of another linked product already has, and leaves that link alone', async () => {
    const [link] = (
      await h.system.pool.query(
        `SELECT snelstart_id, tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'product' AND matched_by = 'created-in-tribe' LIMIT 1`,
        [h.tenantId],
      )
    ).rows as { snelstart_id: string; tribe_id: string }[];
    const artikel = h.snelstartAdmin().record('artikelen', link!.snelstart_id)!;
    const artikelen = h.snelstartAdmin().records('artikelen').length;
    const taken = await newTribeProduct('Ander Product Zelfde Code', String(artikel.artikelcode));

    const counts = await syncProductsToSnelStart(ctx, [taken]);

    expect(counts.failed).toBe(1);
    expect(await productLinks('snelstart_id', link!.snelstart_id)).toEqual([
      { snelstart_id: link!.snelstart_id, tribe_id: link!.tribe_id, matched_by: 'created-in-tribe' },
    ]);
    expect(await productLinks('tribe_id', taken.ID)).toEqual([]);
    expect(h.snelstartAdmin().records('artikelen')).toHaveLength(artikelen);
    const failure = (await h.system.health.listOpenFailures(h.tenantId)).find((f) => f.recordId === taken.ID);
    expect(failure?.reason).toContain(
      `artikelcode "${String(artikel.artikelcode)}" is already used by SnelStart artikel "${String(artikel.omschrijving)}", which is linked to Tribe product ${link!.tribe_id}`,
    );
  });
});
