import { Writable } from 'node:stream';
import pino from 'pino';
import { OperatorError } from '../../client/operator/operator-service';
import {
  FakeOperatorService,
  recordFailure,
  request,
  startAdminApi,
  testToken,
  workflowStatus,
  type RunningAdminApi,
} from './admin-api-fake-service';

const auth = { authorization: `Bearer ${testToken}` };
const activationFile = {
  tenantId: 'acme',
  snelstart: { koppelsleutel: 'very-secret-koppelsleutel' },
  tribe: { clientId: 'client', clientSecret: 'very-secret-client-secret' },
};

describe('admin API', () => {
  let service: FakeOperatorService;
  let api: RunningAdminApi;
  let logLines: string[];

  beforeEach(async () => {
    service = new FakeOperatorService();
    logLines = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    api = await startAdminApi(service, { logger: pino({ level: 'trace' }, sink) });
  });

  afterEach(() => api.close());

  const activate = () => request(api, 'POST', '/tenants', { headers: auth, payload: activationFile });

  describe('authentication', () => {
    it('refuses a request without a token', async () => {
      const res = await request(api, 'GET', '/tenants');
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: 'unauthorized',
        message: 'Send Authorization: Bearer <ADMIN_API_TOKEN>',
      });
      expect(service.calls).toEqual([]);
    });

    it.each([
      ['a wrong token', `Bearer ${testToken}x`],
      ['a token of another length', 'Bearer short'],
      ['another scheme', `Basic ${testToken}`],
      ['an empty bearer', 'Bearer '],
    ])('refuses %s', async (_name, authorization) => {
      const res = await request(api, 'POST', '/tenants/acme/pause', { headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('unauthorized');
      expect(service.calls).toEqual([]);
    });

    it('lets health and the OpenAPI document through without a token', async () => {
      expect((await request(api, 'GET', '/health')).json()).toEqual({ status: 'ok' });
      expect((await request(api, 'GET', '/openapi.json')).statusCode).toBe(200);
    });
  });

  describe('tenants', () => {
    it('activates a tenant with 201 and lists it', async () => {
      const res = await activate();
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        tenantId: 'acme',
        workflowId: 'tenant-acme',
        snelstartPackage: 'InKaart',
        administratieNaam: 'Demo Administratie BV',
        warnings: [],
      });
      expect(service.calls[0]).toEqual({ method: 'activate', args: [activationFile] });

      const list = await request(api, 'GET', '/tenants', { headers: auth });
      expect(list.json()).toEqual({
        tenants: [
          {
            tenantId: 'acme',
            status: 'active',
            mode: 'invoice',
            administratieNaam: 'Demo Administratie BV',
            activatedAt: '2025-11-28T09:00:00.000Z',
          },
        ],
      });
    });

    it('replaces the configuration', async () => {
      await activate();
      const res = await request(api, 'PUT', '/tenants/acme/config', {
        headers: auth,
        payload: activationFile,
      });
      expect(res.statusCode).toBe(200);
      expect(service.calls.at(-1)).toEqual({ method: 'updateConfig', args: ['acme', activationFile] });
    });

    it('reports status with the live workflow state', async () => {
      await activate();
      service.workflowScripts.set('acme', [
        workflowStatus('acme', {
          phase: 'initial-sync',
          progress: { relations: { done: 10, total: 40, finished: false } },
        }),
      ]);
      const res = await request(api, 'GET', '/tenants/acme/status', { headers: auth });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        tenantId: 'acme',
        status: 'active',
        workflow: {
          phase: 'initial-sync',
          progress: { relations: { done: 10, total: 40, finished: false } },
        },
        openFailures: 0,
      });
    });

    it.each([
      ['pause', 'pause'],
      ['resume', 'resume'],
      ['deactivate', 'deactivate'],
      ['sync', 'syncNow'],
    ])('answers POST /tenants/:id/%s with 202 and calls %s', async (action, method) => {
      await activate();
      if (action === 'resume') service.tenants.get('acme')!.status = 'paused';
      const res = await request(api, 'POST', `/tenants/acme/${action}`, { headers: auth });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ tenantId: 'acme', action });
      expect(service.calls.at(-1)).toEqual({ method, args: ['acme'] });
    });

    it('lists failures with ISO timestamps', async () => {
      await activate();
      service.failuresByTenant.set('acme', [recordFailure()]);
      const res = await request(api, 'GET', '/tenants/acme/failures', { headers: auth });
      expect(res.json()).toEqual({
        tenantId: 'acme',
        failures: [
          {
            id: 1,
            entity: 'relation',
            source: 'snelstart',
            recordId: 'k-42',
            operation: 'create-in-tribe',
            reason: 'Name is missing: give the relation a name in SnelStart.',
            details: null,
            attempts: 2,
            firstFailedAt: '2025-11-28T08:00:00.000Z',
            lastFailedAt: '2025-11-28T09:30:00.000Z',
            retryRequestedAt: null,
          },
        ],
      });
    });

    it('retries all failures without a body and one record with a body', async () => {
      await activate();
      service.failuresByTenant.set('acme', [recordFailure(), recordFailure({ id: 2, recordId: 'k-43' })]);

      const all = await request(api, 'POST', '/tenants/acme/retry', { headers: auth });
      expect(all.statusCode).toBe(202);
      expect(all.json()).toEqual({ tenantId: 'acme', marked: 2 });

      const one = await request(api, 'POST', '/tenants/acme/retry', {
        headers: auth,
        payload: { recordId: 'k-43' },
      });
      expect(one.json()).toEqual({ tenantId: 'acme', marked: 1 });
      expect(service.calls.at(-1)).toEqual({ method: 'retry', args: ['acme', 'k-43'] });
    });

    it('serves mapping options and a preview', async () => {
      await activate();
      const options = await request(api, 'GET', '/tenants/acme/mapping-options', { headers: auth });
      expect(options.json().snelstart.grootboeken[0]).toEqual({
        id: '6a1f0c2e-0000-4000-8000-000000008000',
        code: 8000,
        name: 'Omzet hoog',
      });

      const preview = await request(api, 'POST', '/tenants/preview', {
        headers: auth,
        payload: activationFile,
      });
      expect(preview.statusCode).toBe(200);
      expect(preview.json().totals).toEqual({ linked: 0, matched: 1, create: 1, skip: 0, ambiguous: 1 });
    });
  });

  describe('errors', () => {
    it.each([
      ['invalid', 400],
      ['not-found', 404],
      ['conflict', 409],
      ['unavailable', 503],
    ] as const)('answers OperatorError %s with %i and its problems', async (kind, status) => {
      await activate();
      const problems = [{ field: 'mappings.vatGroups.0.btwSoort', message: 'unknown btwSoort "Nul"' }];
      service.failNext.set('status', new OperatorError(kind, `the ${kind} message`, problems));
      const res = await request(api, 'GET', '/tenants/acme/status', { headers: auth });
      expect(res.statusCode).toBe(status);
      expect(res.json()).toEqual({ error: kind, message: `the ${kind} message`, problems });
    });

    it('answers an unknown tenant with 404', async () => {
      const res = await request(api, 'GET', '/tenants/nobody/status', { headers: auth });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({
        error: 'not-found',
        message: 'Tenant "nobody" does not exist.',
        problems: [],
      });
    });

    it('answers a second activation with 409', async () => {
      await activate();
      const res = await activate();
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toBe('conflict');
    });

    it('names the path parameter that is not valid', async () => {
      const res = await request(api, 'GET', '/tenants/Not_Valid/status', { headers: auth });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: 'invalid',
        message: 'The request is not valid: tenantId.',
        problems: [{ field: 'tenantId', message: expect.stringContaining('lowercase letters') }],
      });
      expect(service.calls).toEqual([]);
    });

    it('names the body field that is not valid', async () => {
      await activate();
      const res = await request(api, 'POST', '/tenants/acme/retry', {
        headers: auth,
        payload: { recordId: 42 },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().problems).toEqual([{ field: 'recordId', message: expect.any(String) }]);
    });

    it('refuses an activation body that is not an object', async () => {
      const res = await request(api, 'POST', '/tenants', { headers: auth, payload: [1, 2] });
      expect(res.statusCode).toBe(400);
      expect(res.json().problems).toEqual([{ field: 'body', message: expect.any(String) }]);
    });

    it('refuses malformed JSON without echoing it', async () => {
      const res = await request(api, 'POST', '/tenants', {
        headers: { ...auth, 'content-type': 'application/json' },
        payload: '{"koppelsleutel": "very-secret-koppelsleutel",',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid');
      expect(res.body).not.toContain('very-secret');
    });

    it('hides the detail of an unexpected error, logs it, and never logs the request body', async () => {
      service.failNext.set('activate', new Error('database exploded at 10.0.0.7'));
      const res = await activate();
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({
        error: 'internal',
        message: 'The admin API failed unexpectedly; the details are in its log.',
      });
      const logs = logLines.join('');
      expect(logs).toContain('database exploded at 10.0.0.7');
      expect(logs).not.toContain('very-secret');
      expect(logs).not.toContain(testToken);
    });

    it('logs no more of an unexpected error than its name, message and stack', async () => {
      const error = Object.assign(new Error('SnelStart call failed'), {
        config: { headers: { Authorization: 'Bearer snelstart-access-token' } },
      });
      service.failNext.set('listTenants', error);
      const res = await request(api, 'GET', '/tenants', { headers: auth });
      expect(res.statusCode).toBe(500);
      const logs = logLines.join('');
      expect(logs).toContain('SnelStart call failed');
      expect(logs).not.toContain('snelstart-access-token');
    });

    it('refuses a body over the size limit', async () => {
      const res = await request(api, 'POST', '/tenants', {
        headers: auth,
        payload: { padding: 'x'.repeat(2 * 1024 * 1024) },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toBe('invalid');
    });

    it('answers an unknown route with 404 in the same shape', async () => {
      const res = await request(api, 'GET', '/nothing-here', { headers: auth });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        error: 'not-found',
        message: expect.stringContaining('/nothing-here'),
      });
    });
  });
});
