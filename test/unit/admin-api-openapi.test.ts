import Ajv from 'ajv';
import { createMetrics } from '../../lib/metrics';
import { FakeOperatorService, request, startAdminApi, type RunningAdminApi } from './admin-api-fake-service';

interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: { in: string; name: string; required?: boolean; schema: object }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  security: unknown[];
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
  paths: Record<string, Record<string, Operation>>;
}

const expectedOperations = [
  'GET /health',
  'GET /metrics',
  'POST /tenants',
  'GET /tenants',
  'POST /tenants/preview',
  'POST /tenants/webhooks/renew',
  'POST /mapping-options',
  'PUT /tenants/{tenantId}/config',
  'GET /tenants/{tenantId}/status',
  'POST /tenants/{tenantId}/pause',
  'POST /tenants/{tenantId}/resume',
  'POST /tenants/{tenantId}/deactivate',
  'POST /tenants/{tenantId}/sync',
  'GET /tenants/{tenantId}/failures',
  'POST /tenants/{tenantId}/retry',
  'GET /tenants/{tenantId}/mapping-options',
  'POST /webhooks/tribe/{tenantId}',
];

const publicOperations = ['GET /health', 'GET /metrics', 'POST /webhooks/tribe/{tenantId}'];

describe('admin API OpenAPI document', () => {
  let api: RunningAdminApi;
  let document: OpenApiDocument;

  beforeAll(async () => {
    api = await startAdminApi(new FakeOperatorService(), {
      metricsRegistry: createMetrics({ defaultMetrics: false }).registry,
      webhook: { secret: 'webhook-secret', onInvoiceEvent: () => undefined },
    });
    const res = await request(api, 'GET', '/openapi.json');
    expect(res.statusCode).toBe(200);
    document = res.json();
  });

  afterAll(() => api.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        path,
        operation,
      })),
    );

  it('is an OpenAPI 3 document with bearer security', () => {
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(document.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
  });

  it('lists every route, and nothing else', () => {
    expect(
      operations()
        .map((op) => op.key)
        .sort(),
    ).toEqual([...expectedOperations].sort());
  });

  it('marks exactly the public routes as needing no token', () => {
    const open = operations()
      .filter(({ operation }) => Array.isArray(operation.security) && operation.security.length === 0)
      .map((op) => op.key);
    expect(open.sort()).toEqual([...publicOperations].sort());
  });

  it('gives every operation a summary and described responses', () => {
    for (const { key, operation } of operations()) {
      expect({ key, summary: typeof operation.summary }).toEqual({ key, summary: 'string' });
      expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(operation.responses)) {
        expect({ key, status, description: typeof response.description }).toEqual({
          key,
          status,
          description: 'string',
        });
      }
    }
  });

  it('declares every path parameter as a required parameter', () => {
    for (const { key, path, operation } of operations()) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'path' && parameter.required)
        .map((parameter) => parameter.name);
      expect({ key, declared }).toEqual({ key, declared: templated });
    }
  });

  it('documents the error shape on protected routes', () => {
    for (const { key, operation } of operations().filter((op) => !publicOperations.includes(op.key))) {
      for (const status of ['400', '401', '404', '409', '500', '503']) {
        const schema = operation.responses[status]?.content?.['application/json']?.schema;
        expect({ key, status, schema }).toEqual({
          key,
          status,
          schema: expect.objectContaining({ required: ['error', 'message'] }),
        });
      }
    }
  });

  it('holds only well-formed JSON schemas', () => {
    // Ajv understands OpenAPI's `nullable`; strict mode refuses unknown keywords and contradictions.
    const ajv = new Ajv({ strict: true });
    const schemas = operations().flatMap(({ operation }) => [
      ...(operation.parameters ?? []).map((parameter) => parameter.schema),
      ...Object.values(operation.requestBody?.content ?? {}).map((content) => content.schema),
      ...Object.values(operation.responses).flatMap((response) =>
        Object.values(response.content ?? {}).map((content) => content.schema),
      ),
    ]);
    expect(schemas.length).toBeGreaterThan(40);
    for (const schema of schemas) expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('resolves every $ref', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]);
    const components = (document.components as { schemas?: Record<string, unknown> }).schemas ?? {};
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(components).toHaveProperty([ref!.split('/').at(-1)!]);
    }
  });
});
