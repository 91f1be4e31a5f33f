import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SnelStartApiError, SnelStartClient, type SnelStartCall } from '../../api-clients/snelstart';
import {
  startSnelStartSandbox,
  type SnelStartPackage,
  type SnelStartSandbox,
} from '../../sandboxes/snelstart';

let sandbox: SnelStartSandbox;
const clients: SnelStartClient[] = [];

beforeAll(async () => {
  sandbox = await startSnelStartSandbox();
});

afterAll(async () => {
  for (const client of clients) client.close();
  await sandbox.close();
});

function setup(
  options: { package?: SnelStartPackage; subscriptionKey?: string; koppelsleutel?: string } = {},
) {
  const koppelsleutel = `auth-${randomUUID()}`;
  sandbox.addAdministration({
    koppelsleutel,
    package: options.package,
    limits: { perMinute: null, perHour: null, concurrent: null },
  });
  const calls: SnelStartCall[] = [];
  const client = new SnelStartClient({
    apiUrl: sandbox.apiUrl,
    tokenUrl: sandbox.tokenUrl,
    subscriptionKey: options.subscriptionKey ?? sandbox.subscriptionKey,
    koppelsleutel: options.koppelsleutel ?? koppelsleutel,
    onCall: (call) => calls.push(call),
  });
  clients.push(client);
  return { client, koppelsleutel, calls };
}

