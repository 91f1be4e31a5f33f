import { z } from 'zod';

const isoDateTime = z.string().describe('ISO 8601 date-time');
// Responses are not re-validated against the id rule: the tenants table already enforces it.
const tenantIdSchema = z.string().describe('The tenant id.');

/** The activation file as JSON; its contents are validated by the service against both live systems. */
export const activationFileSchema = z
  .record(z.string(), z.unknown())
  .describe(
    'The activation file: SnelStart koppelsleutel, Tribe client credentials, mappings and settings. ' +
      'Holds secrets: it is never logged.',
  );

export const activationResultSchema = z.object({
  tenantId: tenantIdSchema,
  workflowId: z.string(),
  snelstartPackage: z.string(),
  administratieNaam: z.string().nullable(),
  warnings: z.array(z.string()),
});

const tenantLifecycleSchema = z.enum(['activating', 'active', 'paused', 'deactivated']);

export const tenantSummarySchema = z.object({
  tenantId: tenantIdSchema,
  status: tenantLifecycleSchema,
  mode: z.enum(['invoice', 'salesOrder']),
  administratieNaam: z.string().nullable(),
  activatedAt: isoDateTime.nullable(),
});

export const tenantListSchema = z.object({ tenants: z.array(tenantSummarySchema) });

const syncCountsSchema = z.object({
  created: z.number(),
  updated: z.number(),
  matched: z.number(),
  skipped: z.number(),
  failed: z.number(),
  conflicts: z.number(),
});

const entityProgressSchema = z.object({
  done: z.number(),
  total: z.number().nullable(),
  finished: z.boolean(),
});

export const workflowStatusSchema = z.object({
  tenantId: tenantIdSchema,
  phase: z.enum(['initial-sync', 'idle', 'syncing', 'paused', 'deactivated']),
  paused: z.boolean(),
  progress: z.record(z.string(), entityProgressSchema).describe('Per entity, e.g. `relations`, `products`.'),
  lastSyncAt: isoDateTime.nullable(),
  lastSyncError: z.string().nullable(),
  nextSyncAt: isoDateTime.nullable(),
  cycles: z.number(),
  counts: syncCountsSchema,
  openFailures: z.number(),
  warnings: z.array(z.string()),
});

export const tenantStatusReportSchema = z.object({
  tenantId: tenantIdSchema,
  status: tenantLifecycleSchema,
  workflow: workflowStatusSchema
    .nullable()
    .describe('Live state of the tenant workflow; null when not running.'),
  openFailures: z.number(),
  warnings: z.array(z.string()),
});

export const actionAcceptedSchema = z.object({
  tenantId: tenantIdSchema,
  action: z.enum(['pause', 'resume', 'deactivate', 'sync']),
});

export const recordFailureSchema = z.object({
  id: z.number(),
  entity: z.string(),
  source: z.enum(['snelstart', 'tribe']),
  recordId: z.string(),
  operation: z.string(),
  reason: z.string(),
  details: z.unknown(),
  attempts: z.number(),
  firstFailedAt: isoDateTime,
  lastFailedAt: isoDateTime,
  retryRequestedAt: isoDateTime.nullable(),
});

export const failureListSchema = z.object({
  tenantId: tenantIdSchema,
  failures: z.array(recordFailureSchema),
});

// Nullish: fastify validates a missing body as null.
export const retryRequestSchema = z
  .object({
    recordId: z
      .string()
      .min(1)
      .optional()
      .describe('Retry only this record; all open failures when omitted.'),
  })
  .nullish()
  .describe('Optional: without a body every open failure is retried.');

export const retryResultSchema = z.object({
  tenantId: tenantIdSchema,
  marked: z.number().describe('How many failed records were marked for another attempt.'),
});

const optionSchema = z.object({
  id: z.string(),
  // Nullable per branch: OpenAPI 3.0 gives `nullable` no meaning next to `anyOf`.
  code: z.union([z.string().nullable(), z.number().nullable()]).optional(),
  name: z.string(),
});

export const mappingOptionsSchema = z.object({
  snelstart: z.object({
    btwSoorten: z.array(optionSchema),
    grootboeken: z.array(optionSchema),
    verkoopordersjablonen: z.array(optionSchema),
  }),
  tribe: z.object({
    vatGroups: z.array(optionSchema),
    ledgerAccounts: z.array(optionSchema),
    addressTypes: z.array(optionSchema),
    relationTypes: z.array(optionSchema),
  }),
});

const previewOutcomeSchema = z.enum(['linked', 'matched', 'create', 'skip', 'ambiguous']);

export const previewReportSchema = z.object({
  rows: z.array(
    z.object({
      entity: z.enum(['relation', 'product']),
      snelstartId: z.string(),
      code: z.string().nullable(),
      name: z.string(),
      outcome: previewOutcomeSchema,
      rule: z.string().nullable(),
      tribeId: z.string().nullable(),
      candidates: z.array(z.string()),
      reason: z.string().nullable(),
    }),
  ),
  totals: z.object({
    linked: z.number(),
    matched: z.number(),
    create: z.number(),
    skip: z.number(),
    ambiguous: z.number(),
  }),
});

export const webhookRenewalRequestSchema = z
  .object({
    tenantIds: z
      .array(tenantIdSchema)
      .min(1)
      .optional()
      .describe('Renew only these tenants; every tenant when omitted.'),
  })
  .nullish()
  .describe('Optional: without a body every tenant is renewed.');

export const webhookRenewalListSchema = z.object({
  tenants: z.array(
    z.object({
      tenantId: z.string(),
      outcome: z.enum(['renewed', 'failed', 'skipped']),
      added: z.array(z.string()).describe('Entity types registered anew.'),
      replaced: z.number().int().describe('Webhooks made with an earlier secret that were removed.'),
      message: z.string().nullable().describe('Why it failed or was skipped, and what to do.'),
    }),
  ),
});

/** The wire shapes, as a client of the admin API sees them. */
export type ActivationResultBody = z.infer<typeof activationResultSchema>;
export type TenantListBody = z.infer<typeof tenantListSchema>;
export type TenantStatusReportBody = z.infer<typeof tenantStatusReportSchema>;
export type WorkflowStatusBody = z.infer<typeof workflowStatusSchema>;
export type ActionAcceptedBody = z.infer<typeof actionAcceptedSchema>;
export type TenantAction = ActionAcceptedBody['action'];
export type RecordFailureBody = z.infer<typeof recordFailureSchema>;
export type FailureListBody = z.infer<typeof failureListSchema>;
export type RetryResultBody = z.infer<typeof retryResultSchema>;
export type MappingOptionsBody = z.infer<typeof mappingOptionsSchema>;
export type PreviewReportBody = z.infer<typeof previewReportSchema>;
export type WebhookRenewalListBody = z.infer<typeof webhookRenewalListSchema>;
