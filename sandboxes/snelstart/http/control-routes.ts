import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SeedDocument } from '../administration/seed-document';
import { isSnelStartPackage } from '../auth/packages';
import type { SandboxCore } from '../sandbox-core';
import type { FaultSettings } from '../traffic/fault-injector';
import type { AdministrationLimits } from '../traffic/rate-limit-gate';
import {
  createAsUser,
  editAsUser,
  isEditableResource,
  type EditableResource,
} from '../administration/user-edits';
import { ModelStateFailure } from '../resources/api-errors';
import { errorResult, parseJsonBody } from './responses';

export const CONTROL_PATH = '/__sandbox';

type Params = { koppelsleutel: string };

/**
 * Test and development controls, without authentication: administrations, seed and dump, faults,
 * limits, counters, token revocation. Calls here are not API calls and are never counted or limited.
 */
export function registerControlRoutes(app: FastifyInstance, core: SandboxCore): void {
  const base = CONTROL_PATH;
  const admin = `${base}/administrations/:koppelsleutel`;

  app.get(`${base}/administrations`, async () =>
    core.administrations().map((a) => ({
      koppelsleutel: a.koppelsleutel,
      administratieIdentifier: a.id,
      package: a.snelstartPackage,
      limits: a.gate.limits,
      relaties: a.relaties.size,
      artikelen: a.artikelen.size,
      verkoopboekingen: a.verkoopboekingen.size,
    })),
  );

  app.post(`${base}/administrations`, async (request, reply) =>
    control(reply, () => {
      const body = objectBody(request.body);
      const snelstartPackage = body.package;
      if (snelstartPackage !== undefined && !isSnelStartPackage(snelstartPackage)) {
        throw new Error('unknown package');
      }
      const created = core.addAdministration({
        koppelsleutel: String(body.koppelsleutel ?? ''),
        package: snelstartPackage,
        limits: body.limits as Partial<AdministrationLimits> | undefined,
        seed: body.seed as SeedDocument | undefined,
        administratieNaam: body.administratieNaam as string | undefined,
      });
      return { status: 201, body: { administratieIdentifier: created.id } };
    }),
  );

  app.post<{ Params: Params; Querystring: { replace?: string } }>(`${admin}/seed`, async (request, reply) =>
    control(reply, () => {
      core.seed(request.params.koppelsleutel, objectBody(request.body) as SeedDocument, {
        replace: request.query.replace === 'true',
      });
      return { status: 200, body: counts(core, request.params.koppelsleutel) };
    }),
  );

  app.get<{ Params: Params }>(`${admin}/dump`, async (request, reply) =>
    control(reply, () => ({ status: 200, body: core.dump(request.params.koppelsleutel) })),
  );

  app.put<{ Params: Params }>(`${admin}/limits`, async (request, reply) =>
    control(reply, () => {
      core.setLimits(request.params.koppelsleutel, objectBody(request.body) as Partial<AdministrationLimits>);
      return { status: 200, body: core.administration(request.params.koppelsleutel).gate.limits };
    }),
  );

  app.put<{ Params: Params }>(`${admin}/package`, async (request, reply) =>
    control(reply, () => {
      const value = objectBody(request.body).package;
      if (!isSnelStartPackage(value)) throw new Error('unknown package');
      core.setPackage(request.params.koppelsleutel, value);
      return { status: 200, body: { package: value } };
    }),
  );

  app.put<{ Params: Params }>(`${admin}/faults`, async (request, reply) =>
    control(reply, () => {
      core.setFaults(objectBody(request.body) as Partial<FaultSettings>, request.params.koppelsleutel);
      return {
        status: 200,
        body: core.faultsFor(core.administration(request.params.koppelsleutel)).settings,
      };
    }),
  );

  app.put(`${base}/faults`, async (request, reply) =>
    control(reply, () => {
      core.setFaults(objectBody(request.body) as Partial<FaultSettings>);
      return { status: 200, body: core.faults.settings };
    }),
  );

  app.post<{ Params: Params }>(`${admin}/revoke-tokens`, async (request, reply) =>
    control(reply, () => {
      core.revokeTokens(request.params.koppelsleutel);
      return { status: 204, body: undefined };
    }),
  );

  app.put(`${base}/token-lifetime`, async (request, reply) =>
    control(reply, () => {
      const seconds = Number(objectBody(request.body).seconds);
      if (!Number.isInteger(seconds) || seconds < 1) throw new Error('seconds must be a positive integer');
      core.tokenLifetimeSeconds = seconds;
      return { status: 200, body: { seconds } };
    }),
  );

  app.post<{ Params: Params & { resource: string } }>(`${admin}/edits/:resource`, async (request, reply) =>
    userEdit(reply, request.params.resource, (resource) => ({
      status: 201,
      body: createAsUser(
        core.administration(request.params.koppelsleutel),
        resource,
        objectBody(request.body),
      ),
    })),
  );

  app.patch<{ Params: Params & { resource: string; id: string } }>(
    `${admin}/edits/:resource/:id`,
    async (request, reply) =>
      userEdit(reply, request.params.resource, (resource) => ({
        status: 200,
        body: editAsUser(
          core.administration(request.params.koppelsleutel),
          resource,
          request.params.id,
          objectBody(request.body),
        ),
      })),
  );

  app.get(`${base}/stats`, async () => core.stats());
  app.get<{ Params: Params }>(`${admin}/stats`, async (request, reply) =>
    control(reply, () => ({
      status: 200,
      body: core.administration(request.params.koppelsleutel).counters(),
    })),
  );
  app.delete(`${base}/stats`, async (_request, reply) => {
    core.resetStats();
    return reply.code(204).send();
  });
}

function control(reply: FastifyReply, action: () => { status: number; body: unknown }): FastifyReply {
  try {
    const { status, body } = action();
    return status === 204 ? reply.code(204).send() : reply.code(status).send(body);
  } catch (error) {
    const message = (error as Error).message;
    return reply.code(message.startsWith('no administration') ? 404 : 400).send({ error: message });
  }
}

/** A user edit answers like the API would (SnelStart error bodies), since it is validated like one. */
function userEdit(
  reply: FastifyReply,
  resource: string,
  action: (resource: EditableResource) => { status: number; body: unknown },
): FastifyReply {
  if (!isEditableResource(resource)) return reply.code(404).send({ error: `cannot edit ${resource}` });
  let result: { status: number; body: unknown };
  try {
    result = action(resource);
  } catch (error) {
    if ((error as Error).message.startsWith('no administration')) {
      return reply.code(404).send({ error: (error as Error).message });
    }
    result = errorResult(error);
  }
  return reply.code(result.status).send(result.body);
}

function objectBody(raw: unknown): Record<string, unknown> {
  const body = parseJsonBody(raw);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ModelStateFailure({ model: ['expected a JSON object'] });
  }
  return body as Record<string, unknown>;
}

function counts(core: SandboxCore, koppelsleutel: string) {
  const a = core.administration(koppelsleutel);
  return {
    relaties: a.relaties.size,
    artikelen: a.artikelen.size,
    verkoopboekingen: a.verkoopboekingen.size,
  };
}
