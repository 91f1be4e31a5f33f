import { Context } from '@temporalio/activity';

/** Heartbeats when running inside an activity (tells Temporal a long batch is alive); a no-op elsewhere. */
export function heartbeat(details?: unknown): void {
  try {
    Context.current().heartbeat(details);
  } catch {
    // Not inside an activity (e.g. the preview runs the same code directly).
  }
}

/** True on a retry of the current activity: a previous attempt may have written without recording it. */
export function isRetryAttempt(): boolean {
  try {
    return Context.current().info.attempt > 1;
  } catch {
    return false;
  }
}
