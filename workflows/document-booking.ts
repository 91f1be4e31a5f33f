import { ApplicationFailure, log, proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { TenantActivities } from '../activities';
import type { DocumentKind } from '../activities/types';

export interface DocumentBookingInput {
  tenantId: string;
  kind: DocumentKind;
  /** The Tribe invoice or sales order id. */
  tribeId: string;
}

export interface DocumentBookingResult {
  outcome: 'booked' | 'already-booked' | 'not-ready';
  number: string | null;
  snelstartId: string | null;
  documentId: string | null;
  reason?: string;
}

const acts = proxyActivities<TenantActivities>({
  // The attempt heartbeats all along (also while it waits for a rate-limit slot), so a worker that is gone is
  // noticed by the heartbeat timeout; the start-to-close timeout only bounds an attempt that hangs.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '2 minutes',
    nonRetryableErrorTypes: ['InvalidRecord', 'TenantNotFound'],
  },
});

/**
 * Books one Tribe invoice (or sales order) in SnelStart exactly once: customer, booking, document.
 * Every step looks up before it creates, so a crash or a lost response at any point is safe to retry.
 */
export async function documentBookingWorkflow(input: DocumentBookingInput): Promise<DocumentBookingResult> {
  try {
    const booked = await acts.bookDocumentInSnelStart(input);
    if (booked.number) upsertSearchAttributes({ KoppelingInvoiceNumber: [booked.number] });
    return booked;
  } catch (err) {
    const reason = failureMessage(err);
    log.warn('document booking failed', { tenantId: input.tenantId, tribeId: input.tribeId, reason });
    await acts.recordDocumentFailure({ ...input, number: null, reason });
    // Failing the run puts the reason in the Temporal UI; the record stays listed under `tenant failures`.
    throw ApplicationFailure.nonRetryable(reason, 'InvalidRecord');
  }
}

function failureMessage(err: unknown): string {
  let current: unknown = err;
  while (current instanceof Error && 'cause' in current && current.cause) {
    if (current instanceof ApplicationFailure) break;
    current = current.cause;
  }
  return current instanceof Error ? current.message : String(current);
}
