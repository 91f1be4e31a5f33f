import axios, { type AxiosResponse } from 'axios';
import { startTribeSandbox, type TribeSandbox, type TribeSandboxTenant } from '../../sandboxes/tribe';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('Tribe sandbox writes', () => {
  let sandbox: TribeSandbox;
  let tenant: TribeSandboxTenant;
  let token: string;

  beforeAll(async () => {
    sandbox = await startTribeSandbox({ tenants: [{ clientId: 'writes', clientSecret: 'writes-secret' }] });
    tenant = sandbox.tenant('writes');
    const response = await axios.post(
      sandbox.tokenUrl,
      'grant_type=client_credentials&client_id=writes&client_secret=writes-secret',
      { proxy: false },
    );
    token = response.data.access_token;
  });

  afterAll(() => sandbox.close());

  function send(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<AxiosResponse> {
    return axios.request({
      method,
      url: `${sandbox.apiUrl}/${path}`,
      data: body,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
      validateStatus: () => true,
      proxy: false,
    });
  }

  const count = (set: string) => tenant.list(set).length;

  it('creates with POST (201): server assigns ID, dates, _Type and _Name', async () => {
    const response = await send('POST', 'Relation_Organization', {
      Name: 'Nieuw BV',
      DebtorNumber: '5001',
      ID: undefined,
    });
    expect(response.status).toBe(201);
    expect(response.data).toMatchObject({
      ID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      _Type: 'Relation.Organization',
      _Name: 'Nieuw BV',
      Name: 'Nieuw BV',
      DebtorNumber: '5001',
      IsActive: true,
    });
    expect(response.data.CreationDate).toMatch(ISO_MS);
    expect(response.data.LastMutationDate).toBe(response.data.CreationDate);
  });

  it('updates with POST carrying an existing ID (200), PUT and PATCH, changing only the given fields', async () => {
    const created = (
      await send('POST', 'Relation_Organization', { Name: 'Partial BV', PhoneNumber: '010-1234567' })
    ).data;
    const viaPost = await send('POST', 'Relation_Organization', { ID: created.ID, Website: 'partial.nl' });
    expect(viaPost.status).toBe(200);
    expect(viaPost.data).toMatchObject({
      Name: 'Partial BV',
      PhoneNumber: '010-1234567',
      Website: 'partial.nl',
    });
    expect(viaPost.data.CreationDate).toBe(created.CreationDate);
    expect(Date.parse(viaPost.data.LastMutationDate)).toBeGreaterThan(Date.parse(created.LastMutationDate));

    const viaPut = await send('PUT', `Relation_Organization(${created.ID})`, {
      PhoneNumber: null,
      IsActive: false,
    });
    expect(viaPut.status).toBe(200);
    expect(viaPut.data).toMatchObject({
      Name: 'Partial BV',
      PhoneNumber: null,
      Website: 'partial.nl',
      IsActive: false,
    });
    const viaPatch = await send('PATCH', `Relation_Organization(${created.ID})`, { Name: 'Renamed BV' });
    expect(viaPatch.data).toMatchObject({ Name: 'Renamed BV', _Name: 'Renamed BV', Website: 'partial.nl' });
  });

  it('deletes with DELETE (204); the record is gone afterwards', async () => {
    const created = (await send('POST', 'Product', { Name: 'Tijdelijk' })).data;
    expect((await send('DELETE', `Product(${created.ID})`)).status).toBe(204);
    expect((await send('GET', `Product(${created.ID})`)).status).toBe(404);
    expect((await send('DELETE', `Product(${created.ID})`)).status).toBe(404);
  });

  it.each([
    [
      'POST',
      'Relation_Organization',
      { ID: '00000000-0000-4000-8000-00000000dead', Name: 'x' },
      404,
      'NotFound',
    ],
    ['PUT', 'Relation_Organization(00000000-0000-4000-8000-00000000dead)', { Name: 'x' }, 404, 'NotFound'],
    ['PUT', 'Relation_Organization', { Name: 'x' }, 405, 'MethodNotAllowed'],
    ['DELETE', 'Relation_Organization', undefined, 405, 'MethodNotAllowed'],
    ['POST', 'Datastore_VatGroup', { Name: 'NL - 7%', Code: 'NL-7', Percentage: 7 }, 405, 'MethodNotAllowed'],
    ['POST', 'Relationship_Organization_Identity', { Name: 'x' }, 405, 'MethodNotAllowed'],
  ])('%s %s %j → %d', async (method, path, body, status, code) => {
    const response = await send(method, path, body);
    expect(response.status).toBe(status);
    expect(response.data.error.code).toBe(code);
  });

  it('stamps every write with a unique, strictly increasing LastMutationDate', async () => {
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => send('POST', 'Relation_Organization', { Name: `Burst ${i}` })),
    );
    const dates = responses.map((response) => response.data.LastMutationDate as string);
    expect(dates.every((date) => ISO_MS.test(date))).toBe(true);
    expect(new Set(dates).size).toBe(200);

    const organization = responses[0]!.data;
    let previous = Date.parse(organization.LastMutationDate);
    for (let i = 0; i < 20; i++) {
      const updated = (
        await send('PUT', `Relation_Organization(${organization.ID})`, { PhoneNumber: String(i) })
      ).data;
      const current = Date.parse(updated.LastMutationDate);
      expect(current).toBeGreaterThan(previous);
      previous = current;
    }
    const all = tenant
      .list('Relation_Organization')
      .map((record) => Date.parse(record.LastMutationDate as string));
    expect(new Set(all).size).toBe(all.length);
  });

  it('deep-inserts visiting and postal addresses with their organisation', async () => {
    const netherlands = tenant.findByCode('Datastore_Country', 'NL')!;
    const response = await send('POST', 'Relation_Organization', {
      Name: 'Adres BV',
      VisitingAddress: {
        Street: 'Kerkstraat',
        HouseNumber: 12,
        HouseNumberSuffix: 'A',
        Postalcode: '1234 AB',
        City: 'Utrecht',
        Country: { ID: netherlands.ID },
      },
      PostalAddress: { Street: 'Postbus', HouseNumber: 100, Postalcode: '1000 AA', City: 'Amsterdam' },
    });
    expect(response.status).toBe(201);
    const { VisitingAddress, PostalAddress } = response.data;
    const visiting = tenant.get('Address', VisitingAddress.ID)!;
    const postal = tenant.get('Address', PostalAddress.ID)!;
    expect(visiting).toMatchObject({
      Street: 'Kerkstraat',
      HouseNumberSuffix: 'A',
      Organization: { ID: response.data.ID },
      AddressType: { ID: tenant.findByCode('Datastore_AdressType', 'Visiting')!.ID },
      Country: { ID: netherlands.ID },
    });
    expect(postal).toMatchObject({
      City: 'Amsterdam',
      AddressType: { ID: tenant.findByCode('Datastore_AdressType', 'Postal')!.ID },
    });
    expect(Date.parse(visiting.LastMutationDate as string)).toBeLessThan(
      Date.parse(response.data.LastMutationDate),
    );

    const updated = await send('PUT', `Relation_Organization(${response.data.ID})`, {
      VisitingAddress: { ID: VisitingAddress.ID, City: 'Nijmegen' },
    });
    expect(updated.data.VisitingAddress).toEqual({ ID: VisitingAddress.ID });
    expect(tenant.get('Address', VisitingAddress.ID)).toMatchObject({
      Street: 'Kerkstraat',
      City: 'Nijmegen',
    });

    const expanded = await send(
      'GET',
      `Relation_Organization(${response.data.ID})?$expand=VisitingAddress($expand=Country),PostalAddress`,
    );
    expect(expanded.data.VisitingAddress).toMatchObject({ City: 'Nijmegen', Country: { Code: 'NL' } });
    expect(expanded.data.PostalAddress).toMatchObject({ Street: 'Postbus' });
  });

  it('deep-inserts the organisation of a new customer relationship', async () => {
    const response = await send('POST', 'Relationship_Organization_CommercialRelationship_Customer', {
      Relation: { ID: tenant.ownOrganizationId },
      Organization: { Name: 'Klant via relatie BV', PhoneNumber: '+31 20 123 4567' },
      PaymentTermInDays: 30,
    });
    expect(response.status).toBe(201);
    expect(tenant.get('Relation_Organization', response.data.Organization.ID)).toMatchObject({
      Name: 'Klant via relatie BV',
    });
  });

  it.each([
    [{ PhoneNumber: '1' }, /Relation\.Organization\.Name is required/],
    [{ Name: '   ' }, /Relation\.Organization\.Name is required/],
    [{ Name: null }, /Relation\.Organization\.Name is required/],
    [{ Name: 42 }, /Name must be a string, got 42/],
    [{ Name: 'x', DebtorNumber: 'D'.repeat(21) }, /DebtorNumber is longer than 20 characters \(21\)/],
    [{ Name: 'x'.repeat(256) }, /Name is longer than 255 characters/],
    [{ Name: 'x', Color: 'red' }, /Property 'Color' does not exist on type 'Relation\.Organization'/],
    [{ Name: 'x', VisitingAddress: '00000000-0000-4000-8000-000000000001' }, /must be a reference/],
    [
      { Name: 'x', VisitingAddress: { ID: '00000000-0000-4000-8000-00000000beef' } },
      /VisitingAddress refers to unknown ID/,
    ],
    [{ Name: 'x', VisitingAddress: { ID: 'not-a-guid' } }, /VisitingAddress\.ID must be a GUID/],
    [
      { Name: 'x', VisitingAddress: { HouseNumber: '12' } },
      /Address\.HouseNumber must be an integer, got "12"/,
    ],
    [{ Name: 'x', VisitingAddress: { HouseNumber: 12.5 } }, /HouseNumber must be an integer/],
    [
      { Name: 'x', VisitingAddress: { Country: { ID: '00000000-0000-4000-8000-00000000beef' } } },
      /Address\.Country refers to unknown ID/,
    ],
    [{ Name: 'x', IsActive: 'yes' }, /IsActive must be a boolean/],
  ])('rejects organisation %j with 400 and writes nothing', async (body, message) => {
    const before = [count('Relation_Organization'), count('Address')];
    const response = await send('POST', 'Relation_Organization', body);
    expect(response.status).toBe(400);
    expect(response.data.error.code).toBe('ValidationError');
    expect(response.data.error.message).toMatch(message);
    expect([count('Relation_Organization'), count('Address')]).toEqual(before);
  });

  it.each([
    ['Activity_Invoice', { InvoiceDate: '01-02-2026' }, /InvoiceDate must be a date \(YYYY-MM-DD\)/],
    ['Activity_Invoice', { Phase: { Code: 'Sent' } }, /Phase must be a reference/],
    ['Activity_Invoice', { ProductLines: [] }, /ProductLines is read-only/],
    ['Product', { Name: 'x', SalesPrice: '12.50' }, /SalesPrice must be a number/],
    [
      'Attachment',
      { File: { Name: 'a.pdf', MimeType: 'application/pdf', Data: 'not base64!' } },
      /File\.Data must be base64/,
    ],
    ['Attachment', { File: { Name: 'a.pdf', MimeType: 'pdf', Data: '' } }, /MimeType must be a media type/],
  ])('rejects %s %j with 400', async (set, body, message) => {
    const response = await send('POST', set, body);
    expect(response.status).toBe(400);
    expect(response.data.error.message).toMatch(message);
  });

  it('answers malformed JSON and non-object bodies in the error format', async () => {
    const malformed = await axios.post(`${sandbox.apiUrl}/Product`, '{"Name": ', {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      transformRequest: [(data: unknown) => data],
      validateStatus: () => true,
      proxy: false,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.data.error).toEqual({
      code: 'BadRequest',
      message: expect.stringMatching(/^Malformed JSON body/),
    });
    const array = await send('POST', 'Product', [{ Name: 'x' }]);
    expect(array.status).toBe(400);
    expect(array.data.error.message).toMatch(/must be a JSON object/);
  });

  it('computes product-line totals from quantity, price, discount and the VAT group', async () => {
    const vat21 = tenant.findByCode('Datastore_VatGroup', 'NL-21')!;
    const invoice = (await send('POST', 'Activity_Invoice', { Subject: 'Totals' })).data;
    const line = await send('POST', 'ProductLine', {
      Activity: { ID: invoice.ID },
      Description: 'Consultancy',
      Quantity: 3,
      Price: 99.99,
      DiscountPercentage: 10,
      VatGroup: { ID: vat21.ID },
    });
    expect(line.status).toBe(201);
    expect(line.data).toMatchObject({
      VatPercentage: 21,
      TotalExcludingVat: 269.97,
      VatAmount: 56.69,
      TotalIncludingVat: 326.66,
    });
    const withLines = await send(
      'GET',
      `Activity_Invoice(${invoice.ID})?$expand=ProductLines($select=Description)`,
    );
    expect(withLines.data.ProductLines).toEqual([{ ID: line.data.ID, Description: 'Consultancy' }]);
  });
});
