import Fastify, { type FastifyInstance } from 'fastify';
import { registerControlRoutes } from './control-routes';
import { installErrorHandling } from './error-handler';
import { registerODataRoutes } from './odata-routes';
import type { SandboxContext } from './sandbox-context';
import { registerTokenRoute } from './token-route';
import { registerWebhookRoutes } from './webhook-routes';

/** The sandbox's HTTP server: token endpoint, OData service, webhook management and `/__sandbox` controls. */
export function buildTribeApp(context: SandboxContext): FastifyInstance {
  const app = Fastify({ forceCloseConnections: true, bodyLimit: 1024 * 1024 });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, new URLSearchParams(body as string));
    },
  );
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseJsonBody(body as string));
  });
  installErrorHandling(app, context.logger);
  registerTokenRoute(app, context);
  registerODataRoutes(app, context);
  registerWebhookRoutes(app, context);
  registerControlRoutes(app, context);
  return app;
}

/** JSON bodies; an empty one (a DELETE sent with a JSON content type) is no body rather than an error. */
function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw Object.assign(new Error(`Malformed JSON body: ${(error as Error).message}`), { statusCode: 400 });
  }
}
