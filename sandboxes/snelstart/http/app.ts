import fastify, { type FastifyInstance } from 'fastify';
import type { SandboxCore } from '../sandbox-core';
import { registerApiRoutes } from './api-pipeline';
import { API_ROUTES } from './api-routes';
import { registerControlRoutes } from './control-routes';
import { registerTokenRoute } from './token-route';

/** Base64 of a 10 MB document plus room for the oversized uploads BLG-0006 is about. */
const BODY_LIMIT = 32 * 1024 * 1024;

/** The sandbox's HTTP server: token endpoint, the `/v2` API and the `/__sandbox` controls. */
export function buildSandboxApp(core: SandboxCore, options: { logger?: boolean } = {}): FastifyInstance {
  const app = fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: true,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
  });
  // Bodies stay raw text: the API answers empty or malformed JSON itself, after authentication,
  // and the token endpoint reads a form.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  registerTokenRoute(app, core);
  registerApiRoutes(app, core, API_ROUTES);
  registerControlRoutes(app, core);
  return app;
}
