import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GUID_PATTERN, type EntitySetDef } from '../model/entity-model';
import { ENTITY_SETS, findEntitySet } from '../model/entity-sets';
import { invalidQuery, notFound, ODataError } from '../odata/odata-error';
import { projectRecord } from '../odata/projection';
import { runQuery } from '../odata/query-executor';
import { parseQueryOptions } from '../odata/query-options';
import { validateQueryOptions } from '../odata/query-validation';
import { admitApiRequest, answer, type AdmittedRequest } from './api-gate';
import type { SandboxContext } from './sandbox-context';

const ODATA_ROOT = '/v1/odata';
const RESOURCE = /^\/v1\/odata\/([A-Za-z_][A-Za-z0-9_]*)(?:\(([^)]*)\))?\/?$/;
/** Room for a 25 MB file as base64 inside a JSON body. */
const BODY_LIMIT = 40 * 1024 * 1024;

interface Resource {
  readonly def: EntitySetDef;
  readonly key?: string;
}

/** The OData service: entity sets, single entities by key, reads and writes. */
export function registerODataRoutes(app: FastifyInstance, context: SandboxContext): void {
  app.get(ODATA_ROOT, async (request, reply) => {
    const admitted = await admitApiRequest(context, request, reply, undefined);
    if (!admitted) return;
    await answer(admitted, request, reply, 200, {
      '@odata.context': '$metadata',
      value: ENTITY_SETS.map((def) => ({ name: def.name, kind: 'EntitySet', url: def.name })),
    });
  });

  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: `${ODATA_ROOT}/*`,
    bodyLimit: BODY_LIMIT,
    handler: async (request, reply) => {
      const url = request.raw.url ?? '';
      const admitted = await admitApiRequest(
        context,
        request,
        reply,
        RESOURCE.exec(url.split('?')[0] ?? '')?.[1],
      );
      if (!admitted) return;
      const resource = parseResource(url);
      if (request.method === 'GET') return read(context, admitted, resource, request, reply);
      return write(admitted, resource, request, reply);
    },
  });
}

function parseResource(url: string): Resource {
  const path = decodePath(url.split('?')[0] ?? '');
  const match = RESOURCE.exec(path);
  if (!match) throw notFound(`No resource at ${path}`);
  const [, setName, key] = match;
  const def = findEntitySet(setName as string);
  if (!def) throw notFound(`Entity type not found: ${setName}`);
  if (key !== undefined && !GUID_PATTERN.test(key))
    throw invalidQuery(`Key '${key}' is not a GUID (keys are unquoted)`);
  return { def, key: key?.toLowerCase() };
}

async function read(
  context: SandboxContext,
  admitted: AdmittedRequest,
  { def, key }: Resource,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const data = admitted.tenant.data;
  const options = parseQueryOptions(admitted.parameters);
  validateQueryOptions(data, [def], options, key === undefined);
  if (key !== undefined) {
    const record = data.table(def.name).get(key);
    if (!record) throw notFound(`${def.name}(${key}) does not exist`);
    const entity = projectRecord(data, def, record, options);
    return answer(admitted, request, reply, 200, {
      '@odata.context': `$metadata#OData.${def.name}/$entity`,
      ...entity,
    });
  }
  const table = data.table(def.name);
  const result = runQuery(data, table, options);
  const body: Record<string, unknown> = { '@odata.context': `$metadata#OData.${def.name}` };
  if (result.count !== undefined) body['@odata.count'] = result.count;
  body.value = result.rows.map((record) => projectRecord(data, def, record, options));
  return answer(admitted, request, reply, 200, body);
}

async function write(
  admitted: AdmittedRequest,
  { def, key }: Resource,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  if (!def.writable) throw new ODataError(405, 'MethodNotAllowed', `${def.name} is read-only`);
  const { data, writer } = admitted.tenant;
  const respond = (status: number, record: Parameters<typeof projectRecord>[2]) =>
    answer(admitted, request, reply, status, {
      '@odata.context': `$metadata#OData.${def.name}/$entity`,
      ...projectRecord(data, def, record, { expand: [] }),
    });

  switch (request.method) {
    case 'POST': {
      if (key !== undefined)
        throw new ODataError(405, 'MethodNotAllowed', 'POST goes to the entity set, not to a key');
      const { record, created } = writer.upsert(def, request.body);
      return respond(created ? 201 : 200, record);
    }
    case 'PUT':
    case 'PATCH':
      return respond(200, writer.update(def, requireKey(key, request.method), request.body));
    default:
      writer.remove(def, requireKey(key, request.method));
      return answer(admitted, request, reply, 204);
  }
}

function requireKey(key: string | undefined, method: string): string {
  if (key === undefined) throw new ODataError(405, 'MethodNotAllowed', `${method} needs a key: /{Set}({ID})`);
  return key;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw invalidQuery('Malformed percent-encoding in the path');
  }
}
