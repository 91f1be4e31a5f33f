import type { AxiosInstance } from 'axios';
import type { TribeCallListener } from './call-info';
import { TribeApiError } from './errors';
import { exchange, type Exchange } from './http-exchange';
import { buildODataQueryString, type ODataQuery } from './odata-query';
import { backoffDelay, parseRetryAfter, type RetryPolicy } from './retry-policy';
import type { TokenProvider } from './token-provider';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface TribeRequest {
  readonly method: HttpMethod;
  /** Full URL of the resource without query string. */
  readonly url: string;
  readonly query?: ODataQuery;
  readonly body?: unknown;
  /** Named in errors and call reports. */
  readonly entitySet: string;
}

/**
 * Sends authenticated requests and applies the retry rules: a 401 renews the token once; a 429 is waited out
 * (Retry-After, bounded) for any method since nothing was done; a GET is retried with back-off on 5xx and
 * network errors. Writes are never retried here: their outcome may be unknown.
 */
export class TribeTransport {
  private calls = 0;

  constructor(
    private readonly http: AxiosInstance,
    private readonly tokens: TokenProvider,
    private readonly policy: RetryPolicy,
    private readonly onCall: TribeCallListener,
  ) {}

  /** API requests sent so far, retries included (token requests not). */
  get callCount(): number {
    return this.calls;
  }

  async request(request: TribeRequest): Promise<unknown> {
    const query = request.query ? buildODataQueryString(request.query) : '';
    const url = query ? `${request.url}?${query}` : request.url;
    let failures = 0;
    let rateLimited = 0;
    let renewedToken = false;
    for (let attempt = 1; ; attempt++) {
      const token = await this.tokens.token();
      const started = Date.now();
      const result = await exchange(this.http, {
        method: request.method,
        url,
        data: request.body,
        headers: { Authorization: `Bearer ${token}` },
      });
      this.calls++;
      const status = result.kind === 'response' ? result.status : 0;
      this.onCall({
        kind: 'api',
        method: request.method,
        entitySet: request.entitySet,
        status,
        durationMs: Date.now() - started,
        attempt,
      });
      if (result.kind === 'response' && status >= 200 && status < 300) return result.data;

      const error = toApiError(request, result);
      if (status === 401 && !renewedToken) {
        renewedToken = true;
        this.tokens.invalidate(token);
        continue;
      }
      if (status === 429) {
        const wait = error.retryAfterMs ?? 1000;
        if (rateLimited >= this.policy.rateLimitRetries || wait > this.policy.maxRetryAfterMs) throw error;
        rateLimited++;
        await sleep(wait);
        continue;
      }
      if (request.method === 'GET' && error.retryable && ++failures < this.policy.getAttempts) {
        await sleep(backoffDelay(this.policy, failures));
        continue;
      }
      throw error;
    }
  }
}

function toApiError(request: TribeRequest, result: Exchange): TribeApiError {
  const isWrite = request.method !== 'GET';
  const where = `Tribe ${request.method} ${request.entitySet}`;
  if (result.kind === 'network') {
    const timeout = result.code === 'TIMEOUT';
    return new TribeApiError({
      status: 0,
      code: result.code,
      message: `${where}: ${timeout ? 'timed out' : 'network error'} (${result.detail})`,
      retryable: true,
      method: request.method,
      entitySet: request.entitySet,
      // a refused connection never carried the request, so nothing can have been applied
      unknownOutcome: (isWrite && result.detail !== 'ECONNREFUSED') || undefined,
    });
  }
  const { status } = result;
  const body = readErrorBody(result.data);
  const retryable = status === 429 || status >= 500;
  return new TribeApiError({
    status,
    code: body.code ?? `HTTP_${status}`,
    message: `${where}: ${status}${body.code ? ` ${body.code}` : ''}${body.message ? `: ${body.message}` : ''}`,
    retryable,
    method: request.method,
    entitySet: request.entitySet,
    retryAfterMs: status === 429 ? parseRetryAfter(result.headers['retry-after']) : undefined,
    unknownOutcome: isWrite && status >= 500 && status !== 503 ? true : undefined,
  });
}

function readErrorBody(data: unknown): { code?: string; message?: string } {
  const error = (data as { error?: unknown } | null)?.error;
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as Record<string, unknown>;
    return {
      code: typeof code === 'string' ? code : undefined,
      message: typeof message === 'string' ? message : undefined,
    };
  }
  return {};
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