/** No secret may appear in an error's message or any of its own properties. */
function expectNoSecrets(error: unknown, secrets: string[]) {
  const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('SnelStart authentication', () => {
  it('mints a JWT-shaped bearer token whose scopes follow the package', async () => {
    const inZicht = setup({ package: 'InZicht' });
    expect(await inZicht.client.scopes()).toEqual(
      expect.arrayContaining(['relaties:write', 'artikelen:read', 'orders:write', 'boekhouden:write']),
    );
    const inStap = setup({ package: 'InStap' });
    const scopes = await inStap.client.scopes();
    expect(scopes).toContain('relaties:read');
    expect(scopes).not.toContain('artikelen:read');
    expect(scopes).not.toContain('orders:read');
  });

  it('caches the token and renews it before it expires', async () => {
    sandbox.setTokenLifetime(2);
    try {
      const { client, koppelsleutel } = setup();
      await client.echo('a');
      await client.echo('b');
      expect(client.callCounts).toEqual({ api: 2, token: 1 });
      await sleep(1100);
      await client.echo('c');
      expect(client.callCounts).toEqual({ api: 3, token: 2 });
      expect(sandbox.stats(koppelsleutel).tokensIssued).toBe(2);
      expect(sandbox.stats(koppelsleutel).byStatus['401']).toBeUndefined();
    } finally {
      sandbox.setTokenLifetime(3599);
    }
  });

  it('renews once after a 401 and carries on', async () => {
    const { client, koppelsleutel, calls } = setup();
    await client.echo('voor');
    sandbox.revokeTokens(koppelsleutel);
    expect(await client.echo('na')).toBe('na');
    expect(calls.map((c) => `${c.kind}:${c.status}`)).toEqual([
      'token:200',
      'api:200',
      'api:401',
      'token:200',
      'api:200',
    ]);
  });

  it('a token that keeps being refused becomes a non-retryable 401 after one renewal', async () => {
    // Tokens from another sandbox are well-formed but signed with a key this one does not know.
    const { koppelsleutel } = setup();
    const elsewhere = await startSnelStartSandbox({ administrations: [{ koppelsleutel }] });
    try {
      const calls: SnelStartCall[] = [];
      const client = new SnelStartClient({
        apiUrl: sandbox.apiUrl,
        tokenUrl: elsewhere.tokenUrl,
        subscriptionKey: sandbox.subscriptionKey,
        koppelsleutel,
        onCall: (call) => calls.push(call),
      });
      clients.push(client);
      await expect(client.echo('x')).rejects.toMatchObject({
        status: 401,
        kind: 'unauthorized',
        retryable: false,
      });
      expect(calls.map((c) => `${c.kind}:${c.status}`)).toEqual([
        'token:200',
        'api:401',
        'token:200',
        'api:401',
      ]);
    } finally {
      await elsewhere.close();
    }
  });

  it('answers a bad subscription key with the API Management 401, without renewing the token', async () => {
    const { client, calls } = setup({ subscriptionKey: 'wrong-key-123' });
    const error = await client.companyInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnelStartApiError);
    expect(error).toMatchObject({ status: 401, kind: 'unauthorized', retryable: false });
    expect((error as SnelStartApiError).messages).toEqual([
      'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
    ]);
    expect(calls.filter((c) => c.kind === 'token')).toHaveLength(1);
    expectNoSecrets(error, ['wrong-key-123', sandbox.subscriptionKey]);

    const missing = await fetch(`${sandbox.apiUrl}/echo/x`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      statusCode: 401,
      message:
        'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
    });
  });

  it('mints tokens at the token endpoint and accepts the subscription-key query parameter', async () => {
    const { koppelsleutel } = setup();
    const token = (await (
      await fetch(sandbox.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=clientkey&clientkey=${koppelsleutel}`,
      })
    ).json()) as { access_token: string; token_type: string; expires_in: number };
    expect(token).toMatchObject({ token_type: 'bearer', expires_in: 3599 });
    const response = await fetch(`${sandbox.apiUrl}/echo/hallo?subscription-key=${sandbox.subscriptionKey}`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toBe('hallo');
    const noBearer = await fetch(`${sandbox.apiUrl}/echo/hallo?subscription-key=${sandbox.subscriptionKey}`);
    expect(noBearer.status).toBe(401);
  });

  it('rejects an unknown koppelsleutel with invalid_grant and never shows it', async () => {
    const { client } = setup({ koppelsleutel: 'geheime-maar-foute-sleutel' });
    const error = await client.echo('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, kind: 'token-rejected', retryable: false });
    expect(String(error)).toMatch(/POST \/b2b\/token failed \(400\)/);
    expectNoSecrets(error, ['geheime-maar-foute-sleutel', sandbox.subscriptionKey]);

    const raw = await fetch(sandbox.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=clientkey&clientkey=nope',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('answers a missing scope with a typed 403', async () => {
    const inStap = setup({ package: 'InStap' });
    const error = await inStap.client.listArtikelen().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnelStartApiError);
    expect(error).toMatchObject({ status: 403, kind: 'forbidden', retryable: false });
    expect(String(error)).toContain('artikelen:read');
    expect((await inStap.client.listRelaties()).length).toBeGreaterThan(0);

    const accountant = setup({ package: 'Accountant' });
    await expect(
      accountant.client.createRelatie({ relatiesoort: ['Klant'], naam: 'Mag niet' }),
    ).rejects.toMatchObject({
      status: 403,
      kind: 'forbidden',
    });
    expect((await accountant.client.listRelaties()).length).toBeGreaterThan(0);

    // Scopes are baked into the token: an upgrade shows once a new token is minted.
    sandbox.setPackage(inStap.koppelsleutel, 'InKaart');
    sandbox.revokeTokens(inStap.koppelsleutel);
    expect(await inStap.client.listArtikelen()).toEqual([]);
    expect(await inStap.client.scopes()).toContain('artikelen:read');
  });

  it('keeps tokens and keys out of every error', async () => {
    const { client, koppelsleutel } = setup();
    const errors = await Promise.all([
      client.getRelatie(randomUUID()).catch((e: unknown) => e),
      client.createRelatie({ relatiesoort: ['Klant'] }).catch((e: unknown) => e),
      client.listRelaties({ filter: 'kapot' }).catch((e: unknown) => e),
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(SnelStartApiError);
      expectNoSecrets(error, [koppelsleutel, sandbox.subscriptionKey]);
      expect(`${String(error)} ${JSON.stringify(error)}`).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    }
  });
});
