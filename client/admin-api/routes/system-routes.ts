import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { jsonResponse } from '../schemas/json-response';

export interface SystemRoutesOptions {
  metricsRegistry?: Registry;
}

const tags = ['system'];

/** Public routes for probes and scrapers: health, the OpenAPI document and Prometheus metrics. */
export const systemRoutes: FastifyPluginAsyncZod<SystemRoutesOptions> = async (app, { metricsRegistry }) => {
  app.get('/health', {
    schema: {
      tags,
      summary: 'Liveness probe',
      security: [],
      response: { 200: jsonResponse('The process is up.', z.object({ status: z.literal('ok') })) },
    },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/openapi.json', {
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  if (metricsRegistry) {
    app.get('/metrics', {
      schema: {
        tags,
        summary: 'Prometheus metrics',
        description: 'Text exposition format, for a Prometheus scraper.',
        security: [],
        response: {
          200: {
            description: 'Prometheus text exposition format.',
            content: { 'text/plain': { schema: z.string() } },
          },
        },
      },
      handler: async (_request, reply) =>
        reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics()),
    });
  }
};
