import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RecordFailure } from '../../../store/health-store';
import type { OperatorService } from '../../operator/operator-service';
import { bearerAuth } from '../bearer-auth';
import { protectedErrorResponses } from '../schemas/error-body';
import { jsonResponse } from '../schemas/json-response';
import { tenantParamsSchema } from '../schemas/tenant-params';
import {
  actionAcceptedSchema,
  activationFileSchema,
  activationResultSchema,
  failureListSchema,
  mappingOptionsSchema,
  previewReportSchema,
  retryRequestSchema,
  retryResultSchema,
  tenantListSchema,
  tenantStatusReportSchema,
  webhookRenewalListSchema,
  webhookRenewalRequestSchema,
  type TenantAction,
} from '../schemas/tenant-schemas';

export interface TenantRoutesOptions {
  service: OperatorService;
  token: string;
}

const tags = ['tenants'];

/** Everything an operator does with tenants; every route here needs the bearer token. */
export const tenantRoutes: FastifyPluginAsyncZod<TenantRoutesOptions> = async (app, { service, token }) => {
  app.addHook('onRequest', bearerAuth(token));

  app.post('/tenants', {
    schema: {
      tags,
      summary: 'Activate a tenant',
      description:
        'What the marketplace "Activate" button calls. Validates the activation file against both live ' +
        'systems, stores it and starts the tenant workflow.',
      body: activationFileSchema,
      response: {
        201: jsonResponse('Activated; the initial sync has started.', activationResultSchema),
        ...protectedErrorResponses,
      },
    },
    handler: async (request, reply) => reply.code(201).send(await service.activate(request.body)),
  });

  app.post('/tenants/preview', {
    schema: {
      tags,
      summary: 'Preview the initial sync',
      description: "Runs the initial sync's matching against the live systems without writing anything.",
      body: activationFileSchema,
      response: {
        200: jsonResponse('What the initial sync would do with every record.', previewReportSchema),
        ...protectedErrorResponses,
      },
    },
    handler: async (request) => service.preview(request.body),
  });

  app.post('/mapping-options', {
    schema: {
      tags,
      summary: 'The options for every mapping, before activation',
      description:
        'Reads the options with the SnelStart koppelsleutel and Tribe client credentials of a (draft) ' +
        'activation file; the rest of the file may still be incomplete. Nothing is stored.',
      body: activationFileSchema,
      response: {
        200: jsonResponse('Options per mapping, from both live systems.', mappingOptionsSchema),
        ...protectedErrorResponses,
      },
    },
    handler: async (request) => service.mappingOptionsFor(request.body),
  });

  app.get('/tenants', {
    schema: {
      tags,
      summary: 'List tenants',
      response: { 200: jsonResponse('Every tenant.', tenantListSchema), ...protectedErrorResponses },
    },
    handler: async () => ({ tenants: await service.listTenants() }),
  });

  app.put('/tenants/:tenantId/config', {
    schema: {
      tags,
      summary: "Replace a tenant's mappings and settings",
      description: 'Validated like an activation; the sync state is kept.',
      params: tenantParamsSchema,
      body: activationFileSchema,
      response: {
        200: jsonResponse('The new configuration is in effect.', activationResultSchema),
        ...protectedErrorResponses,
      },
    },
    handler: async (request) => service.updateConfig(request.params.tenantId, request.body),
  });

  app.get('/tenants/:tenantId/status', {
    schema: {
      tags,
      summary: 'Status and progress of a tenant',
      params: tenantParamsSchema,
      response: {
        200: jsonResponse('Lifecycle status, live workflow state and warnings.', tenantStatusReportSchema),
        ...protectedErrorResponses,
      },
    },
    handler: async (request) => service.status(request.params.tenantId),
  });

  const actions: { action: TenantAction; summary: string; run(tenantId: string): Promise<void> }[] = [
    { action: 'pause', summary: 'Pause syncing', run: (id) => service.pause(id) },
    { action: 'resume', summary: 'Resume syncing', run: (id) => service.resume(id) },
    {
      action: 'deactivate',
      summary: 'Deactivate a tenant (stops syncing, keeps all data)',
      run: (id) => service.deactivate(id),
    },
    { action: 'sync', summary: 'Start a sync cycle now', run: (id) => service.syncNow(id) },
  ];

  for (const { action, summary, run } of actions) {
    app.post(`/tenants/:tenantId/${action}`, {
      schema: {
        tags,
        summary,
        params: tenantParamsSchema,
        response: {
          202: jsonResponse('Signalled to the tenant workflow.', actionAcceptedSchema),
          ...protectedErrorResponses,
        },
      },
      handler: async (request, reply) => {
        await run(request.params.tenantId);
        return reply.code(202).send({ tenantId: request.params.tenantId, action });
      },
    });
  }

  app.get('/tenants/:tenantId/failures', {
    schema: {
      tags,
      summary: 'Records that failed, with their reason',
      params: tenantParamsSchema,
      response: {
        200: jsonResponse('Open failures, newest first.', failureListSchema),
        ...protectedErrorResponses,
      },
    },
    handler: async (request) => {
      const failures = await service.failures(request.params.tenantId);
      return { tenantId: request.params.tenantId, failures: failures.map(failureView) };
    },
  });

  app.post('/tenants/:tenantId/retry', {
    schema: {
      tags,
      summary: 'Retry failed records',
      description: 'Marks open failures (or one record) for another attempt and starts a sync.',
      params: tenantParamsSchema,
      body: retryRequestSchema,
      response: {
        202: jsonResponse('Marked for retry; a sync has been started.', retryResultSchema),
        ...protectedErrorResponses,
      },
    },
    handler: async (request, reply) => {
      const { marked } = await service.retry(request.params.tenantId, request.body?.recordId);
      return reply.code(202).send({ tenantId: request.params.tenantId, marked });
    },
  });

  app.post('/tenants/webhooks/renew', {
    schema: {
      tags,
      summary: "Register every tenant's Tribe webhooks anew",
      description:
        'After TRIBE_WEBHOOK_SECRET changed (with the old one in TRIBE_WEBHOOK_PREVIOUS_SECRET): registers each ' +
        "tenant's webhooks with the new secret, then removes those made with an earlier one; registers what is " +
        'missing too. Deactivated tenants are skipped. A tenant whose registration fails keeps a warning on its status.',
      body: webhookRenewalRequestSchema,
      response: {
        200: jsonResponse('What was done per tenant.', webhookRenewalListSchema),
        ...protectedErrorResponses,
      },
    },
    handler: async (request) => ({ tenants: await service.renewWebhooks(request.body?.tenantIds) }),
  });

  app.get('/tenants/:tenantId/mapping-options', {
    schema: {
      tags,
      summary: 'The options for every mapping, for an activation wizard',
      params: tenantParamsSchema,
      response: {
        200: jsonResponse('Options per mapping, from both live systems.', mappingOptionsSchema),
        ...protectedErrorResponses,
      },
    },
    handler: async (request) => service.mappingOptions(request.params.tenantId),
  });
};

function failureView(failure: RecordFailure) {
  return {
    ...failure,
    firstFailedAt: isoString(failure.firstFailedAt),
    lastFailedAt: isoString(failure.lastFailedAt),
    retryRequestedAt: failure.retryRequestedAt === null ? null : isoString(failure.retryRequestedAt),
  };
}

function isoString(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}
