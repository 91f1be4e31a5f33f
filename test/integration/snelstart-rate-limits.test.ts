import { randomUUID } from 'node:crypto';
import {
  dropSharedRateLimiter,
  RateLimiter,
  sharedRateLimiter,
  SnelStartApiError,
  SnelStartClient,
  type RateLimiterConfig,
  type SnelStartCall,
} from '../../api-clients/snelstart';
import {
  startSnelStartSandbox,
  type AdministrationLimits,
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

function setup(limits: Partial<AdministrationLimits>, limiter?: RateLimiter) {
  const koppelsleutel = `limits-${randomUUID()}`;
  sandbox.addAdministration({ koppelsleutel, limits });
  const calls: SnelStartCall[] = [];
  const client = connect(koppelsleutel, limiter, calls);
  return { koppelsleutel, client, calls };
}

function connect(koppelsleutel: string, limiter?: RateLimiter, calls: SnelStartCall[] = []) {
  const client = new SnelStartClient({
    apiUrl: sandbox.apiUrl,
    tokenUrl: sandbox.tokenUrl,
    subscriptionKey: sandbox.subscriptionKey,
    koppelsleutel,
    limiter,
    onCall: (call) => calls.push(call),
  });
  clients.push(client);
  return client;
}

describe('SnelStart rate limits', () => {
  it('defaults to the test product limits', async () => {
    const koppelsleutel = `defaults-${randomUUID()}`;
    sandbox.addAdministration({ koppelsleutel });
    const administrations = (await (await fetch(`${sandbox.controlUrl}/administrations`)).json()) as {
      koppelsleutel: string;
      limits: AdministrationLimits;
    }[];
    expect(administrations.find((a) => a.koppelsleutel === koppelsleutel)?.limits).toEqual({
      perMinute: 100,
      perHour: 1000,
      concurrent: 5,
    });
  });

  it('answers 429 with Retry-After and the API Management body, and the client waits it out', async () => {
    const { koppelsleutel, client, calls } = setup({
      perMinute: 3,
      minuteMs: 1500,
      perHour: null,
      concurrent: null,
    });
    const began = performance.now();
    for (const input of ['1', '2', '3', '4', '5']) expect(await client.echo(input)).toBe(input);
    const elapsed = performance.now() - began;

    const stats = sandbox.stats(koppelsleutel);
    expect(stats.rateLimited).toBeGreaterThanOrEqual(1);
    expect(stats.byStatus['200']).toBe(5);
    expect(calls.filter((c) => c.status === 429).length).toBe(stats.rateLimited);
    const rejected = calls.find((c) => c.status === 429)!;
    expect(rejected.responseBody).toEqual({
      statusCode: 429,
      message: expect.stringMatching(/^Rate limit is exceeded\. Try again in [12] seconds\.$/),
    });
    expect(elapsed).toBeGreaterThan(900);

    const token = sandbox.issueToken(koppelsleutel);
    const headers = {
      authorization: `Bearer ${token}`,
      'ocp-apim-subscription-key': sandbox.subscriptionKey,
    };
    let raw: Response | undefined;
    for (let i = 0; i < 4; i++) raw = await fetch(`${sandbox.apiUrl}/echo/x`, { headers });
    expect(raw!.status).toBe(429);
    expect(Number(raw!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('gives up after the configured number of 429s with a retryable error that says how long to wait', async () => {
    const koppelsleutel = `forced-${randomUUID()}`;
    sandbox.addAdministration({
      koppelsleutel,
      limits: { perMinute: null, perHour: null, concurrent: null },
    });
    sandbox.setFaults({ rateLimitRate: 1, rateLimitRetryAfterSeconds: 1 }, koppelsleutel);
    const client = new SnelStartClient({
      apiUrl: sandbox.apiUrl,
      tokenUrl: sandbox.tokenUrl,
      subscriptionKey: sandbox.subscriptionKey,
      koppelsleutel,
      retry: { rateLimitRetries: 1 },
    });
    clients.push(client);
    await expect(client.echo('x')).rejects.toMatchObject({
      status: 429,
      kind: 'rate-limited',
      retryable: true,
      retryAfterMs: 1000,
    });
    expect(sandbox.stats(koppelsleutel)).toMatchObject({ rateLimited: 2, faults: { forcedRateLimits: 2 } });
  });

  it('does not sleep through a long Retry-After (an exhausted budget) but reports it', async () => {
    const { client } = setup({ perMinute: null, perHour: 1, hourMs: 3_600_000, concurrent: null });
    await client.echo('de enige');
    const began = performance.now();
    const error = (await client.echo('te veel').catch((e: unknown) => e)) as SnelStartApiError;
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryable: true });
    expect(error.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(performance.now() - began).toBeLessThan(1000);
  });

  it('switches limits off (null) and changes them at run time', async () => {
    const { koppelsleutel, client } = setup({ perMinute: null, perHour: null, concurrent: null });
    await Promise.all(Array.from({ length: 150 }, (_, i) => client.echo(String(i))));
    expect(sandbox.stats(koppelsleutel).rateLimited).toBe(0);
    sandbox.setLimits(koppelsleutel, { perMinute: 1, minuteMs: 60_000 });
    const token = sandbox.issueToken(koppelsleutel);
    const headers = {
      authorization: `Bearer ${token}`,
      'ocp-apim-subscription-key': sandbox.subscriptionKey,
    };
    expect((await fetch(`${sandbox.apiUrl}/echo/a`, { headers })).status).toBe(200);
    const limited = await fetch(`${sandbox.apiUrl}/echo/b`, { headers });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
  });

  it('paces a burst under every limit with zero 429s, in calls ÷ limit within 15%', async () => {
    const limits: RateLimiterConfig = {
      perMinute: 20,
      perHour: 100,
      concurrent: 3,
      minuteMs: 2000,
      hourMs: 20_000,
    };
    const limiter = new RateLimiter(limits);
    const { koppelsleutel, client } = setup(limits, limiter);
    await client.echo('warm-up');
    sandbox.resetStats();

    const burst = 60;
    const began = performance.now();
    await Promise.all(Array.from({ length: burst }, (_, i) => client.echo(String(i))));
    const wallMs = performance.now() - began;
    const floorMs = (burst / 20) * 2000;

    const stats = sandbox.stats(koppelsleutel);
    expect(stats).toMatchObject({ calls: burst, rateLimited: 0 });
    expect(stats.peakConcurrent).toBeLessThanOrEqual(3);
    expect(wallMs).toBeGreaterThan(floorMs * 0.85);
    expect(wallMs).toBeLessThan(floorMs * 1.15);
  });

  it('shares one budget between clients of the same tenant', async () => {
    const limits: RateLimiterConfig = { perMinute: 30, perHour: null, concurrent: 2, minuteMs: 1000 };
    const tenant = `tenant-${randomUUID()}`;
    const { koppelsleutel, client } = setup(limits, sharedRateLimiter(tenant, limits));
    const second = connect(koppelsleutel, sharedRateLimiter(tenant, limits));
    await Promise.all([client.echo('a'), second.echo('b')]);
    sandbox.resetStats();
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? client : second).echo(String(i))));
    const stats = sandbox.stats(koppelsleutel);
    expect(stats).toMatchObject({ calls: 40, rateLimited: 0 });
    expect(stats.peakConcurrent).toBeLessThanOrEqual(2);
    dropSharedRateLimiter(tenant);
  });
});
