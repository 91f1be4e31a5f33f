import axios, { type AxiosResponse } from 'axios';
import { buildODataQueryString, type ODataQuery } from '../../api-clients/tribe';
import { startTribeSandbox, type TribeSandbox, type TribeSeed } from '../../sandboxes/tribe';

const guid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const ORG = (n: number) => guid('0a000000', n);
const ADDRESS = (n: number) => guid('0b000000', n);
const COUNTRY_NL = guid('0c000000', 1);
const COUNTRY_BE = guid('0c000000', 2);

/** 30 organisations; the even ones have an address, in NL or BE; org 30 has no debtor number. */
function seed(): TribeSeed {
  const organizations = Array.from({ length: 30 }, (_, i) => {
    const n = i + 1;
    return {
      ID: ORG(n),
      Name: `Organisatie ${String(n).padStart(2, '0')}`,
      DebtorNumber: n === 30 ? null : String(1000 + n),
      VisitingAddress: n % 2 === 0 ? { ID: ADDRESS(n) } : null,
      LastMutationDate: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    };
  });
  const addresses = organizations
    .filter((_, i) => (i + 1) % 2 === 0)
    .map((organization, i) => ({
      ID: ADDRESS((i + 1) * 2),
      Street: 'Dorpsstraat',
      HouseNumber: i + 1,
      City: i % 3 === 0 ? 'Antwerpen' : 'Utrecht',
      Country: { ID: i % 3 === 0 ? COUNTRY_BE : COUNTRY_NL },
      Organization: { ID: organization.ID },
    }));
  const products = Array.from({ length: 1200 }, (_, i) => ({ Name: `Product ${i}`, Code: `P${i}` }));
  return {
    Datastore_Country: [
      { ID: COUNTRY_NL, Code: 'NL', Name: 'Nederland' },
      { ID: COUNTRY_BE, Code: 'BE', Name: 'België' },
    ],
    Relation_Organization: organizations,
    Address: addresses,
    Product: products,
  };
}

