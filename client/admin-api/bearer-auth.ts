import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqualStrings } from './timing-safe-equal';
import type { ErrorBody } from './schemas/error-body';

const unauthorizedBody: ErrorBody = {
  error: 'unauthorized',
  message: 'Send Authorization: Bearer <ADMIN_API_TOKEN>',
};

/** An `onRequest` hook that refuses any request without `Authorization: Bearer <token>`. */
export function bearerAuth(token: string) {
  if (token.length === 0) throw new Error('The admin API token must not be empty.');
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const presented = match?.[1];
    if (presented !== undefined && timingSafeEqualStrings(presented, token)) return undefined;
    return reply.code(401).header('www-authenticate', 'Bearer').send(unauthorizedBody);
  };
}
