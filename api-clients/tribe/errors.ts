/** Base of every error the Tribe client throws; `retryable` tells the caller whether trying again can help. */
export abstract class TribeError extends Error {
  abstract readonly retryable: boolean;
}

export interface TribeApiErrorDetails {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly method: string;
  readonly entitySet?: string;
  readonly retryAfterMs?: number;
  readonly unknownOutcome?: boolean;
}

/**
 * An HTTP or network failure. `status` is 0 when no response arrived. Retryable: 429, 5xx, network errors
 * and timeouts. `unknownOutcome` marks a write that may or may not have been applied (the connection failed
 * or timed out, or a 5xx other than 503 came back): look the record up by its natural key before retrying.
 */
export class TribeApiError extends TribeError {
  readonly status: number;
  readonly code: string;
  readonly retryable: boolean;
  readonly method: string;
  readonly entitySet?: string;
  readonly retryAfterMs?: number;
  readonly unknownOutcome?: boolean;

  constructor(details: TribeApiErrorDetails) {
    super(details.message);
    this.name = 'TribeApiError';
    this.status = details.status;
    this.code = details.code;
    this.retryable = details.retryable;
    this.method = details.method;
    this.entitySet = details.entitySet;
    this.retryAfterMs = details.retryAfterMs;
    this.unknownOutcome = details.unknownOutcome;
  }
}

/** Tribe answered with a body that does not match the expected schema. Retrying gives the same answer. */
export class TribeResponseError extends TribeError {
  readonly retryable = false;

  constructor(
    readonly entitySet: string,
    /** Where in the response body the mismatch is, e.g. `value.3.VisitingAddress.HouseNumber`. */
    readonly path: string,
    detail: string,
  ) {
    super(`Malformed Tribe response for ${entitySet} at ${path || '(root)'}: ${detail}`);
    this.name = 'TribeResponseError';
  }
}

/** The caller passed a value the client refuses to send (missing name, wrong type, malformed GUID). */
export class TribeInputError extends TribeError {
  readonly retryable = false;

  constructor(
    readonly entitySet: string,
    readonly path: string,
    detail: string,
  ) {
    super(`Invalid input for ${entitySet}${path ? ` at ${path}` : ''}: ${detail}`);
    this.name = 'TribeInputError';
  }
}
