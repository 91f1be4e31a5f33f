import { organisationRolesWorkflowId } from '../../client/temporal-client';
import { startSyncHarness, until, type SyncHarness } from '../helpers/sync-harness';

type Row = Record<string, unknown>;

const writes = (h: SyncHarness) => {
  const snelstart = h.demo.snelstart.stats(h.demo.koppelsleutel).byRoute;
  const tribe = h.demo.tribe.stats().tenants[h.demo.tribeClientId]?.byMethod ?? {};
  const count = (routes: Record<string, number>, methods: string[]) =>
    Object.entries(routes)
      .filter(([route]) => methods.some((method) => route.startsWith(method)))
      .reduce((sum, [, n]) => sum + n, 0);
  return { snelstart: count(snelstart, ['POST', 'PUT']), tribe: count(tribe, ['POST', 'PUT', 'PATCH']) };
};

async function linkOf(h: SyncHarness, matchedBy: string, role = 'Klant') {
  const { rows } = await h.system.pool.query(
    `SELECT snelstart_id, tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'relation' AND matched_by = $2 AND role = $3
     AND tribe_id IN (SELECT tribe_id FROM record_links WHERE tenant_id = $1 GROUP BY tribe_id HAVING count(*) = 1) LIMIT 1`,
    [h.tenantId, matchedBy, role],
  );
  return rows[0] as { snelstart_id: string; tribe_id: string };
}

