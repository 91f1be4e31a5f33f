import { CancelledFailure, Context } from '@temporalio/activity';

function currentContext(): Context | undefined {
  try {
    return Context.current();
  } catch {
    // Not inside an activity (e.g. the preview runs the same code directly).
    return undefined;
  }
}

/**
 * Heartbeats when running inside an activity (tells Temporal a long batch is alive); a no-op elsewhere, and in a
 * local activity, which has no heartbeat (its short timeout bounds it).
 */
export function heartbeat(details?: unknown): void {
  const context = currentContext();
  if (context && !context.info.isLocal) context.heartbeat(details);
}

/** True inside a local activity: it runs in a workflow task, so it must not wait long for anything. */
export function isLocalAttempt(): boolean {
  return currentContext()?.info.isLocal ?? false;
}

/** True on a retry of the current activity: a previous attempt may have written without recording it. */
export function isRetryAttempt(): boolean {
  return (currentContext()?.info.attempt ?? 1) > 1;
}

/**
 * Aborts when Temporal gives up on the current attempt (cancelled, heartbeat or start-to-close timed out,
 * worker shutting down); undefined outside an activity. Cancellation only reaches an activity through its
 * heartbeats, so code that watches this must also heartbeat.
 */
export function activitySignal(): AbortSignal | undefined {
  return currentContext()?.cancellationSignal;
}

/**
 * Throws once Temporal has given up on the current attempt. Called before every write: by then a new attempt
 * may be running, and two attempts writing the same record is how duplicates are made.
 */
export function stopIfCancelled(): void {
  const signal = activitySignal();
  if (!signal?.aborted) return;
  throw signal.reason instanceof Error ? signal.reason : new CancelledFailure(String(signal.reason));
}

/** Per record: shows Temporal the attempt is alive and stops it once Temporal has given up on it. */
export function recordCheckpoint(): void {
  heartbeat();
  stopIfCancelled();
}

/** True for the error {@link stopIfCancelled} throws (or the SDK's own): the attempt must end, not carry on. */
export function isCancellation(err: unknown): boolean {
  return err instanceof CancelledFailure;
}