describe('Tribe sandbox OData reads', () => {
  let sandbox: TribeSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startTribeSandbox({
      tenants: [{ clientId: 'reads', clientSecret: 'reads-secret', seed: seed() }],
    });
    const response = await axios.post(
      sandbox.tokenUrl,
      'grant_type=client_credentials&client_id=reads&client_secret=reads-secret',
      { proxy: false },
    );
    token = response.data.access_token;
  });

  afterAll(() => sandbox.close());

  /** GET with a query string built the Tribe-safe way (spaces as %20). */
  function get(path: string, query: ODataQuery = {}): Promise<AxiosResponse> {
    const queryString = buildODataQueryString(query);
    return axios.get(`${sandbox.apiUrl}/${path}${queryString ? `?${queryString}` : ''}`, {
      headers: { Authorization: `Bearer ${token}` },
      validateStatus: () => true,
      proxy: false,
    });
  }

  const names = (response: AxiosResponse) =>
    (response.data.value as Array<{ Name: string }>).map((row) => row.Name);

  it('answers a collection with context and every property (absent ones as null)', async () => {
    const response = await get('Relation_Organization', { top: 2 });
    expect(response.status).toBe(200);
    expect(response.data['@odata.context']).toBe('$metadata#OData.Relation_Organization');
    expect(response.data.value[0]).toMatchObject({
      ID: ORG(1),
      _Type: 'Relation.Organization',
      _Name: 'Organisatie 01',
      Name: 'Organisatie 01',
      PhoneNumber: null,
      VisitingAddress: null,
      IsActive: true,
      LastMutationDate: '2026-01-01T00:00:01.000Z',
    });
    expect(response.data.value[1].VisitingAddress).toEqual({ ID: ADDRESS(2) });
  });

  it('returns only ID and the selected properties with $select', async () => {
    const response = await get('Relation_Organization', { select: ['Name', 'DebtorNumber'], top: 1 });
    expect(response.data.value[0]).toEqual({ ID: ORG(1), Name: 'Organisatie 01', DebtorNumber: '1001' });
  });

  it('expands navigations with nested $select and $expand', async () => {
    const response = await get(`Relation_Organization(${ORG(2)})`, {
      select: ['Name'],
      expand: 'VisitingAddress($select=City;$expand=Country($select=Code),AddressType)',
    });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({
      '@odata.context': '$metadata#OData.Relation_Organization/$entity',
      ID: ORG(2),
      Name: 'Organisatie 02',
      VisitingAddress: {
        ID: ADDRESS(2),
        City: 'Antwerpen',
        Country: { ID: COUNTRY_BE, Code: 'BE' },
        AddressType: null,
      },
    });
  });

  it('filters on navigation paths and ID navigations', async () => {
    const inBelgium = await get('Relation_Organization', {
      filter: "VisitingAddress/Country/Code eq 'BE'",
      select: ['Name'],
    });
    expect(names(inBelgium)).toEqual([
      'Organisatie 02',
      'Organisatie 08',
      'Organisatie 14',
      'Organisatie 20',
      'Organisatie 26',
    ]);
    const addresses = await get('Address', { filter: `Organization/ID eq ${ORG(4)}` });
    expect(addresses.data.value.map((row: { ID: string }) => row.ID)).toEqual([ADDRESS(4)]);
  });

  it('orders by several keys, nulls first when ascending', async () => {
    const byCity = await get('Address', {
      orderby: 'City desc,HouseNumber desc',
      select: ['City', 'HouseNumber'],
      top: 3,
    });
    expect(
      byCity.data.value.map((row: { City: string; HouseNumber: number }) => `${row.City} ${row.HouseNumber}`),
    ).toEqual(['Utrecht 15', 'Utrecht 14', 'Utrecht 12']);
    const byDebtor = await get('Relation_Organization', {
      orderby: 'DebtorNumber asc',
      select: ['Name'],
      top: 2,
    });
    // both have no debtor number; ties keep creation order (the own organisation is added after the seed)
    expect(names(byDebtor)).toEqual(['Organisatie 30', 'Eigen Organisatie B.V.']);
    const newest = await get('Relation_Organization', {
      orderby: 'LastMutationDate desc',
      select: ['Name'],
      top: 2,
    });
    expect(names(newest)).toEqual(['Eigen Organisatie B.V.', 'Organisatie 30']);
  });

  it('counts all matches with $count=true while returning one page', async () => {
    const response = await get('Relation_Organization', {
      filter: "startswith(Name,'organisatie')",
      count: true,
      top: 5,
    });
    expect(response.data['@odata.count']).toBe(30);
    expect(response.data.value).toHaveLength(5);
  });

  it('pages with $top/$skip in a stable order without gaps or repeats', async () => {
    const seen: string[] = [];
    for (let skip = 0; ; skip += 7) {
      const page = await get('Relation_Organization', {
        filter: "startswith(Name,'Organisatie')",
        select: ['Name'],
        top: 7,
        skip,
      });
      seen.push(...names(page));
      if (page.data.value.length < 7) break;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it('caps a page at 1000 rows', async () => {
    expect((await get('Product', { top: 5000, select: ['Code'] })).data.value).toHaveLength(1000);
    expect((await get('Product', { select: ['Code'] })).data.value).toHaveLength(1000);
    expect((await get('Product', { skip: 1000, select: ['Code'] })).data.value).toHaveLength(200);
  });

  it('rejects a filter whose spaces were encoded as + (axios params serialisation)', async () => {
    const response = await axios.get(`${sandbox.apiUrl}/Relation_Organization`, {
      params: { $filter: "DebtorNumber eq '1001'" },
      headers: { Authorization: `Bearer ${token}` },
      validateStatus: () => true,
      proxy: false,
    });
    expect(response.request.path).toContain('+eq+');
    expect(response.status).toBe(400);
    expect(response.data.error).toMatchObject({
      code: 'InvalidQuery',
      message: expect.stringContaining("unexpected character '+'"),
    });
    const encoded = await get('Relation_Organization', { filter: "DebtorNumber eq '1001'" });
    expect(names(encoded)).toEqual(['Organisatie 01']);
  });

  it.each([
    [
      'Relation_Organization',
      { filter: "DebtorNumber in ('1001','1002')" },
      400,
      /Operator 'in' is not supported/,
    ],
    ['Relation_Organization', { filter: 'Name has 1' }, 400, /Operator 'has' is not supported/],
    ['Relation_Organization', { select: ['Nope'] }, 400, /Property 'Nope' in \$select does not exist/],
    ['Relation_Organization', { expand: 'Name' }, 400, /'Name' in \$expand is not a navigation property/],
    ['Relation_Organization', { orderby: 'Nope' }, 400, /Property 'Nope' does not exist/],
    ['Relation_Organization', { expand: 'VisitingAddress($top=1)' }, 400, /only apply to collections/],
    [`Relation_Organization(${ORG(1)})`, { filter: "Name eq 'x'" }, 400, /only apply to collections/],
    [`Relation_Organization('${ORG(1)}')`, {}, 400, /not a GUID/],
    [`Relation_Organization(${ORG(999)})`, {}, 404, /does not exist/],
    ['Relation_Organisation', {}, 404, /Entity type not found: Relation_Organisation/],
  ])('GET %s %j → %d', async (path, query, status, message) => {
    const response = await get(path, query as ODataQuery);
    expect(response.status).toBe(status);
    expect(response.data.error.message).toMatch(message);
  });

  it('lists its entity sets at the service root', async () => {
    const response = await axios.get(`${sandbox.apiUrl}?access_token=${token}`, { proxy: false });
    expect(response.data.value).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Activity_Invoice' })]),
    );
  });

  it('serves attachments with file metadata, and the data only with $expand=File', async () => {
    const tenant = sandbox.tenant('reads');
    const invoice = tenant.put('Activity_Invoice', { Subject: 'Attachment test' });
    const { attachment } = tenant.sendInvoice(invoice.ID as string, { date: '2026-03-01' });
    const plain = await get(`Attachment(${attachment.ID as string})`);
    expect(plain.data.File).toEqual({
      Name: 'Factuur 2026-00001.pdf',
      MimeType: 'application/pdf',
      Size: expect.any(Number),
    });
    const expanded = await get(`Attachment(${attachment.ID as string})`, { expand: 'File' });
    expect(Buffer.from(expanded.data.File.Data, 'base64').subarray(0, 8).toString()).toBe('%PDF-1.4');
    const viaInvoice = await get(`Activity_Invoice(${invoice.ID as string})`, {
      expand: 'Attachments($select=Description),Phase($select=Code)',
    });
    expect(viaInvoice.data.Attachments).toEqual([{ ID: attachment.ID, Description: 'Factuur 2026-00001' }]);
    expect(viaInvoice.data.Phase).toEqual({ ID: expect.any(String), Code: 'Sent' });
  });
});
