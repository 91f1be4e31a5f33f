/** An error answered as `{ "error": { "code", "message" } }` with the given HTTP status. */
export class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ODataError';
  }
}

export function invalidQuery(message: string): ODataError {
  return new ODataError(400, 'InvalidQuery', message);
}

export function validationError(message: string): ODataError {
  return new ODataError(400, 'ValidationError', message);
}

export function notFound(message: string): ODataError {
  return new ODataError(404, 'NotFound', message);
}
