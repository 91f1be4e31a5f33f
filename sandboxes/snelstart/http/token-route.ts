import type { FastifyInstance } from 'fastify';
import type { SandboxCore } from '../sandbox-core';

export const TOKEN_PATH = '/b2b/token';

/**
 * `POST /b2b/token` with form fields `grant_type=clientkey&clientkey=<koppelsleutel>`, as on
 * auth.snelstart.nl. It needs no subscription key and is not rate limited.
 */
export function registerTokenRoute(app: FastifyInstance, core: SandboxCore): void {
  app.post(TOKEN_PATH, async (request, reply) => {
    const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    const grantType = form.get('grant_type');
    if (grantType !== 'clientkey') {
      return reply.code(400).send({
        error: 'unsupported_grant_type',
        error_description: `GrantType '${grantType ?? ''}' wordt niet ondersteund; gebruik clientkey.`,
      });
    }
    const clientkey = form.get('clientkey');
    const token = clientkey ? core.issueToken(clientkey) : undefined;
    if (!token) {
      return reply.code(400).send({
        error: 'invalid_grant',
        error_description:
          'GrantType clientkey was found. Parameter clientkey does not contain a valid value',
      });
    }
    return reply.code(200).header('cache-control', 'no-store').send(token);
  });
}
