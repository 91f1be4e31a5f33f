import { z } from 'zod';
import {
  collectPages,
  TribeApiError,
  TribeClient,
  TribeInputError,
  TribeResponseError,
  type TribeCallInfo,
} from '../../api-clients/tribe';
import { startTribeSandbox, type TribeSandbox, type TribeSandboxTenant } from '../../sandboxes/tribe';

describe('TribeClient against the sandbox', () => {
  let sandbox: TribeSandbox;
  let tenant: TribeSandboxTenant;
  let client: TribeClient;
  const calls: TribeCallInfo[] = [];

  beforeAll(async () => {
    sandbox = await startTribeSandbox({
      tenants: [{ clientId: 'client-test', clientSecret: 'client-test-secret' }],
    });
    tenant = sandbox.tenant('client-test');
    client = new TribeClient({
      apiUrl: sandbox.apiUrl,
      tokenUrl: sandbox.tokenUrl,
      clientId: 'client-test',
      clientSecret: 'client-test-secret',
      onCall: (call) => calls.push(call),
    });
  });

  afterAll(() => sandbox.close());

  const idOf = (set: string, code: string) => tenant.findByCode(set, code)!.ID as string;

  it('finds the own organisation once and caches it', async () => {
    const before = client.callCount;
    expect(await client.ownOrganizationId()).toBe(tenant.ownOrganizationId);
    expect(await client.ownOrganizationId()).toBe(tenant.ownOrganizationId);
    expect(client.callCount - before).toBe(1);
    expect(calls.filter((call) => call.kind === 'token')).toHaveLength(1);
  });

  it('lists the datastores the mappings are built from', async () => {
    const vatGroups = await client.datastores.vatGroups();
    expect(vatGroups.map((row) => [row.Code, row.Percentage])).toEqual([
      ['NL-21', 21],
      ['NL-9', 9],
      ['NL-0', 0],
      ['NL-VERLEGD', 0],
    ]);
    expect(await client.datastores.generalLedgerAccounts()).toContainEqual(
      expect.objectContaining({ Code: '8000', Name: 'Omzet hoog' }),
    );
    expect((await client.datastores.countries()).map((row) => row.Code)).toEqual(
      expect.arrayContaining(['NL', 'BE', 'DE']),
    );
    expect((await client.datastores.addressTypes()).map((row) => row.Code)).toEqual([
      'Visiting',
      'Postal',
      'Invoice',
    ]);
    expect((await client.datastores.relationshipTypes()).map((row) => row.Code)).toContain(
      'Relationship_Organization_Supplier',
    );
    expect((await client.datastores.units()).map((row) => row.Code)).toContain('STUK');
    expect((await client.datastores.productGroups()).length).toBeGreaterThan(0);
    expect((await client.datastores.phases('invoice')).map((row) => row.Code)).toEqual([
      'Draft',
      'Sent',
      'Paid',
    ]);
    expect((await client.datastores.phases('salesOrder')).map((row) => row.Name)).toEqual([
      'Open',
      'Gekoppeld',
      'Geleverd',
    ]);
    expect((await client.datastores.phases('subscription')).map((row) => row.Code)).toEqual([
      'Draft',
      'Active',
      'Stopped',
    ]);
  });

  it('creates, reads and updates an organisation with its addresses', async () => {
    const created = await client.organizations.create({
      Name: "O'Brien & Zn. B.V.",
      DebtorNumber: '2001',
      ImportId: 'snelstart:relatie:7',
      VisitingAddress: {
        Street: 'Kerkstraat',
        HouseNumber: 12,
        HouseNumberSuffix: 'a',
        Postalcode: '1234 AB',
        City: 'Utrecht',
        Country: { ID: idOf('Datastore_Country', 'NL') },
      },
    });
    expect(created.VisitingAddress?.ID).toEqual(expect.any(String));

    const read = await client.organizations.get(created.ID);
    expect(read).toMatchObject({
      Name: "O'Brien & Zn. B.V.",
      VisitingAddress: { Street: 'Kerkstraat', Country: { Code: 'NL' }, AddressType: { Code: 'Visiting' } },
      PostalAddress: null,
    });

    const updated = await client.organizations.update(created.ID, {
      PhoneNumber: '030-1234567',
      VisitingAddress: { ID: created.VisitingAddress!.ID, City: 'Nijmegen' },
      PostalAddress: {
        Street: 'Postbus',
        HouseNumber: 5,
        City: 'Utrecht',
        Country: { ID: idOf('Datastore_Country', 'NL') },
      },
    });
    expect(updated.VisitingAddress?.ID).toBe(created.VisitingAddress!.ID);
    expect(Date.parse(updated.LastMutationDate)).toBeGreaterThan(Date.parse(created.LastMutationDate));
    expect(await client.organizations.get(created.ID)).toMatchObject({
      PhoneNumber: '030-1234567',
      VisitingAddress: { City: 'Nijmegen', Street: 'Kerkstraat' },
      PostalAddress: { Street: 'Postbus', AddressType: { Code: 'Postal' } },
    });

    expect((await client.organizations.findByDebtorNumber('2001')).map((row) => row.ID)).toEqual([
      created.ID,
    ]);
    expect((await client.organizations.findByImportId('snelstart:relatie:7')).map((row) => row.ID)).toEqual([
      created.ID,
    ]);
    expect(await client.organizations.findByCreditorNumber('2001')).toEqual([]);
    expect(await client.organizations.get('00000000-0000-4000-8000-000000000404')).toBeNull();
  });

  it('looks many organisations up in batched requests', async () => {
    const created = [];
    for (let i = 0; i < 250; i++) {
      created.push(
        await client.organizations.create({ Name: `Batch ${i}`, CreditorNumber: String(7000 + i) }),
      );
    }
    const before = client.callCount;
    const byId = await client.organizations.getMany(created.map((organization) => organization.ID));
    expect(byId.items).toHaveLength(250);
    // 100 look-up terms per request keep the URL well under common limits.
    expect(client.callCount - before).toBe(3);
    const byNumber = await client.organizations.findByCreditorNumbers(['7000', '7059', '9999']);
    expect(byNumber.items.map((row) => row.Name).sort()).toEqual(['Batch 0', 'Batch 59']);
    expect((await client.organizations.getMany([])).items).toEqual([]);
  });

  it('lists organisations changed since a cursor, page by page, resumable', async () => {
    const start = (await client.organizations.create({ Name: 'Cursor start' })).LastMutationDate;
    const names = Array.from({ length: 25 }, (_, i) => `Cursor ${i}`);
    for (const name of names) await client.organizations.create({ Name: name });

    const pages = [];
    for await (const page of client.organizations.modifiedSince(start, { pageSize: 10 })) pages.push(page);
    // Each page after the first starts at the last moment read, inclusively, and leaves that record out.
    expect(pages.map((page) => page.items.length)).toEqual([10, 9, 6]);
    expect(pages.flatMap((page) => page.items.map((row) => row.Name))).toEqual(names);
    expect(pages[2]!.cursor).toBe(pages[2]!.items.at(-1)!.LastMutationDate);

    const resumeFrom = pages[1]!.cursor;
    const rest = await collectPages(client.organizations.modifiedSince(resumeFrom));
    expect(rest.items.map((row) => row.Name)).toEqual(names.slice(19));
  });

  it('reads every record of one second, even more than a page holds, once each', async () => {
    const wholeSeconds = await startTribeSandbox({
      tenants: [{ clientId: 'seconds', clientSecret: 'seconds-secret' }],
    });
    try {
      const crm = wholeSeconds.tenant('seconds');
      crm.stampWholeSeconds();
      const secondsClient = new TribeClient({
        apiUrl: wholeSeconds.apiUrl,
        tokenUrl: wholeSeconds.tokenUrl,
        clientId: 'seconds',
        clientSecret: 'seconds-secret',
      });
      const before = new Date(Date.now() - 2_000).toISOString();
      const names = Array.from({ length: 60 }, (_, i) => `Seconde ${i}`);
      for (const name of names) crm.put('Relation_Organization', { Name: name });
      const stamps = new Set(crm.list('Relation_Organization').map((row) => row.LastMutationDate));
      // 60 records in at most a few seconds: some second holds more than one page of 7.
      expect(stamps.size).toBeLessThanOrEqual(3);

      const seen: string[] = [];
      for await (const page of secondsClient.organizations.modifiedSince(before, { pageSize: 7 }))
        seen.push(...page.items.map((row) => row.Name));
      expect(seen.filter((name) => name.startsWith('Seconde')).sort()).toEqual([...names].sort());
    } finally {
      await wholeSeconds.close();
    }
  });

  it('does not lose a record that changes while the listing runs', async () => {
    const start = (await client.organizations.create({ Name: 'Moving start' })).LastMutationDate;
    const first = await client.organizations.create({ Name: 'Moving 0' });
    for (let i = 1; i < 6; i++) await client.organizations.create({ Name: `Moving ${i}` });
    const seen: string[] = [];
    let updated = false;
    for await (const page of client.organizations.modifiedSince(start, { pageSize: 2 })) {
      seen.push(...page.items.map((row) => row.Name));
      if (!updated) {
        await client.organizations.update(first.ID, { Name: 'Moving 0 (edited)' });
        updated = true;
      }
    }
    expect(seen).toEqual([
      'Moving 0',
      'Moving 1',
      'Moving 2',
      'Moving 3',
      'Moving 4',
      'Moving 5',
      'Moving 0 (edited)',
    ]);
  });

  it('creates and lists customer and supplier relationships', async () => {
    const organization = await client.organizations.create({ Name: 'Rollen BV' });
    const customer = await client.relationships.createCustomer({
      Organization: { ID: organization.ID },
      PaymentTermInDays: 14,
    });
    expect(customer).toMatchObject({
      Organization: { ID: organization.ID },
      Relation: { ID: tenant.ownOrganizationId },
      PaymentTermInDays: 14,
    });
    const since = customer.LastMutationDate;
    const supplier = await client.relationships.createSupplier({ Organization: { ID: organization.ID } });

    const customers = await collectPages(client.relationships.customers({ organizationId: organization.ID }));
    expect(customers.items.map((row) => row.ID)).toEqual([customer.ID]);
    const suppliersSince = await collectPages(client.relationships.suppliers({ since }));
    expect(suppliersSince.items.map((row) => row.ID)).toEqual([supplier.ID]);
    const batch = await client.relationships.forOrganizations('Relationship_Organization_Supplier', [
      organization.ID,
    ]);
    expect(batch.items.map((row) => row.ID)).toEqual([supplier.ID]);
  });

  it('creates, updates, finds and lists products', async () => {
    const vat = idOf('Datastore_VatGroup', 'NL-21');
    const product = await client.products.create({
      Name: 'Koffiemachine',
      Code: 'KM-01',
      SalesPrice: 499.95,
      ImportId: 'snelstart:artikel:1',
      VatGroup: { ID: vat },
      Unit: { ID: idOf('Datastore_Unit', 'STUK') },
    });
    const updated = await client.products.update(product.ID, { IsInactive: true, SalesPrice: 449 });
    expect(updated).toMatchObject({
      Name: 'Koffiemachine',
      IsInactive: true,
      SalesPrice: 449,
      VatGroup: { ID: vat },
    });
    expect((await client.products.findByCode('KM-01')).map((row) => row.ID)).toEqual([product.ID]);
    expect((await client.products.findByImportId('snelstart:artikel:1')).map((row) => row.ID)).toEqual([
      product.ID,
    ]);
    expect((await client.products.get(product.ID))?.Code).toBe('KM-01');
    const changed = await collectPages(client.products.modifiedSince(product.LastMutationDate));
    expect(changed.items.map((row) => row.ID)).toEqual([product.ID]);
  });

  it('refuses invalid input before sending anything', async () => {
    const before = client.callCount;
    await expect(client.organizations.create({ Name: '  ' })).rejects.toThrow(TribeInputError);
    await expect(
      client.products.update('00000000-0000-4000-8000-000000000001', { Colour: 'red' } as never),
    ).rejects.toThrow(/Invalid input for Product/);
    await expect(client.organizations.get("1' or 'a' eq 'a")).rejects.toThrow(TribeInputError);
    expect(client.callCount).toBe(before);
  });

  it('reports server-side validation as a non-retryable TribeApiError', async () => {
    const error = await client.organizations
      .create({ Name: 'x', DebtorNumber: '1'.repeat(21) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TribeApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'ValidationError',
      retryable: false,
      unknownOutcome: undefined,
    });
    expect((error as Error).message).toMatch(/DebtorNumber is longer than 20 characters/);
  });

  it('reads sent invoices with lines and customer, and downloads their PDF', async () => {
    const organization = await client.organizations.create({ Name: 'Factuurklant BV', DebtorNumber: '3001' });
    const customer = await client.relationships.createCustomer({
      Organization: { ID: organization.ID },
      PaymentTermInDays: 14,
    });
    const product = await client.products.create({ Name: 'Uurtje', SalesPrice: 95 });
    const draft = tenant.put('Activity_Invoice', {
      Subject: 'Advies maart',
      Phase: { ID: idOf('Datastore_Phase_ActivityInvoice', 'Draft') },
      Relationship: { ID: customer.ID },
    });
    const line = tenant.put('ProductLine', {
      Activity: { ID: draft.ID },
      Product: { ID: product.ID },
      Description: 'Advies',
      Quantity: 4,
      Price: 95,
      VatGroup: { ID: idOf('Datastore_VatGroup', 'NL-21') },
      GeneralLedgerAccount: { ID: idOf('Datastore_GeneralLedgerAccount', '8000') },
    });
    const since = line.LastMutationDate as string;
    expect((await collectPages(client.invoices.inPhaseModifiedSince('Sent', since))).items).toEqual([]);

    tenant.sendInvoice(draft.ID as string, { date: '2026-03-31' });
    const sent = await collectPages(client.invoices.inPhaseModifiedSince('Sent', since));
    expect(sent.items).toHaveLength(1);
    const invoice = sent.items[0]!;
    expect(invoice).toMatchObject({
      Number: '2026-00001',
      InvoiceDate: '2026-03-31',
      DueDate: '2026-04-14',
      Currency: 'EUR',
      TotalExcludingVat: 380,
      VatAmount: 79.8,
      TotalIncludingVat: 459.8,
      Phase: { Code: 'Sent', Name: 'Verstuurd' },
      Relationship: { ID: customer.ID, Organization: { Name: 'Factuurklant BV', DebtorNumber: '3001' } },
    });
    expect(invoice.ProductLines).toEqual([
      expect.objectContaining({
        Description: 'Advies',
        Quantity: 4,
        TotalIncludingVat: 459.8,
        Product: expect.objectContaining({ ID: product.ID, Name: 'Uurtje' }),
        VatGroup: expect.objectContaining({ Code: 'NL-21', Percentage: 21 }),
        GeneralLedgerAccount: expect.objectContaining({ Code: '8000' }),
      }),
    ]);
    expect(await client.invoices.get(invoice.ID)).toEqual(invoice);

    const pdf = await client.invoices.document(invoice.ID);
    expect(pdf).toMatchObject({ fileName: 'Factuur 2026-00001.pdf', mimeType: 'application/pdf' });
    expect(pdf!.data.subarray(0, 8).toString()).toBe('%PDF-1.4');
    expect(pdf!.data.toString('latin1')).toContain('Factuur 2026-00001');
    expect(await client.invoices.document(customer.ID)).toBeNull();
  });

  it('downloads a 25 MB invoice PDF intact', async () => {
    const invoice = tenant.put('Activity_Invoice', { Subject: 'Groot' });
    tenant.sendInvoice(invoice.ID as string, { pdfSizeBytes: 25 * 1024 * 1024 });
    const pdf = await client.invoices.document(invoice.ID as string);
    expect(pdf!.data.length).toBe(25 * 1024 * 1024);
    expect(pdf!.data.subarray(-6).toString()).toBe('%%EOF\n');
  });

  it('reads linked sales orders with their document, and subscriptions', async () => {
    const order = tenant.put('Activity_SalesOrder', {
      Subject: 'Order',
      CustomerReference: 'PO-77',
      Phase: { ID: idOf('Datastore_Phase_ActivitySalesOrder', 'Open') },
    });
    tenant.linkSalesOrder(order.ID as string);
    const linked = await collectPages(client.salesOrders.inPhaseModifiedSince('Linked', null));
    expect(linked.items.map((row) => [row.ID, row.CustomerReference, row.Phase?.Name])).toEqual([
      [order.ID, 'PO-77', 'Gekoppeld'],
    ]);
    expect((await client.salesOrders.document(order.ID as string))?.fileName).toMatch(/^Verkooporder /);

    const subscription = tenant.put('Activity_Subscription', {
      Subject: 'Onderhoud',
      StartDate: '2026-01-01',
      Phase: { ID: idOf('Datastore_Phase_ActivitySubscription', 'Active') },
    });
    tenant.put('ProductLine', {
      Activity: { ID: subscription.ID },
      Description: 'Maandelijks',
      Quantity: 1,
      Price: 25,
    });
    expect(await client.subscriptions.get(subscription.ID as string)).toMatchObject({
      Subject: 'Onderhoud',
      Phase: { Code: 'Active' },
      ProductLines: [expect.objectContaining({ Description: 'Maandelijks', TotalExcludingVat: 25 })],
    });
  });

  it('reports a record that does not match the schema on its own, with the rest of the page intact', async () => {
    const withDebtor = z.object({ ID: z.string(), LastMutationDate: z.string(), DebtorNumber: z.string() });
    const listing = await collectPages(
      client.odata.modifiedSince('Relation_Organization', withDebtor, { pageSize: 50 }),
    );
    expect(listing.items.length).toBeGreaterThan(0);
    expect(listing.rejected.length).toBeGreaterThan(0);
    const [rejected] = listing.rejected;
    expect(rejected!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rejected!.error).toBeInstanceOf(TribeResponseError);
    expect(rejected!.error).toMatchObject({
      entitySet: 'Relation_Organization',
      path: expect.stringMatching(/^value\.\d+\.DebtorNumber$/),
    });
  });

  it('turns a malformed single response into a TribeResponseError naming the set and path', async () => {
    sandbox.addTenant({
      clientId: 'broken-identity',
      clientSecret: 'broken-identity-secret',
      seed: { Relationship_Organization_Identity: [{ Name: 'Zonder relatie', Relation: null }] },
    });
    const broken = new TribeClient({
      apiUrl: sandbox.apiUrl,
      tokenUrl: sandbox.tokenUrl,
      clientId: 'broken-identity',
      clientSecret: 'broken-identity-secret',
    });
    const error = await broken.ownOrganizationId().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TribeResponseError);
    expect(error).toMatchObject({
      entitySet: 'Relationship_Organization_Identity',
      path: 'value.0.Relation',
      retryable: false,
    });
  });
});
