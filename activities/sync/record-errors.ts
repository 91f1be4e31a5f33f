/** How the engine treats an error from either API while writing one record. */
export type ErrorClass = 'retryable' | 'unknown-outcome' | 'invalid';

interface ApiErrorShape {
  retryable?: unknown;
  unknownOutcome?: unknown;
}

/**
 * Retryable errors fail the activity so Temporal retries the (idempotent) batch; an unknown outcome means
 * "look up by the natural key before writing again"; everything else is a problem with this one record.
 */
export function classifyError(err: unknown): ErrorClass {
  const shape = (err ?? {}) as ApiErrorShape;
  if (shape.unknownOutcome === true) return 'unknown-outcome';
  if (shape.retryable === true) return 'retryable';
  return 'invalid';
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A record the engine will not write, with a message a person can act on. */
export class RecordProblem extends Error {
  override name = 'RecordProblem';
}

export function problemsMessage(problems: readonly { field: string; message: string }[]): string {
  return problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
}