describe('continuous two-way sync (real Temporal, PostgreSQL, sandboxes over HTTP)', () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({ relations: 80, products: 30, sentInvoices: 0, seed: 3 });
    await h.activate();
    await h.waitForIdle();
    await h.cycle();
  });
  afterAll(async () => h?.close());

  it('does not echo its own writes: quiet cycles write nothing on either side', async () => {
    await h.cycle();
    const before = writes(h);
    for (let i = 0; i < 3; i += 1) await h.cycle();
    expect(writes(h)).toEqual(before);
  });

  it('merges a relation changed on both sides: one-sided fields flow, a true conflict keeps SnelStart and is logged', async () => {
    const link = await linkOf(h, 'created-in-tribe');
    const admin = h.snelstartAdmin();
    const tribe = h.tribeTenant();
    admin.editAsUser('relaties', link.snelstart_id, {
      telefoon: '020 123 4567',
      naam: 'Naam uit SnelStart BV',
    });
    tribe.put('Relation_Organization', {
      ID: link.tribe_id,
      Website: 'https://crm.example.nl',
      Name: 'Naam uit Tribe BV',
    });
    await h.cycle();

    const org = tribe.get('Relation_Organization', link.tribe_id)!;
    const relatie = admin.record('relaties', link.snelstart_id)!;
    expect(org.PhoneNumber).toBe('020 123 4567');
    expect(relatie.websiteUrl).toBe('https://crm.example.nl');
    expect(org.Name).toBe('Naam uit SnelStart BV');
    expect(relatie.naam).toBe('Naam uit SnelStart BV');
    const { rows } = await h.system.pool.query(
      `SELECT details FROM audit_log WHERE tenant_id = $1 AND kind = 'conflict' AND record_id = $2`,
      [h.tenantId, link.snelstart_id],
    );
    expect(JSON.stringify(rows.map((row) => row.details))).toContain('Naam uit Tribe BV');
  });

  it('picks up a change written in the same second as the cursor', async () => {
    const link = await linkOf(h, 'created-in-tribe');
    const { rows } = await h.system.pool.query(
      `SELECT position FROM sync_cursors WHERE tenant_id = $1 AND stream = 'snelstart.relaties'`,
      [h.tenantId],
    );
    const stored = rows[0].position as string;
    const cursor = stored.startsWith('{') ? (JSON.parse(stored) as { position: string }).position : stored;
    const admin = h.snelstartAdmin();
    const relatie = admin.record('relaties', link.snelstart_id)!;
    // Rewrite the record with exactly the cursor's timestamp, as a change committed in that same second.
    admin.seed({ relaties: [{ ...relatie, telefoon: '030 765 4321', modifiedOn: cursor }] } as never, {
      replace: false,
    });
    await h.cycle();
    expect(h.tribeTenant().get('Relation_Organization', link.tribe_id)!.PhoneNumber).toBe('030 765 4321');
  });

  it('creates a new Tribe customer in SnelStart without a number and writes the assigned number back', async () => {
    const tribe = h.tribeTenant();
    const org = tribe.put('Relation_Organization', {
      Name: 'Nieuwe Klant Uit Tribe B.V.',
      EmailAddress: 'info@nieuweklant.nl',
      VisitingAddress: {
        Street: 'Kerkstraat',
        HouseNumber: 12,
        HouseNumberSuffix: 'A',
        Postalcode: '1017 GC',
        City: 'Amsterdam',
      },
    });
    tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
      Organization: { ID: org.ID },
      Relation: { ID: tribe.ownOrganizationId },
    });
    tribe.put('Relation_Organization', { ID: org.ID, PhoneNumber: '010 111 2222' });
    await h.cycle();

    const created = h
      .snelstartAdmin()
      .records('relaties')
      .filter((r: Row) => r.naam === 'Nieuwe Klant Uit Tribe B.V.');
    expect(created).toHaveLength(1);
    expect(created[0]!.relatiesoort).toEqual(['Klant']);
    const debtor = tribe.get('Relation_Organization', String(org.ID))!.DebtorNumber;
    expect(debtor).toBe(String(created[0]!.relatiecode));
    await h.cycle();
    expect(
      h
        .snelstartAdmin()
        .records('relaties')
        .filter((r: Row) => r.naam === 'Nieuwe Klant Uit Tribe B.V.'),
    ).toHaveLength(1);
  });

  it('does not create a Tribe customer in SnelStart a second time next to its inactive relatie, and links them once it is reactivated', async () => {
    const admin = h.snelstartAdmin();
    const tribe = h.tribeTenant();
    const nl = admin.records('landen').find((land: Row) => land.landcode === 'NL')!;
    const relatie = admin.createAsUser('relaties', {
      relatiesoort: ['Klant'],
      naam: 'Slapende Klant B.V.',
      nonactief: true,
      vestigingsAdres: {
        straat: 'Stationsplein 4',
        postcode: '5611AB',
        plaats: 'Eindhoven',
        land: { id: nl.id },
      },
    });
    await h.cycle();
    const org = tribe.put('Relation_Organization', {
      Name: 'Slapende Klant BV',
      VisitingAddress: { Street: 'Stationsplein', HouseNumber: 4, Postalcode: '5611 AB', City: 'Eindhoven' },
    });
    tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
      Organization: { ID: org.ID },
      Relation: { ID: tribe.ownOrganizationId },
    });
    tribe.put('Relation_Organization', { ID: org.ID, PhoneNumber: '040 123 4567' });
    const relaties = admin.records('relaties').length;
    await h.cycle();

    expect(admin.records('relaties')).toHaveLength(relaties);
    const failure = (await h.system.health.listOpenFailures(h.tenantId)).find((f) => f.recordId === org.ID);
    expect(failure?.reason).toContain(`relatie ${relatie.relatiecode} "Slapende Klant B.V."`);
    expect(failure?.reason).toMatch(/inactive\. Reactivate it in SnelStart/);

    admin.editAsUser('relaties', String(relatie.id), { nonactief: false });
    await h.cycle();
    const { rows } = await h.system.pool.query(
      `SELECT tribe_id, matched_by FROM record_links WHERE tenant_id = $1 AND snelstart_id = $2`,
      [h.tenantId, relatie.id],
    );
    expect(rows).toEqual([{ tribe_id: org.ID, matched_by: 'name-address' }]);
    expect(admin.records('relaties')).toHaveLength(relaties);
    const open = await h.system.health.listOpenFailures(h.tenantId);
    expect(open.some((f) => f.recordId === org.ID)).toBe(false);
  });

  it('does not create a second relatie for a duplicate Tribe organisation of a linked customer', async () => {
    const link = await linkOf(h, 'number');
    const tribe = h.tribeTenant();
    const linked = tribe.get('Relation_Organization', link.tribe_id)!;
    // The same debtor number and the same name in another spelling, no address.
    const duplicate = tribe.put('Relation_Organization', {
      Name: ` ${String(linked.Name).toUpperCase()} `,
      DebtorNumber: `0${String(linked.DebtorNumber)}`,
    });
    tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
      Organization: { ID: duplicate.ID },
      Relation: { ID: tribe.ownOrganizationId },
    });
    tribe.put('Relation_Organization', { ID: duplicate.ID, PhoneNumber: '050 999 8888' });
    const relaties = h.snelstartAdmin().records('relaties').length;
    await h.cycle();

    expect(h.snelstartAdmin().records('relaties')).toHaveLength(relaties);
    const failure = (await h.system.health.listOpenFailures(h.tenantId)).find(
      (f) => f.recordId === duplicate.ID,
    );
    expect(failure?.reason).toContain(`is already linked to Tribe organisation ${link.tribe_id}`);
  });

  it("creates a new customer whose Tribe-given debtor number is another relatie's relatiecode, and overwrites that number", async () => {
    const link = await linkOf(h, 'number');
    const tribe = h.tribeTenant();
    const taken = String(tribe.get('Relation_Organization', link.tribe_id)!.DebtorNumber);
    const org = tribe.put('Relation_Organization', {
      Name: 'Nummerbotsing Techniek B.V.',
      DebtorNumber: taken,
      VisitingAddress: { Street: 'Industrieweg', HouseNumber: 77, Postalcode: '7544 DA', City: 'Enschede' },
    });
    tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
      Organization: { ID: org.ID },
      Relation: { ID: tribe.ownOrganizationId },
    });
    tribe.put('Relation_Organization', { ID: org.ID, PhoneNumber: '053 111 2233' });
    await h.cycle();

    const created = h
      .snelstartAdmin()
      .records('relaties')
      .filter((r: Row) => r.naam === 'Nummerbotsing Techniek B.V.');
    expect(created).toHaveLength(1);
    expect(String(created[0]!.relatiecode)).not.toBe(taken);
    expect(tribe.get('Relation_Organization', String(org.ID))!.DebtorNumber).toBe(
      String(created[0]!.relatiecode),
    );
    const open = await h.system.health.listOpenFailures(h.tenantId);
    expect(open.some((f) => f.recordId === org.ID)).toBe(false);
  });

  it('creates one relatie for two alike Tribe organisations changed in the same cycle, and lists the other', async () => {
    const tribe = h.tribeTenant();
    const make = (name: string) => {
      const org = tribe.put('Relation_Organization', {
        Name: name,
        VisitingAddress: { Street: 'Marktplein', HouseNumber: 3, Postalcode: '2611 GW', City: 'Delft' },
      });
      tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
        Organization: { ID: org.ID },
        Relation: { ID: tribe.ownOrganizationId },
      });
      return String(org.ID);
    };
    const ids = [
      make('Tweeling Catering B.V.'),
      make('Tweeling Catering BV'),
      make('tweeling catering b.v.'),
    ];
    for (const id of ids) tribe.put('Relation_Organization', { ID: id, PhoneNumber: '015 212 1212' });
    await h.cycle();

    const created = h
      .snelstartAdmin()
      .records('relaties')
      .filter((r: Row) => /tweeling catering/i.test(String(r.naam)));
    expect(created).toHaveLength(1);
    const { rows } = await h.system.pool.query(
      `SELECT tribe_id FROM record_links WHERE tenant_id = $1 AND snelstart_id = $2`,
      [h.tenantId, created[0]!.id],
    );
    expect(rows).toHaveLength(1);
    const open = await h.system.health.listOpenFailures(h.tenantId);
    const listed = ids.filter((id) => id !== rows[0].tribe_id);
    for (const id of listed)
      expect(open.find((f) => f.recordId === id)?.reason).toContain(
        `is already linked to Tribe organisation ${rows[0].tribe_id}`,
      );
  });

  it('gives a customer-and-supplier organisation neither role while one is in doubt, then both', async () => {
    const admin = h.snelstartAdmin();
    const tribe = h.tribeTenant();
    const nl = admin.records('landen').find((land: Row) => land.landcode === 'NL')!;
    const leverancier = admin.createAsUser('relaties', {
      relatiesoort: ['Leverancier'],
      naam: 'Tweerol Groothandel B.V.',
      nonactief: true,
      vestigingsAdres: { straat: 'Kanaaldijk 21', postcode: '5683CR', plaats: 'Best', land: { id: nl.id } },
    });
    await h.cycle();
    const org = tribe.put('Relation_Organization', {
      Name: 'Tweerol Groothandel BV',
      VisitingAddress: { Street: 'Kanaaldijk', HouseNumber: 21, Postalcode: '5683 CR', City: 'Best' },
    });
    for (const set of [
      'Relationship_Organization_Supplier',
      'Relationship_Organization_CommercialRelationship_Customer',
    ])
      tribe.put(set, { Organization: { ID: org.ID }, Relation: { ID: tribe.ownOrganizationId } });
    tribe.put('Relation_Organization', { ID: org.ID, PhoneNumber: '0499 33 44 55' });
    const relaties = admin.records('relaties').length;
    await h.cycle();

    // The Leverancier is in doubt (inactive), so not even the Klant is created.
    expect(admin.records('relaties')).toHaveLength(relaties);
    const failure = (await h.system.health.listOpenFailures(h.tenantId)).find((f) => f.recordId === org.ID);
    expect(failure?.reason).toMatch(/duplicate Leverancier.*inactive/);

    admin.editAsUser('relaties', String(leverancier.id), { nonactief: false });
    await h.cycle();
    const { rows } = await h.system.pool.query(
      `SELECT snelstart_id, role FROM record_links WHERE tenant_id = $1 AND tribe_id = $2 ORDER BY role`,
      [h.tenantId, org.ID],
    );
    expect(rows.map((row) => row.role)).toEqual(['Klant', 'Leverancier']);
    expect(rows[1].snelstart_id).toBe(leverancier.id);
    const klant = admin.records('relaties').find((r: Row) => r.id === rows[0].snelstart_id)!;
    expect(klant.relatiesoort).toEqual(['Klant']);
    expect(admin.records('relaties')).toHaveLength(relaties + 1);
    const after = tribe.get('Relation_Organization', String(org.ID))!;
    expect(after.DebtorNumber).toBe(String(klant.relatiecode));
    expect(after.CreditorNumber).toBe(String(leverancier.relatiecode));
    const open = await h.system.health.listOpenFailures(h.tenantId);
    expect(open.some((f) => f.recordId === org.ID)).toBe(false);
  });

  it('gives SnelStart the supplier role a linked customer gets in Tribe, on its webhook, without waiting for a cycle', async () => {
    const link = await linkOf(h, 'number');
    const tribe = h.tribeTenant();
    const admin = h.snelstartAdmin();
    const org = tribe.get('Relation_Organization', link.tribe_id)!;
    const relaties = admin.records('relaties').length;
    // Only the role is added: the organisation itself does not change.
    tribe.put('Relationship_Organization_Supplier', {
      Organization: { ID: org.ID },
      Relation: { ID: tribe.ownOrganizationId },
    });
    const leverancierLink = async () =>
      (
        await h.system.pool.query(
          `SELECT snelstart_id FROM record_links WHERE tenant_id = $1 AND tribe_id = $2 AND role = 'Leverancier'`,
          [h.tenantId, org.ID],
        )
      ).rows[0] as { snelstart_id: string } | undefined;
    await until(async () => (await leverancierLink()) !== undefined, 30_000, 'the Leverancier link');

    const leverancierId = (await leverancierLink())!.snelstart_id;
    const leverancier = admin.records('relaties').find((r: Row) => r.id === leverancierId)!;
    expect(leverancier.relatiesoort).toEqual(['Leverancier']);
    expect(leverancier.naam).toBe(org.Name);
    expect(tribe.get('Relation_Organization', String(org.ID))!.CreditorNumber).toBe(
      String(leverancier.relatiecode),
    );
    expect(admin.records('relaties')).toHaveLength(relaties + 1);
    await h.cycle();
    expect(admin.records('relaties')).toHaveLength(relaties + 1);
  });

  it('links the relatie an interrupted create left in SnelStart instead of creating it again', async () => {
    const tribe = h.tribeTenant();
    const admin = h.snelstartAdmin();
    // No address and no number: nothing but the record of the interrupted create can find it again.
    const org = tribe.put('Relation_Organization', { Name: 'Onderbroken Levering B.V.' });
    const left = admin.createAsUser('relaties', {
      relatiesoort: ['Klant'],
      naam: 'Onderbroken Levering B.V.',
    });
    await h.system.pool.query(
      `INSERT INTO relatie_create_intents (tenant_id, tribe_id, role, naam, started_at)
       VALUES ($1, $2, 'Klant', 'Onderbroken Levering B.V.', now() - interval '2 minutes')`,
      [h.tenantId, org.ID],
    );
    const relaties = admin.records('relaties').length;
    tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
      Organization: { ID: org.ID },
      Relation: { ID: tribe.ownOrganizationId },
    });
    const linkOfOrg = async () =>
      (
        await h.system.pool.query(
          `SELECT snelstart_id FROM record_links WHERE tenant_id = $1 AND tribe_id = $2`,
          [h.tenantId, org.ID],
        )
      ).rows as { snelstart_id: string }[];
    await until(async () => (await linkOfOrg()).length > 0, 30_000, 'the link');

    expect(await linkOfOrg()).toEqual([{ snelstart_id: left.id }]);
    expect(admin.records('relaties')).toHaveLength(relaties);
    const { rows } = await h.system.pool.query(
      'SELECT count(*)::int AS n FROM relatie_create_intents WHERE tenant_id = $1 AND tribe_id = $2',
      [h.tenantId, org.ID],
    );
    expect(rows[0].n).toBe(0);
  });

  it('links the relatie an interrupted create left to its organisation when a cycle reads SnelStart before the organisation', async () => {
    const tribe = h.tribeTenant();
    const admin = h.snelstartAdmin();
    const tenantStatus = async () => (await h.system.tenants.getTenant(h.tenantId)).status;
    // Paused, so the role's webhook is only kept and the next cycle is the first to look at the organisation.
    await h.system.operator.pause(h.tenantId);
    await until(async () => (await tenantStatus()) === 'paused');
    const org = tribe.put('Relation_Organization', { Name: 'Halverwege Gestopt B.V.' });
    const role = tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
      Organization: { ID: org.ID },
      Relation: { ID: tribe.ownOrganizationId },
    });
    const roles = h.system.workflows.client.workflow.getHandle(
      organisationRolesWorkflowId(h.tenantId, String(role.ID)),
    );
    await until(
      async () => (await roles.describe().catch(() => null))?.status.name === 'COMPLETED',
      30_000,
      'the role webhook to be handled',
    );
    // What the interrupted cycle left: the relatie in SnelStart and its intent, no link.
    const left = admin.createAsUser('relaties', { relatiesoort: ['Klant'], naam: 'Halverwege Gestopt B.V.' });
    await h.system.pool.query(
      `INSERT INTO relatie_create_intents (tenant_id, tribe_id, role, naam, started_at)
       VALUES ($1, $2, 'Klant', 'Halverwege Gestopt B.V.', now() - interval '1 minute')`,
      [h.tenantId, org.ID],
    );
    const organisations = tribe.list('Relation_Organization').length;
    const relaties = admin.records('relaties').length;
    await h.system.operator.resume(h.tenantId);
    await until(async () => (await tenantStatus()) === 'active');
    await h.cycle();

    const { rows } = await h.system.pool.query(
      `SELECT tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'relation' AND (snelstart_id = $2 OR tribe_id = $3)`,
      [h.tenantId, left.id, org.ID],
    );
    expect(rows).toEqual([{ tribe_id: org.ID }]);
    expect(tribe.list('Relation_Organization')).toHaveLength(organisations);
    expect(admin.records('relaties')).toHaveLength(relaties);
    expect(tribe.get('Relation_Organization', String(org.ID))!.DebtorNumber).toBe(String(left.relatiecode));
    const intents = await h.system.pool.query(
      'SELECT count(*)::int AS n FROM relatie_create_intents WHERE tenant_id = $1',
      [h.tenantId],
    );
    expect(intents.rows[0].n).toBe(0);
  });

  it('does not take an inactive relatie of the same name at another address for what an old create intent made', async () => {
    const tribe = h.tribeTenant();
    const admin = h.snelstartAdmin();
    const nl = admin.records('landen').find((land: Row) => land.landcode === 'NL')!;
    const naam = 'Oude Poging Installatie B.V.';
    const org = tribe.put('Relation_Organization', {
      Name: naam,
      VisitingAddress: { Street: 'Lindelaan', HouseNumber: 8, Postalcode: '6711 AB', City: 'Ede' },
    });
    const other = admin.createAsUser('relaties', {
      relatiesoort: ['Klant'],
      naam,
      nonactief: true,
      vestigingsAdres: {
        straat: 'Beukenlaan 3',
        postcode: '9711AA',
        plaats: 'Groningen',
        land: { id: nl.id },
      },
    });
    // Left days ago by a create SnelStart refused.
    await h.system.pool.query(
      `INSERT INTO relatie_create_intents (tenant_id, tribe_id, role, naam, started_at)
       VALUES ($1, $2, 'Klant', $3, now() - interval '3 days')`,
      [h.tenantId, org.ID, naam],
    );
    tribe.put('Relationship_Organization_CommercialRelationship_Customer', {
      Organization: { ID: org.ID },
      Relation: { ID: tribe.ownOrganizationId },
    });
    tribe.put('Relation_Organization', { ID: org.ID, PhoneNumber: '0318 12 34 56' });
    await h.cycle();

    const { rows } = await h.system.pool.query(
      `SELECT snelstart_id FROM record_links WHERE tenant_id = $1 AND tribe_id = $2`,
      [h.tenantId, org.ID],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].snelstart_id).not.toBe(other.id);
    const created = admin.record('relaties', rows[0].snelstart_id)!;
    expect(created.naam).toBe(naam);
    expect((created.vestigingsAdres as Row).postcode).toMatch(/^6711 ?AB$/);
    const otherLinks = await h.system.pool.query(
      `SELECT 1 FROM record_links WHERE tenant_id = $1 AND snelstart_id = $2`,
      [h.tenantId, other.id],
    );
    expect(otherLinks.rows).toEqual([]);
  });

  it('deactivation in SnelStart: products become Inactive in Tribe, relations stay active', async () => {
    const { rows: products } = await h.system.pool.query(
      `SELECT snelstart_id, tribe_id FROM record_links WHERE tenant_id = $1 AND entity = 'product' LIMIT 1`,
      [h.tenantId],
    );
    const product = products[0]!;
    const link = await linkOf(h, 'number');
    h.snelstartAdmin().editAsUser('artikelen', product.snelstart_id, { isNonActief: true });
    h.snelstartAdmin().editAsUser('relaties', link.snelstart_id, { nonactief: true });
    await h.cycle();
    expect(h.tribeTenant().get('Product', product.tribe_id)!.IsInactive).toBe(true);
    expect(h.tribeTenant().get('Relation_Organization', link.tribe_id)!.IsActive).toBe(true);
  });

  it('never propagates a deletion', async () => {
    const link = await linkOf(h, 'name-address');
    const before = h.snelstartAdmin().records('relaties').length;
    h.tribeTenant().delete('Relation_Organization', link.tribe_id);
    await h.cycle();
    expect(h.snelstartAdmin().records('relaties')).toHaveLength(before);
    expect(h.snelstartAdmin().record('relaties', link.snelstart_id)).toBeDefined();
  });

  it('links a new relatie to the Tribe organisation whose postal address matches, creating none', async () => {
    const tribe = h.tribeTenant();
    const admin = h.snelstartAdmin();
    const org = tribe.put('Relation_Organization', {
      Name: 'Groothandel Postadres B.V.',
      VisitingAddress: { Street: 'Industrieweg', HouseNumber: 3, Postalcode: '9999 ZZ', City: 'Elders' },
      PostalAddress: { Street: 'Havenweg', HouseNumber: 17, Postalcode: '3011 AB', City: 'Rotterdam' },
    });
    const organisations = tribe.list('Relation_Organization').length;
    const nl = admin.records('landen').find((land: Row) => land.landcode === 'NL')!;
    const relatie = admin.createAsUser('relaties', {
      relatiesoort: ['Klant'],
      naam: 'Groothandel Postadres BV',
      vestigingsAdres: {
        straat: 'Havenweg 17',
        postcode: '3011ab',
        plaats: 'Rotterdam',
        land: { id: nl.id },
      },
    });
    await h.cycle();

    const { rows } = await h.system.pool.query(
      `SELECT tribe_id, matched_by FROM record_links WHERE tenant_id = $1 AND snelstart_id = $2`,
      [h.tenantId, relatie.id],
    );
    expect(rows).toEqual([{ tribe_id: org.ID, matched_by: 'name-address' }]);
    expect(tribe.list('Relation_Organization')).toHaveLength(organisations);
  });

  it('lists an ambiguous relatie as a failure with its reason, and links it after the cause is fixed and retried', async () => {
    const failures = await h.system.health.listOpenFailures(h.tenantId);
    const ambiguous = failures.find((f) => f.operation === 'match');
    expect(ambiguous).toBeDefined();
    const candidates = (ambiguous!.details as { candidates: string[] }).candidates;
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    // A person decides: the first candidate gets the debtor number, the other one is renamed.
    const relatie = h.snelstartAdmin().record('relaties', ambiguous!.recordId)!;
    h.tribeTenant().put('Relation_Organization', {
      ID: candidates[0],
      DebtorNumber: String(relatie.relatiecode),
    });
    h.tribeTenant().put('Relation_Organization', { ID: candidates[1], Name: 'Een andere organisatie' });
    await h.system.operator.retry(h.tenantId, ambiguous!.recordId);
    await until(async () => {
      const { rows } = await h.system.pool.query(
        `SELECT tribe_id FROM record_links WHERE tenant_id = $1 AND snelstart_id = $2`,
        [h.tenantId, ambiguous!.recordId],
      );
      return rows[0]?.tribe_id === candidates[0];
    });
    const open = await h.system.health.listOpenFailures(h.tenantId);
    expect(open.some((f) => f.recordId === ambiguous!.recordId)).toBe(false);
  });

  it('keeps every credential out of Temporal: no secret in any workflow history of the tenant', async () => {
    const secrets = [h.demo.koppelsleutel, h.demo.tribeClientSecret, h.demo.snelstart.subscriptionKey];
    let histories = 0;
    for await (const execution of h.system.workflows.client.workflow.list({
      query: `KoppelingTenantId = "${h.tenantId}"`,
    })) {
      const history = await h.system.workflows.client.workflow
        .getHandle(execution.workflowId, execution.runId)
        .fetchHistory();
      // Payloads are stored as bytes: decode them so a secret inside any input, result or failure is visible.
      const text = JSON.stringify(history, (_key, value: unknown) =>
        value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value,
      );
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).toContain(h.tenantId);
      histories += 1;
    }
    expect(histories).toBeGreaterThan(0);
  });

  it('keeps a role given in Tribe while paused and creates it in SnelStart, once, in the first cycle after resume', async () => {
    const tribe = h.tribeTenant();
    const admin = h.snelstartAdmin();
    const customer = await linkOf(h, 'created-in-tribe');
    const leveranciers = () =>
      admin
        .records('relaties')
        .filter(
          (relatie) =>
            (relatie.relatiesoort as string[] | undefined)?.includes('Leverancier') &&
            relatie.naam === tribe.get('Relation_Organization', customer.tribe_id)!.Name,
        );
    expect(leveranciers()).toHaveLength(0);
    await h.system.operator.pause(h.tenantId);
    await until(async () => (await h.system.tenants.getTenant(h.tenantId)).status === 'paused');

    const role = tribe.put('Relationship_Organization_Supplier', {
      Organization: { ID: customer.tribe_id },
      Relation: { ID: tribe.ownOrganizationId },
    });
    const review = h.system.workflows.client.workflow.getHandle(
      organisationRolesWorkflowId(h.tenantId, String(role.ID)),
    );
    await until(
      async () => (await review.describe().catch(() => null))?.status.name === 'COMPLETED',
      30_000,
      'the role webhook to be handled',
    );
    expect(await review.result()).toMatchObject({ outcome: 'kept-until-resumed' });
    expect(leveranciers()).toHaveLength(0);

    await h.system.operator.resume(h.tenantId);
    await until(async () => (await h.system.tenants.getTenant(h.tenantId)).status === 'active');
    await h.cycle();
    await h.cycle();

    expect(leveranciers()).toHaveLength(1);
    const { rows } = await h.system.pool.query(
      `SELECT snelstart_id FROM record_links WHERE tenant_id = $1 AND tribe_id = $2 AND role = 'Leverancier'`,
      [h.tenantId, customer.tribe_id],
    );
    expect(rows).toEqual([{ snelstart_id: leveranciers()[0]!.id }]);
    const pending = await h.system.pool.query(
      'SELECT count(*)::int AS n FROM pending_role_changes WHERE tenant_id = $1',
      [h.tenantId],
    );
    expect(pending.rows[0].n).toBe(0);
  });

  it('pauses, resumes and deactivates by signal, keeping all data', async () => {
    await h.system.operator.pause(h.tenantId);
    await until(async () => (await h.system.workflows.status(h.tenantId))?.phase === 'paused');
    await until(async () => (await h.system.tenants.getTenant(h.tenantId)).status === 'paused');
    const cycles = (await h.system.workflows.status(h.tenantId))!.cycles;
    await h.system.workflows.syncNow(h.tenantId);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await h.system.workflows.status(h.tenantId))!.cycles).toBe(cycles);

    await h.system.operator.resume(h.tenantId);
    await until(async () => ((await h.system.workflows.status(h.tenantId))?.cycles ?? 0) > cycles);

    const relaties = h.snelstartAdmin().records('relaties').length;
    const organisations = h.tribeTenant().list('Relation_Organization').length;
    await h.system.operator.deactivate(h.tenantId);
    await until(async () => (await h.system.tenants.getTenant(h.tenantId)).status === 'deactivated');
    expect(await h.system.workflows.isRunning(h.tenantId)).toBe(false);
    expect(h.snelstartAdmin().records('relaties')).toHaveLength(relaties);
    expect(h.tribeTenant().list('Relation_Organization')).toHaveLength(organisations);
    await expect(h.system.operator.pause(h.tenantId)).rejects.toThrow(/deactivated/);
  });
});
