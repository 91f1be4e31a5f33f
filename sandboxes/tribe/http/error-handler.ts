import type { FastifyError, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ODataError } from '../odata/odata-error';

const CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
};

/** Every error leaves the server as `{ "error": { "code", "message" } }`. */
export function installErrorHandling(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((error: FastifyError | ODataError, _request, reply) => {
    if (error instanceof ODataError) {
      if (error.status === 401) reply.header('WWW-Authenticate', 'Bearer');
      return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) logger.error({ err: error }, 'sandbox request failed');
    const message = status >= 500 ? 'Internal server error' : error.message;
    return reply.code(status).send({ error: { code: CODES[status] ?? 'Error', message } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: { code: 'NotFound', message: `No resource at ${request.method} ${request.url.split('?')[0]}` },
    }),
  );
}
