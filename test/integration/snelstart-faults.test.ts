import { randomUUID } from 'node:crypto';
import { SnelStartApiError, SnelStartClient, type SnelStartCall } from '../../api-clients/snelstart';
import { startSnelStartSandbox, type SnelStartSandbox } from '../../sandboxes/snelstart';

let sandbox: SnelStartSandbox;
const clients: SnelStartClient[] = [];

beforeAll(async () => {
  sandbox = await startSnelStartSandbox();
});

afterAll(async () => {
  for (const client of clients) client.close();
  await sandbox.close();
});

/** A fresh administration with its own fault settings and a client with quick GET retries. */
async function setup(timeoutMs = 5_000) {
  const koppelsleutel = `faults-${randomUUID()}`;
  sandbox.addAdministration({ koppelsleutel, limits: { perMinute: null, perHour: null, concurrent: null } });
  const calls: SnelStartCall[] = [];
  const client = new SnelStartClient({
    apiUrl: sandbox.apiUrl,
    tokenUrl: sandbox.tokenUrl,
    subscriptionKey: sandbox.subscriptionKey,
    koppelsleutel,
    timeoutMs,
    retry: { backoffMs: 10 },
    onCall: (call) => calls.push(call),
  });
  clients.push(client);
  const omzet = (await client.listGrootboeken()).find((g) => g.nummer === 8000)!.id;
  const klant = await client.createRelatie({ relatiesoort: ['Klant'], naam: 'Klant' });
  const faults = (settings: Parameters<SnelStartSandbox['setFaults']>[0]) =>
    sandbox.setFaults(settings, koppelsleutel);
  const boeking = (factuurnummer: string) => ({
    factuurnummer,
    klant: { id: klant.id },
    factuurbedrag: 10,
    boekingsregels: [{ grootboek: { id: omzet }, bedrag: 10, btwSoort: 'Geen' as const }],
  });
  return { koppelsleutel, client, calls, faults, boeking };
}

async function failure(call: Promise<unknown>): Promise<SnelStartApiError> {
  const error = await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SnelStartApiError);
  return error as SnelStartApiError;
}

