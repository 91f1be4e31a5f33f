import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SandboxContext } from './sandbox-context';

/**
 * OAuth2 client-credentials token endpoint (form encoded; client authentication in the body or as HTTP
 * Basic). Errors follow RFC 6749. Like Tribe's ORY Hydra, a client is not granted the `offline` scope.
 */
export function registerTokenRoute(app: FastifyInstance, context: SandboxContext): void {
  app.post('/oauth2/token', async (request, reply) => {
    const form = request.body;
    if (!(form instanceof URLSearchParams)) {
      return oauthError(reply, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(
        reply,
        400,
        'unsupported_grant_type',
        'Only grant_type=client_credentials is supported',
      );
    }
    const basic = parseBasic(request.headers.authorization);
    const clientId = basic?.clientId ?? form.get('client_id') ?? '';
    const clientSecret = basic?.clientSecret ?? form.get('client_secret') ?? '';
    const tenant = context.tenants.authenticate(clientId, clientSecret);
    if (!tenant) return oauthError(reply, 401, 'invalid_client', 'Client authentication failed');
    const scopes = (form.get('scope') ?? 'read write').split(' ').filter(Boolean);
    if (scopes.includes('offline')) {
      return oauthError(
        reply,
        400,
        'invalid_grant',
        "The requested scope 'offline' is not allowed for this client",
      );
    }
    const { accessToken, expiresIn } = context.tokens.issue(tenant.clientId);
    context.stats.tokenIssued(tenant.clientId);
    return reply.send({
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: expiresIn,
      scope: scopes.join(' '),
    });
  });
}

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply.code(status).send({ error, error_description: description });
}

function parseBasic(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const encoded = header?.match(/^Basic\s+(\S+)$/i)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon)),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return undefined;
  }
}
