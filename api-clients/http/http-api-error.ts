/**
 * What every API client error tells its caller: whether trying again can help, how long to wait, and
 * whether a write may have been applied although no answer arrived. Messages name the method and path,
 * never headers, tokens or keys.
 */
export abstract class HttpApiError extends Error {
  abstract readonly retryable: boolean;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** A write whose answer was lost: look it up by its natural key before trying again. */
  readonly unknownOutcome: boolean;

  protected constructor(
    message: string,
    details: {
      method: string;
      path: string;
      status?: number;
      retryAfterMs?: number;
      unknownOutcome?: boolean;
    },
  ) {
    super(message);
    this.name = new.target.name;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.unknownOutcome = details.unknownOutcome ?? false;
  }
}
