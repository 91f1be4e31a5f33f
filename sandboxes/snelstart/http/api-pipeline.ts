import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Administration } from '../administration/administration';
import type { SandboxCore } from '../sandbox-core';
import {
  errorResult,
  INVALID_SUBSCRIPTION_KEY,
  INVALID_TOKEN,
  missingScopes,
  parseJsonBody,
  rateLimited,
  serverError,
  type ApiResult,
} from './responses';

export interface ApiContext {
  admin: Administration;
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** The parsed JSON body (undefined when empty). */
  body: unknown;
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to `/v2`, in fastify's syntax (`/relaties/:id`). */
  url: string;
  /** Every scope the token must carry (SnelStart's "Voor deze operatie zijn de volgende scopes benodigd"). */
  scopes: readonly string[];
  handle: (context: ApiContext) => ApiResult;
}

export const API_BASE_PATH = '/v2';

/**
 * Registers `routes` behind the gateway behaviour every SnelStart call goes through, in this order:
 * subscription key, bearer token, forced 429 fault, the administration's rate limits, scopes,
 * latency, 5xx and dropped-connection faults, the handler, and the lost-response fault for writes.
 */
export function registerApiRoutes(app: FastifyInstance, core: SandboxCore, routes: ApiRoute[]): void {
  for (const route of routes) {
    const kind = `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`;
    app.route({
      method: route.method,
      url: `${API_BASE_PATH}${route.url}`,
      handler: (request, reply) => handleApiCall(core, route, kind, request, reply),
    });
  }
}

async function handleApiCall(
  core: SandboxCore,
  route: ApiRoute,
  kind: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const query = request.query as Record<string, unknown>;
  const subscriptionKey = request.headers['ocp-apim-subscription-key'] ?? query['subscription-key'];
  if (subscriptionKey !== core.subscriptionKey) {
    core.unauthenticatedCalls++;
    return send(reply, INVALID_SUBSCRIPTION_KEY);
  }
  const session = core.authenticate(request.headers.authorization);
  if (!session) {
    core.unauthenticatedCalls++;
    return send(reply, INVALID_TOKEN);
  }
  const { admin, scopes } = session;
  const answer = (result: ApiResult) => {
    admin.stats.answered(result.status);
    return send(reply, result);
  };
  admin.stats.call(kind);

  const faults = core.faultsFor(admin);
  const fault = faults.active ? faults.decide(route.method !== 'GET') : undefined;
  if (fault?.kind === 'rate-limit') {
    admin.stats.fault('forcedRateLimits');
    return answer(rateLimited(faults.settings.rateLimitRetryAfterSeconds));
  }
  const admission = admin.gate.tryAdmit(core.now());
  if (!admission.admitted) return answer(rateLimited(admission.retryAfterSeconds));
  reply.raw.once('close', admission.release);

  const missing = route.scopes.filter((scope) => !scopes.has(scope));
  if (missing.length > 0) return answer(missingScopes(missing));

  if (fault && fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault?.kind === 'server-error') {
    admin.stats.fault('serverErrors');
    return answer(serverError(fault.status ?? 500));
  }
  if (fault?.kind === 'drop-connection') {
    admin.stats.fault('droppedConnections');
    return destroyConnection(request, reply);
  }

  let result: ApiResult;
  try {
    result = route.handle({
      admin,
      params: request.params as Record<string, string>,
      query,
      body: route.method === 'POST' || route.method === 'PUT' ? parseJsonBody(request.body) : undefined,
    });
  } catch (error) {
    result = errorResult(error);
  }
  if (fault?.kind === 'lost-response' && result.status < 300) {
    admin.stats.fault('lostResponses');
    return destroyConnection(request, reply);
  }
  if (fault?.kind === 'truncated-response' && result.status < 300) {
    admin.stats.fault('truncatedResponses');
    return sendTruncated(request, reply, result);
  }
  return answer(result);
}

/** Promises the whole body, sends half of it and hangs up, as a connection cut mid-transfer looks. */
function sendTruncated(request: FastifyRequest, reply: FastifyReply, result: ApiResult): void {
  const body = Buffer.from(JSON.stringify(result.body));
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(result.status, {
    ...(result.headers ?? {}),
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(body.length),
  });
  raw.write(body.subarray(0, Math.floor(body.length / 2)), () => request.raw.socket.destroy());
}

function send(reply: FastifyReply, result: ApiResult): void {
  void reply
    .code(result.status)
    .headers(result.headers ?? {})
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(result.body));
}

/** Ends the exchange without any answer, as a proxy that drops the connection would. */
function destroyConnection(request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  request.raw.socket.destroy();
}
