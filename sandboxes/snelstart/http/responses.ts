import { ODataQueryError } from '../odata/odata-error';
import { ModelStateFailure, NotFound, ValidationFailure } from '../resources/api-errors';

export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** API Management's answer to a missing or invalid subscription key. */
export const INVALID_SUBSCRIPTION_KEY: ApiResult = {
  status: 401,
  body: {
    statusCode: 401,
    message:
      'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
  },
};

/** API Management's answer to a missing, invalid or expired bearer token. */
export const INVALID_TOKEN: ApiResult = {
  status: 401,
  body: { statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' },
};

export function rateLimited(retryAfterSeconds: number): ApiResult {
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.` },
  };
}

export function missingScopes(scopes: string[]): ApiResult {
  return {
    status: 403,
    body: {
      statusCode: 403,
      message: `Het token heeft niet de benodigde scope(s) voor deze operatie: ${scopes.join(', ')}.`,
    },
  };
}

export function serverError(status: number): ApiResult {
  return { status, body: { statusCode: status, message: 'Internal server error' } };
}

/** Maps what a resource handler threw onto the body shape SnelStart uses for it. */
export function errorResult(error: unknown): ApiResult {
  if (error instanceof ValidationFailure) return { status: 400, body: error.errors };
  if (error instanceof ModelStateFailure) {
    return { status: 400, body: { message: 'The request is invalid.', modelState: error.modelState } };
  }
  if (error instanceof ODataQueryError) {
    return {
      status: 400,
      body: [{ errorCode: 'ALG-0104', message: `Ongeldig OData filter: ${error.message}` }],
    };
  }
  if (error instanceof NotFound) return { status: 404, body: { Message: error.message } };
  console.error('snelstart sandbox: unexpected error', error);
  return { status: 500, body: { Message: 'An error has occurred.' } };
}

/** Reads a raw request body as JSON; undefined when empty. */
export function parseJsonBody(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new ModelStateFailure({
      model: [`De request body is geen geldige JSON: ${(error as Error).message}`],
    });
  }
}
