import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import type { OperatorService } from '../operator/operator-service';
import { handleAdminApiError } from './error-handler';
import { openApiOptions } from './openapi';
import { systemRoutes } from './routes/system-routes';
import { tenantRoutes } from './routes/tenant-routes';
import { tribeWebhookRoutes, type TribeWebhookOptions } from './routes/tribe-webhook-routes';

export interface AdminApiOptions {
  service: OperatorService;
  /** The bearer token every protected route requires (ADMIN_API_TOKEN). */
  token: string;
  logger: FastifyBaseLogger;
  /** Served at `GET /metrics` when given. */
  metricsRegistry?: Registry;
  /** Enables `POST /webhooks/tribe/:tenantId` when given. */
  webhook?: TribeWebhookOptions;
  /** Largest accepted request body in bytes; activation files with many mappings stay well under it. */
  bodyLimit?: number;
}

/**
 * The admin HTTP API: the operator's face of {@link OperatorService}. Returns the instance without
 * listening, so callers choose `listen()` or `inject()`.
 */
export function buildAdminApi(options: AdminApiOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleAdminApiError);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: 'not-found',
      message: `No route ${request.method} ${request.url.split('?')[0]}; the routes are listed at /openapi.json.`,
      problems: [],
    }),
  );

  // Registered on the root so it sees every route registered after it.
  void app.register(fastifySwagger, openApiOptions);
  void app.register(systemRoutes, { metricsRegistry: options.metricsRegistry });
  void app.register(tenantRoutes, { service: options.service, token: options.token });
  if (options.webhook) void app.register(tribeWebhookRoutes, options.webhook);
  return app;
}
