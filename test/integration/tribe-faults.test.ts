import axios from 'axios';
import { TribeApiError, TribeClient, type TribeCallInfo } from '../../api-clients/tribe';
import { startTribeSandbox, type TribeSandbox } from '../../sandboxes/tribe';

describe('Tribe sandbox fault injection through the client', () => {
  let sandbox: TribeSandbox;
  let client: TribeClient;
  let organizationId: string;
  const calls: TribeCallInfo[] = [];
  const count = (importId: string) =>
    sandbox
      .tenant('faults')
      .list('Relation_Organization')
      .filter((row) => row.ImportId === importId).length;

  beforeAll(async () => {
    sandbox = await startTribeSandbox({ tenants: [{ clientId: 'faults', clientSecret: 'faults-secret' }] });
    client = new TribeClient({
      apiUrl: sandbox.apiUrl,
      tokenUrl: sandbox.tokenUrl,
      clientId: 'faults',
      clientSecret: 'faults-secret',
      retry: { baseDelayMs: 5 },
      onCall: (call) => calls.push(call),
    });
    organizationId = (await client.organizations.create({ Name: 'Stabiel BV' })).ID;
  });

  beforeEach(() => {
    calls.length = 0;
  });

  afterEach(() => sandbox.setFaults({}));
  afterAll(() => sandbox.close());

  const apiStatuses = () => calls.filter((call) => call.kind === 'api').map((call) => call.status);

  it('retries a GET through 5xx answers', async () => {
    sandbox.setFaults({ serverErrorRate: 1, maxFaults: 2 });
    await expect(client.organizations.get(organizationId)).resolves.toMatchObject({ Name: 'Stabiel BV' });
    expect(apiStatuses()).toEqual([503, 503, 200]);
    expect(sandbox.stats().faults.serverErrors).toBeGreaterThanOrEqual(2);
  });

  it('gives up on a GET after its attempts with a retryable error', async () => {
    sandbox.setFaults({ serverErrorRate: 1 });
    const error = await client.organizations.get(organizationId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TribeApiError);
    expect(error).toMatchObject({ status: 503, retryable: true, unknownOutcome: undefined });
    expect(apiStatuses()).toEqual([503, 503, 503, 503]);
  });

  it('does not retry a write on 5xx; 503 means not applied, 500 means unknown', async () => {
    sandbox.setFaults({ serverErrorRate: 1, maxFaults: 1 });
    const unavailable = await client.organizations
      .create({ Name: 'Vijfhonderddrie', ImportId: 'f:503' })
      .catch((e: unknown) => e);
    expect(unavailable).toMatchObject({ status: 503, retryable: true, unknownOutcome: undefined });
    expect(apiStatuses()).toEqual([503]);
    expect(count('f:503')).toBe(0);

    sandbox.setFaults({ serverErrorRate: 1, serverErrorStatus: 500, maxFaults: 1 });
    const failed = await client.organizations
      .create({ Name: 'Vijfhonderd', ImportId: 'f:500' })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ status: 500, retryable: true, unknownOutcome: true });
  });

  it('waits out added latency, and times out when it exceeds the client timeout', async () => {
    sandbox.setFaults({ latencyMs: 250 });
    const started = Date.now();
    await client.organizations.get(organizationId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);

    const impatient = new TribeClient({
      apiUrl: sandbox.apiUrl,
      tokenUrl: sandbox.tokenUrl,
      clientId: 'faults',
      clientSecret: 'faults-secret',
      timeoutMs: 100,
      retry: { baseDelayMs: 5, getAttempts: 2 },
    });
    await expect(impatient.organizations.get(organizationId)).rejects.toMatchObject({
      status: 0,
      code: 'TIMEOUT',
      retryable: true,
    });
    const write = await impatient.organizations
      .create({ Name: 'Traag BV', ImportId: 'f:slow' })
      .catch((e: unknown) => e);
    expect(write).toMatchObject({ code: 'TIMEOUT', unknownOutcome: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    sandbox.setFaults({});
    expect(await client.organizations.findByImportId('f:slow')).toHaveLength(1);
  });

  it('retries a GET over a dropped connection; a dropped write has an unknown outcome', async () => {
    sandbox.setFaults({ dropConnectionRate: 1, maxFaults: 1 });
    await expect(client.organizations.get(organizationId)).resolves.toMatchObject({ Name: 'Stabiel BV' });
    expect(apiStatuses()).toEqual([0, 200]);

    sandbox.setFaults({ dropConnectionRate: 1, maxFaults: 1 });
    const error = await client.organizations
      .create({ Name: 'Verloren verbinding', ImportId: 'f:drop' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK', retryable: true, unknownOutcome: true });
    expect(await client.organizations.findByImportId('f:drop')).toEqual([]);
    expect(sandbox.stats().faults.dropped).toBeGreaterThanOrEqual(2);
  });

  it('knows a write to a refused connection was not applied', async () => {
    const closed = await startTribeSandbox();
    const closedApiUrl = closed.apiUrl;
    await closed.close();
    const unreachable = new TribeClient({
      apiUrl: closedApiUrl,
      tokenUrl: sandbox.tokenUrl,
      clientId: 'faults',
      clientSecret: 'faults-secret',
      retry: { baseDelayMs: 5 },
    });
    const error = await unreachable.organizations.create({ Name: 'Nergens BV' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK', retryable: true, unknownOutcome: undefined });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('reports an accepted-but-lost write as unknown outcome; the record is there on lookup', async () => {
    sandbox.setFaults({ lostWriteRate: 1, maxFaults: 1 });
    const error = await client.organizations
      .create({ Name: 'Wel aangekomen BV', ImportId: 'f:lost' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TribeApiError);
    expect(error).toMatchObject({ status: 0, unknownOutcome: true, retryable: true });
    const found = await client.organizations.findByImportId('f:lost');
    expect(found.map((row) => row.Name)).toEqual(['Wel aangekomen BV']);
    expect(sandbox.stats().faults.lostWrites).toBe(1);
  });

  it('leaves reads alone when only writes are set to get lost', async () => {
    sandbox.setFaults({ lostWriteRate: 1 });
    await expect(client.organizations.get(organizationId)).resolves.toMatchObject({ Name: 'Stabiel BV' });
  });

  it('waits out 429 answers for the Retry-After time, for reads and writes', async () => {
    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1, maxFaults: 1 });
    let started = Date.now();
    await expect(client.organizations.get(organizationId)).resolves.toBeTruthy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(apiStatuses()).toEqual([429, 200]);

    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1, maxFaults: 1 });
    started = Date.now();
    await client.organizations.create({ Name: 'Geduldig BV', ImportId: 'f:429' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(count('f:429')).toBe(1);
  });

  it('hands a Retry-After beyond its limit to the caller instead of sleeping', async () => {
    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 120 });
    const started = Date.now();
    const error = await client.organizations.get(organizationId).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 120_000 });
  });

  it('confines faults to the entity sets named, leaving the rest of the API working', async () => {
    sandbox.setFaults({ serverErrorRate: 1, entitySets: ['Webhook'] });
    await expect(client.organizations.get(organizationId)).resolves.toMatchObject({ Name: 'Stabiel BV' });
    await expect(client.webhooks.list()).rejects.toMatchObject({ status: 503 });
    expect(() => sandbox.setFaults({ serverErrorRate: 1, entitySets: 'Webhook' as never })).toThrow(
      'entitySets must be a list',
    );
  });

  it('injects the same faults for the same seed', async () => {
    const token = (
      await axios.post(
        sandbox.tokenUrl,
        'grant_type=client_credentials&client_id=faults&client_secret=faults-secret',
        { proxy: false },
      )
    ).data.access_token;
    const run = async () => {
      sandbox.setFaults({ seed: 42, serverErrorRate: 0.3, rateLimitRate: 0.2 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const response = await axios.get(`${sandbox.apiUrl}/Datastore_Unit?$top=1`, {
          headers: { Authorization: `Bearer ${token}` },
          validateStatus: () => true,
          proxy: false,
        });
        statuses.push(response.status);
      }
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
  });
});
