import {
  ActivityFailure,
  ApplicationFailure,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  upsertSearchAttributes,
} from '@temporalio/workflow';
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

/** Types the booking fails with for good: retrying cannot help. */
const FINAL_FAILURES = ['InvalidRecord', 'TenantNotFound'];

const acts = proxyActivities<TenantActivities>({
  // The attempt heartbeats all along (also while it waits for a rate-limit slot), so a worker that is gone is
  // noticed by the heartbeat timeout; the start-to-close timeout only bounds an attempt that hangs.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '2 minutes',
    nonRetryableErrorTypes: FINAL_FAILURES,
  },
});

/**
 * A booking usually takes a fraction of a second: its first attempt runs as a local activity, inside the
 * workflow task, which spares the server an activity task and a second workflow task per document. The timeout
 * stays under the workflow task's own (10 s), so a slow first attempt never keeps the task open; whatever it
 * did by then, the durable activity that takes over finds through its look-ups (under the same lock).
 */
const firstAttempt = proxyLocalActivities<TenantActivities>({
  startToCloseTimeout: '7 seconds',
  retry: { maximumAttempts: 1 },
});

/** Workflows started before the local first attempt replay as they ran. */
const LOCAL_FIRST_ATTEMPT_PATCH = 'booking-first-attempt-local';

/**
 * Books one Tribe invoice (or sales order) in SnelStart exactly once: customer, booking, document.
 * Every step looks up before it creates, so a crash or a lost response at any point is safe to retry.
 */
export async function documentBookingWorkflow(input: DocumentBookingInput): Promise<DocumentBookingResult> {
  try {
    const booked = await book(input);
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

async function book(input: DocumentBookingInput): Promise<DocumentBookingResult> {
  if (patched(LOCAL_FIRST_ATTEMPT_PATCH)) {
    try {
      return await firstAttempt.bookDocumentInSnelStart(input);
    } catch (err) {
      if (isFinal(err)) throw err;
      // Timed out, a fault, a paused tenant or a rate-limit wait: the durable activity retries with backoff.
      log.info('booking continues as an activity', {
        tenantId: input.tenantId,
        tribeId: input.tribeId,
        reason: failureMessage(err),
      });
    }
  }
  return acts.bookDocumentInSnelStart(input);
}

function isFinal(err: unknown): boolean {
  return (
    err instanceof ActivityFailure &&
    err.cause instanceof ApplicationFailure &&
    FINAL_FAILURES.includes(err.cause.type ?? '')
  );
}

function failureMessage(err: unknown): string {
  let current: unknown = err;
  while (current instanceof Error && 'cause' in current && current.cause) {
    if (current instanceof ApplicationFailure) break;
    current = current.cause;
  }
  return current instanceof Error ? current.message : String(current);
}
