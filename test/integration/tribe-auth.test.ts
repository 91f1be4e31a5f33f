import { inspect } from 'node:util';
import axios from 'axios';
import { collectPages, TribeApiError, TribeClient, type TribeCallInfo } from '../../api-clients/tribe';
import { startTribeSandbox, type TribeSandbox } from '../../sandboxes/tribe';

const TENANT_A = { clientId: 'tenant-a', clientSecret: 'secret-of-tenant-a' };
const TENANT_B = { clientId: 'tenant-b', clientSecret: 'secret-of-tenant-b' };

describe('Tribe sandbox authentication and tenant isolation', () => {
  let sandbox: TribeSandbox;

  beforeAll(async () => {
    sandbox = await startTribeSandbox({ tenants: [TENANT_A, TENANT_B] });
  });

  afterAll(() => sandbox.close());

  const clientFor = (credentials: typeof TENANT_A, onCall?: (call: TribeCallInfo) => void) =>
    new TribeClient({ apiUrl: sandbox.apiUrl, tokenUrl: sandbox.tokenUrl, ...credentials, onCall });

  const token = async (credentials: typeof TENANT_A) =>
    (
      await axios.post(
        sandbox.tokenUrl,
        `grant_type=client_credentials&client_id=${credentials.clientId}&client_secret=${credentials.clientSecret}`,
        { proxy: false },
      )
    ).data;

  const getRaw = (url: string, headers: Record<string, string> = {}) =>
    axios.get(url, { headers, validateStatus: () => true, proxy: false });

  it('issues bearer tokens for client credentials in the form body or as HTTP Basic', async () => {
    expect(await token(TENANT_A)).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 3600,
      scope: 'read write',
    });
    const basic = Buffer.from(`${TENANT_A.clientId}:${TENANT_A.clientSecret}`).toString('base64');
    const response = await axios.post(sandbox.tokenUrl, 'grant_type=client_credentials', {
      headers: { Authorization: `Basic ${basic}` },
      proxy: false,
    });
    expect(response.data.access_token).toEqual(expect.any(String));
  });

  it.each([
    ['grant_type=client_credentials&client_id=tenant-a&client_secret=wrong', 401, 'invalid_client'],
    [
      'grant_type=client_credentials&client_id=nobody&client_secret=secret-of-tenant-a',
      401,
      'invalid_client',
    ],
    [
      'grant_type=password&client_id=tenant-a&client_secret=secret-of-tenant-a',
      400,
      'unsupported_grant_type',
    ],
    [
      'grant_type=client_credentials&client_id=tenant-a&client_secret=secret-of-tenant-a&scope=read%20write%20offline',
      400,
      'invalid_grant',
    ],
  ])('token request %s → %d %s', async (form, status, error) => {
    const response = await axios.post(sandbox.tokenUrl, form, { validateStatus: () => true, proxy: false });
    expect(response.status).toBe(status);
    expect(response.data).toEqual({ error, error_description: expect.any(String) });
  });

  it('refuses a JSON token request', async () => {
    const response = await axios.post(
      sandbox.tokenUrl,
      { grant_type: 'client_credentials' },
      { validateStatus: () => true, proxy: false },
    );
    expect(response.status).toBe(400);
    expect(response.data.error).toBe('invalid_request');
  });

  it('accepts the token as Bearer header or ?access_token=, and answers 401 otherwise', async () => {
    const { access_token: accessToken } = await token(TENANT_A);
    const url = `${sandbox.apiUrl}/Datastore_Unit`;
    expect((await getRaw(url, { Authorization: `Bearer ${accessToken}` })).status).toBe(200);
    expect((await getRaw(`${url}?access_token=${accessToken}`)).status).toBe(200);
    const missing = await getRaw(url);
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.data.error.code).toBe('Unauthorized');
    expect((await getRaw(url, { Authorization: 'Bearer forged-token' })).status).toBe(401);
    expect((await getRaw(`${sandbox.webhooksUrl}`)).status).toBe(401);
  });

  it('fails with a non-retryable 401 on bad credentials and never shows the secret', async () => {
    const secret = 'this-secret-must-not-leak';
    const client = clientFor({ clientId: TENANT_A.clientId, clientSecret: secret });
    const error = await client.datastores.units().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TribeApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_client', retryable: false });
    expect((error as Error).message).toContain('tenant-a');
    for (const shown of [
      (error as Error).message,
      (error as Error).stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
    ]) {
      expect(shown).not.toContain(secret);
    }
    expect(inspect(client, { depth: 10 })).not.toContain(secret);
  });

  it('keeps neither token nor secret visible on a working client', async () => {
    const client = clientFor(TENANT_A);
    await client.datastores.units();
    const shown = inspect(client, { depth: 10, showHidden: true });
    expect(shown).not.toContain(TENANT_A.clientSecret);
    expect(shown).not.toMatch(/access_token|Bearer [A-Za-z0-9_-]{20,}/);
  });

  it('renews the token shortly before it expires', async () => {
    sandbox.setTokenLifetime(1);
    try {
      const calls: TribeCallInfo[] = [];
      const client = clientFor(TENANT_A, (call) => calls.push(call));
      await client.datastores.units();
      await client.datastores.units();
      expect(calls.filter((call) => call.kind === 'token')).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await client.datastores.units();
      expect(calls.filter((call) => call.kind === 'token')).toHaveLength(2);
      expect(calls.filter((call) => call.kind === 'api').map((call) => call.status)).toEqual([200, 200, 200]);
    } finally {
      sandbox.setTokenLifetime(3600);
    }
  });

  it('fetches a new token once when the API answers 401', async () => {
    const calls: TribeCallInfo[] = [];
    const client = clientFor(TENANT_A, (call) => calls.push(call));
    await client.datastores.units();
    sandbox.revokeTokens(TENANT_A.clientId);
    await expect(client.datastores.units()).resolves.toHaveLength(5);
    expect(calls.map((call) => `${call.kind}:${call.status}`)).toEqual([
      'token:200',
      'api:200',
      'api:401',
      'token:200',
      'api:200',
    ]);
  });

  it('shares one token request between concurrent calls', async () => {
    const calls: TribeCallInfo[] = [];
    const client = clientFor(TENANT_B, (call) => calls.push(call));
    await Promise.all(Array.from({ length: 10 }, () => client.datastores.units()));
    expect(calls.filter((call) => call.kind === 'token')).toHaveLength(1);
  });

  it('keeps tenants fully apart: data, identity, datastores, webhooks and stats', async () => {
    const a = clientFor(TENANT_A);
    const b = clientFor(TENANT_B);
    const onlyInA = await a.organizations.create({ Name: 'Alleen in A', DebtorNumber: '42' });
    expect(await b.organizations.get(onlyInA.ID)).toBeNull();
    expect(await b.organizations.findByDebtorNumber('42')).toEqual([]);
    const namesInB = (await collectPages(b.organizations.modifiedSince(null))).items.map((row) => row.Name);
    expect(namesInB).not.toContain('Alleen in A');
    await expect(b.organizations.update(onlyInA.ID, { Name: 'Overgenomen' })).rejects.toMatchObject({
      status: 404,
    });

    expect(await a.ownOrganizationId()).not.toBe(await b.ownOrganizationId());
    const vatA = (await a.datastores.vatGroups()).map((row) => row.ID);
    const vatB = (await b.datastores.vatGroups()).map((row) => row.ID);
    expect(vatA.some((id) => vatB.includes(id))).toBe(false);
    await expect(
      b.products.create({ Name: 'Verkeerde btw', VatGroup: { ID: vatA[0]! } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/refers to unknown ID/) });

    await a.webhooks.register({
      entityType: 'Relation.Organization',
      webhookUrl: 'http://127.0.0.1:9/hook',
      secret: 'tenant-a-hook',
    });
    expect(await b.webhooks.list()).toEqual([]);

    sandbox.tenant(TENANT_B.clientId).seed({});
    expect(sandbox.tenant(TENANT_A.clientId).get('Relation_Organization', onlyInA.ID)).toBeDefined();

    const stats = sandbox.stats().tenants;
    expect(stats[TENANT_A.clientId]!.byEntitySet.Relation_Organization).toBeGreaterThan(0);
    expect(stats[TENANT_B.clientId]!.byMethod.PUT).toBe(1);
  });
});