describe('SnelStart fault injection', () => {
  it('5xx: a GET is retried with backoff; a write is not, and its outcome is unknown', async () => {
    const { koppelsleutel, client, calls, faults, boeking } = await setup();
    faults({ serverErrorRate: 0.5, seed: 7 });
    calls.length = 0;
    for (let i = 0; i < 5; i++) expect(await client.echo(`x${i}`)).toBe(`x${i}`);
    expect(calls.some((c) => c.status !== undefined && c.status >= 500)).toBe(true);

    faults({ serverErrorRate: 1 });
    calls.length = 0;
    const read = await failure(client.echo('y'));
    expect(read).toMatchObject({ kind: 'server', retryable: true, unknownOutcome: false });
    expect(calls).toHaveLength(4);

    calls.length = 0;
    const write = await failure(client.createVerkoopboeking(boeking('5XX-1')));
    expect(write).toMatchObject({ kind: 'server', retryable: true, unknownOutcome: true });
    expect([500, 502, 503]).toContain(write.status);
    expect(calls).toHaveLength(1);
    expect(sandbox.stats(koppelsleutel).faults.serverErrors).toBeGreaterThanOrEqual(5);

    faults({ serverErrorRate: 0 });
    expect(await client.findVerkoopfactuurByFactuurnummer('5XX-1')).toBeUndefined();
  });

  it('latency: answers slow down; past the timeout a GET is retried and a write has an unknown outcome', async () => {
    const { client, faults, boeking } = await setup(200);
    faults({ latencyMs: 60 });
    const began = performance.now();
    await client.echo('traag');
    expect(performance.now() - began).toBeGreaterThanOrEqual(55);

    faults({ latencyMs: 400 });
    expect(await failure(client.echo('te traag'))).toMatchObject({
      kind: 'timeout',
      retryable: true,
      unknownOutcome: false,
    });
    const write = await failure(client.createVerkoopboeking(boeking('TRAAG-1')));
    expect(write).toMatchObject({ kind: 'timeout', retryable: true, unknownOutcome: true });

    faults({ latencyMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await client.findVerkoopfactuurByFactuurnummer('TRAAG-1'))?.factuurnummer).toBe('TRAAG-1');
  });

  it('dropped connections: a GET is retried; a write fails with an unknown outcome and was not applied', async () => {
    const { koppelsleutel, client, calls, faults, boeking } = await setup();
    faults({ dropConnectionRate: 0.3, seed: 3 });
    for (let i = 0; i < 5; i++) expect(await client.echo(`d${i}`)).toBe(`d${i}`);
    expect(calls.some((c) => c.outcome === 'network-error')).toBe(true);

    faults({ dropConnectionRate: 1 });
    expect(await failure(client.echo('weg'))).toMatchObject({
      kind: 'network',
      retryable: true,
      unknownOutcome: false,
    });
    expect(await failure(client.createVerkoopboeking(boeking('DROP-1')))).toMatchObject({
      kind: 'network',
      retryable: true,
      unknownOutcome: true,
    });
    faults({ dropConnectionRate: 0 });
    expect(await client.findVerkoopfactuurByFactuurnummer('DROP-1')).toBeUndefined();
    expect(sandbox.stats(koppelsleutel).faults.droppedConnections).toBeGreaterThanOrEqual(5);
  });

  it('accepted but the response was lost: flagged unknownOutcome, and the write is visible on lookup', async () => {
    const { koppelsleutel, client, faults, boeking } = await setup();
    faults({ lostResponseRate: 1 });
    expect(await client.echo('lezen gaat goed')).toBe('lezen gaat goed');

    const lost = await failure(client.createVerkoopboeking(boeking('LOST-1')));
    expect(lost).toMatchObject({ retryable: true, unknownOutcome: true });
    const lostRelatie = await failure(
      client.createRelatie({ relatiesoort: ['Klant'], naam: 'Verloren', relatiecode: 4242 }),
    );
    expect(lostRelatie.unknownOutcome).toBe(true);
    faults({ lostResponseRate: 0 });

    const factuur = await client.findVerkoopfactuurByFactuurnummer('LOST-1');
    expect(factuur?.verkoopBoeking?.id).toBeTruthy();
    const again = await failure(client.createVerkoopboeking(boeking('LOST-1')));
    expect(again.codes).toEqual(['BOE-0021']);
    expect((await client.findRelatieByRelatiecode(4242))?.naam).toBe('Verloren');
    expect(sandbox.stats(koppelsleutel).faults.lostResponses).toBe(2);
  });

  it('a response cut off mid-body is a retryable network failure, and a read is retried to success', async () => {
    const { koppelsleutel, client, calls, faults } = await setup();
    faults({ truncatedResponseRate: 1 });
    expect(await failure(client.echo('afgekapt'))).toMatchObject({ kind: 'network', retryable: true });
    faults({ truncatedResponseRate: 0.5, seed: 11 });
    for (let i = 0; i < 6; i++) expect(await client.echo(`t${i}`)).toBe(`t${i}`);
    faults({ truncatedResponseRate: 0 });
    expect(calls.some((c) => c.outcome === 'network-error')).toBe(true);
    expect(sandbox.stats(koppelsleutel).faults.truncatedResponses).toBeGreaterThanOrEqual(2);
  });

  it('a forced 429 is waited out', async () => {
    const { koppelsleutel, client, faults } = await setup();
    faults({ rateLimitRate: 1, rateLimitRetryAfterSeconds: 1 });
    setTimeout(() => faults({ rateLimitRate: 0 }), 300);
    const began = performance.now();
    expect(await client.echo('na wachten')).toBe('na wachten');
    expect(performance.now() - began).toBeGreaterThanOrEqual(950);
    expect(sandbox.stats(koppelsleutel).faults.forcedRateLimits).toBe(1);
  });

  it('faults can be set over HTTP, for everyone or for one administration', async () => {
    const { koppelsleutel, client } = await setup();
    const other = await setup();
    const response = await fetch(`${sandbox.controlUrl}/administrations/${koppelsleutel}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serverErrorRate: 1 }),
    });
    expect(await response.json()).toMatchObject({ serverErrorRate: 1 });
    await expect(client.echo('x')).rejects.toMatchObject({ kind: 'server' });
    expect(await other.client.echo('y')).toBe('y');
    sandbox.setFaults({ serverErrorRate: 0 }, koppelsleutel);
    expect(await client.echo('z')).toBe('z');
  });
});
