import type { FastifyReply, FastifyRequest } from 'fastify';
import { ODataError } from '../odata/odata-error';
import { parseTribeQueryString, rawQueryOf } from '../odata/query-string';
import type { Tenant } from '../tenants/tenant';
import type { SandboxContext } from './sandbox-context';

export interface AdmittedRequest {
  readonly tenant: Tenant;
  /** Query parameters decoded the Tribe way (`+` is not a space). */
  readonly parameters: Map<string, string>;
  /** Apply the write, then drop the connection instead of answering. */
  readonly loseWrite: boolean;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SERVER_ERROR_CODES: Record<number, string> = {
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/**
 * What every API request goes through before it is handled: bearer-token (or `?access_token=`)
 * authentication, call counting, then the configured faults. Returns undefined when a fault already
 * answered or dropped the request.
 */
export async function admitApiRequest(
  context: SandboxContext,
  request: FastifyRequest,
  reply: FastifyReply,
  entitySet: string | undefined,
): Promise<AdmittedRequest | undefined> {
  const parameters = parseTribeQueryString(rawQueryOf(request.raw.url ?? ''));
  const tenant = authenticate(context, request, parameters);
  context.stats.request(tenant.clientId, request.method, entitySet);

  if (context.faults.latencyMs > 0)
    await new Promise((resolve) => setTimeout(resolve, context.faults.latencyMs));
  const decision = context.faults.decide(WRITE_METHODS.has(request.method), entitySet);
  switch (decision.kind) {
    case 'drop':
      dropConnection(request, reply);
      return undefined;
    case 'rateLimit':
      await reply
        .code(429)
        .header('Retry-After', String(decision.retryAfterSeconds))
        .send({
          error: { code: 'TooManyRequests', message: 'Rate limit exceeded; retry after the given delay' },
        });
      return undefined;
    case 'serverError':
      await reply.code(decision.status).send({
        error: {
          code: SERVER_ERROR_CODES[decision.status] ?? 'ServerError',
          message: 'Injected server error',
        },
      });
      return undefined;
    default:
      return { tenant, parameters, loseWrite: decision.kind === 'loseWrite' };
  }
}

/** Sends the answer, or, for an accepted-but-lost write, destroys the connection after the write applied. */
export async function answer(
  admitted: AdmittedRequest,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body?: unknown,
): Promise<void> {
  if (admitted.loseWrite) {
    dropConnection(request, reply);
    return;
  }
  reply.code(status);
  await (body === undefined ? reply.send() : reply.send(body));
}

function authenticate(
  context: SandboxContext,
  request: FastifyRequest,
  parameters: Map<string, string>,
): Tenant {
  const header = request.headers.authorization;
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = bearer ?? parameters.get('access_token');
  const clientId = token ? context.tokens.verify(token) : undefined;
  const tenant = clientId ? context.tenants.get(clientId) : undefined;
  if (!tenant) {
    throw new ODataError(
      401,
      'Unauthorized',
      token ? 'The access token is invalid or has expired' : 'No access token given',
    );
  }
  return tenant;
}

function dropConnection(request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  request.raw.socket.destroy();
}
