import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FaultInjector, TribeFaults } from '../faults/fault-injector';
import { ODataError } from '../odata/odata-error';
import type { TribeSeed } from '../store/seed-format';
import type { Tenant } from '../tenants/tenant';
import type { SandboxContext } from './sandbox-context';

const CONTROL = '/__sandbox';
/** Seeds of 100,000 organisations run to tens of megabytes. */
const CONTROL_BODY_LIMIT = 1024 * 1024 * 1024;

type TenantParams = { Params: { clientId: string } };
type RecordParams = { Params: { clientId: string; entitySet: string; id?: string } };

/** Unauthenticated test and demo controls: tenants, seed/dump, direct records, finalize, faults, stats. */
export function registerControlRoutes(app: FastifyInstance, context: SandboxContext): void {
  const tenantOf = (clientId: string): Tenant => {
    const tenant = context.tenants.get(clientId);
    if (!tenant) throw new ODataError(404, 'NotFound', `No sandbox tenant with clientId ${clientId}`);
    return tenant;
  };

  app.post(`${CONTROL}/tenants`, { bodyLimit: CONTROL_BODY_LIMIT }, async (request, reply) =>
    control(reply, () => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const tenant = context.tenants.add({
        clientId: String(body.clientId ?? ''),
        clientSecret: String(body.clientSecret ?? ''),
        ownOrganizationName:
          typeof body.ownOrganizationName === 'string' ? body.ownOrganizationName : undefined,
        seed: body.seed as TribeSeed | undefined,
      });
      reply.code(201);
      return { clientId: tenant.clientId, ownOrganizationId: tenant.ownOrganizationId };
    }),
  );

  app.get(`${CONTROL}/tenants`, async () => ({ value: context.tenants.clientIds() }));

  app.put<TenantParams>(
    `${CONTROL}/tenants/:clientId/seed`,
    { bodyLimit: CONTROL_BODY_LIMIT },
    async (request, reply) =>
      control(reply, () => {
        tenantOf(request.params.clientId).seed((request.body ?? {}) as TribeSeed);
        return { ok: true };
      }),
  );

  app.get<TenantParams>(`${CONTROL}/tenants/:clientId/dump`, async (request, reply) =>
    control(reply, () => tenantOf(request.params.clientId).dump()),
  );

  app.get<RecordParams>(`${CONTROL}/tenants/:clientId/records/:entitySet/:id`, async (request, reply) =>
    control(reply, () => {
      const record = tenantOf(request.params.clientId).get(request.params.entitySet, request.params.id ?? '');
      if (!record) throw new ODataError(404, 'NotFound', 'No such record');
      return record;
    }),
  );

  app.put<RecordParams>(
    `${CONTROL}/tenants/:clientId/records/:entitySet`,
    { bodyLimit: CONTROL_BODY_LIMIT },
    async (request, reply) =>
      control(reply, () =>
        tenantOf(request.params.clientId).put(
          request.params.entitySet,
          request.body as Record<string, unknown>,
        ),
      ),
  );

  app.post<{ Params: { clientId: string; id: string } }>(
    `${CONTROL}/tenants/:clientId/invoices/:id/send`,
    async (request, reply) =>
      control(reply, () =>
        withoutFileData(
          tenantOf(request.params.clientId).sendInvoice(request.params.id, finalizeBody(request.body)),
        ),
      ),
  );

  app.post<{ Params: { clientId: string; id: string } }>(
    `${CONTROL}/tenants/:clientId/sales-orders/:id/link`,
    async (request, reply) =>
      control(reply, () =>
        withoutFileData(
          tenantOf(request.params.clientId).linkSalesOrder(request.params.id, finalizeBody(request.body)),
        ),
      ),
  );

  app.get(`${CONTROL}/faults`, async () => context.faults.current);
  app.put(`${CONTROL}/faults`, async (request, reply) =>
    control(reply, () => setFaults(context.faults, (request.body ?? {}) as TribeFaults)),
  );

  app.get(`${CONTROL}/stats`, async () => ({
    tenants: context.stats.snapshot(),
    faults: { ...context.faults.counts },
  }));
  app.delete(`${CONTROL}/stats`, async (_request, reply) => {
    context.stats.reset();
    return reply.code(204).send();
  });

  app.post<{ Body: { clientId?: string } | undefined }>(
    `${CONTROL}/tokens/revoke`,
    async (request, reply) => {
      context.tokens.revokeAll(request.body?.clientId);
      return reply.code(204).send();
    },
  );
}

/** Runs a control action; a plain Error (bad seed, unknown set) becomes a 400. */
async function control(reply: FastifyReply, action: () => unknown): Promise<unknown> {
  try {
    return action();
  } catch (error) {
    if (error instanceof ODataError) throw error;
    return reply.code(400).send({ error: { code: 'BadRequest', message: (error as Error).message } });
  }
}

function setFaults(faults: FaultInjector, settings: TribeFaults): TribeFaults {
  faults.set(settings);
  return faults.current;
}

function finalizeBody(body: unknown): { pdfSizeBytes?: number; date?: string } {
  const { pdfSizeBytes, date } = (body ?? {}) as Record<string, unknown>;
  return {
    pdfSizeBytes: typeof pdfSizeBytes === 'number' ? pdfSizeBytes : undefined,
    date: typeof date === 'string' ? date : undefined,
  };
}

function withoutFileData(result: { activity: Record<string, unknown>; attachment: Record<string, unknown> }) {
  const file = result.attachment.File as Record<string, unknown> | undefined;
  const { Data: _data, ...metadata } = file ?? {};
  return { activity: result.activity, attachment: { ...result.attachment, File: file ? metadata : null } };
}
