import { setTimeout as sleep } from 'node:timers/promises';
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { z } from 'zod';
import type { RateLimiter } from '../http/rate-limiter';
import { networkFailureOf } from '../http/network-failure';
import { parseRetryAfter } from '../http/retry-after';
import { readErrorBody, SnelStartApiError, SnelStartResponseError, type SnelStartErrorKind } from './errors';
import type { SnelStartCall } from './snelstart-call';
import type { SnelStartTokenProvider } from './token-provider';

export interface RetryPolicy {
  /** 429s waited out per call (nothing was applied, so any method may go again). */
  rateLimitRetries: number;
  /** Extra attempts for a GET after a 5xx, timeout or network error. */
  readRetries: number;
  /** First backoff for those GET retries; doubles each time, with jitter. */
  backoffMs: number;
  /** Wait after a 429 that carries no Retry-After. */
  defaultRetryAfterMs: number;
  /**
   * Longest Retry-After waited out in-process; a longer one (an exhausted hourly budget) fails with
   * `retryAfterMs`, so the caller can reschedule instead of holding a worker slot.
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  rateLimitRetries: 5,
  readRetries: 3,
  backoffMs: 250,
  defaultRetryAfterMs: 1000,
  maxRetryAfterMs: 120_000,
};

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below the API base, e.g. `/relaties/{id}` with the id already encoded. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/**
 * One SnelStart call with everything around it: bearer token and subscription key, the shared rate
 * limiter, 429s waited out (Retry-After), GETs retried on 5xx/timeouts with backoff, one token renewal
 * on a 401, and typed errors. Writes are never retried after a 5xx or a lost answer: those errors say
 * `unknownOutcome`, and the caller looks the record up by its natural key first.
 */
export class SnelStartHttp {
  private readonly basePath: string;

  constructor(
    private readonly http: AxiosInstance,
    private readonly apiUrl: string,
    private readonly subscriptionKey: string,
    private readonly tokens: SnelStartTokenProvider,
    private readonly onCall: (call: SnelStartCall) => void,
    private readonly limiter: RateLimiter | undefined,
    private readonly retry: RetryPolicy,
  ) {
    this.basePath = new URL(apiUrl).pathname.replace(/\/$/, '');
  }

  /** Sends `request` and validates the JSON answer against `schema`. */
  async json<T>(request: ApiRequest, schema: z.ZodType<T>, model: string): Promise<T> {
    const body = await this.send(request);
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw malformed(request, model, parsed.error);
    return parsed.data;
  }

  /** Sends `request` and returns the parsed JSON answer unvalidated (lists validate per row). */
  async send(request: ApiRequest): Promise<unknown> {
    const isRead = request.method === 'GET';
    const label = `${this.basePath}${request.path}`;
    const query = toQueryString(request.query);
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    let rateLimited = 0;
    let failedReads = 0;
    let renewedToken = false;

    for (let attempt = 1; ; attempt++) {
      const token = await this.tokens.token();
      const release = this.limiter ? await this.limiter.acquire() : undefined;
      const started = performance.now();
      let response: AxiosResponse<string> | undefined;
      let failure: ReturnType<typeof networkFailureOf>;
      try {
        response = await this.http.request<string>({
          method: request.method,
          url: `${this.apiUrl}${request.path}${query}`,
          data: payload,
          headers: {
            authorization: `Bearer ${token}`,
            'ocp-apim-subscription-key': this.subscriptionKey,
            accept: 'application/json',
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          },
        });
      } catch (error) {
        failure = networkFailureOf(error) ?? { kind: 'other', code: 'UNKNOWN', mayHaveBeenSent: true };
      } finally {
        release?.();
      }
      const durationMs = Math.round(performance.now() - started);
      const call = { kind: 'api', method: request.method, path: label, query, durationMs, attempt } as const;

      if (!response) {
        this.onCall({ ...call, outcome: 'network-error', requestBody: request.body });
        if (isRead && failedReads < this.retry.readRetries) {
          await this.backoff(++failedReads);
          continue;
        }
        throw new SnelStartApiError({
          kind: failure?.kind === 'timeout' ? 'timeout' : 'network',
          method: request.method,
          path: label,
          messages: [`no answer (${failure?.code ?? 'UNKNOWN'})`],
          unknownOutcome: !isRead && (failure?.mayHaveBeenSent ?? true),
        });
      }

      const status = response.status;
      const text = response.data ?? '';
      if (status >= 200 && status < 300) {
        const body = parseJson(text, request, status);
        this.onCall({ ...call, status, outcome: 'ok', requestBody: request.body, responseBody: body });
        return body;
      }
      this.onCall({
        ...call,
        status,
        outcome: 'http-error',
        requestBody: request.body,
        responseBody: safeJson(text),
      });
      const { codes, messages } = readErrorBody(text);

      if (status === 401 && !renewedToken && !messages.some((m) => /subscription key/i.test(m))) {
        renewedToken = true;
        this.tokens.invalidate(token);
        continue;
      }
      if (status === 429) {
        const retryAfterMs =
          parseRetryAfter(response.headers['retry-after']) ?? this.retry.defaultRetryAfterMs;
        this.limiter?.pauseFor(retryAfterMs);
        if (rateLimited < this.retry.rateLimitRetries && retryAfterMs <= this.retry.maxRetryAfterMs) {
          rateLimited++;
          await sleep(retryAfterMs);
          continue;
        }
        throw new SnelStartApiError({
          kind: 'rate-limited',
          method: request.method,
          path: label,
          status,
          codes,
          messages,
          retryAfterMs,
        });
      }
      if (status >= 500 && isRead && failedReads < this.retry.readRetries) {
        await this.backoff(++failedReads);
        continue;
      }
      throw new SnelStartApiError({
        kind: kindOf(status),
        method: request.method,
        path: label,
        status,
        codes,
        messages,
        unknownOutcome: status >= 500 && !isRead,
      });
    }
  }

  private async backoff(failures: number): Promise<void> {
    const base = this.retry.backoffMs * 2 ** (failures - 1);
    await sleep(base / 2 + Math.random() * (base / 2));
  }
}

function kindOf(status: number): SnelStartErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'server';
  return 'validation';
}

function toQueryString(query: ApiRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function parseJson(text: string, request: ApiRequest, status: number): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SnelStartResponseError(
      { method: request.method, path: request.path, status },
      'JSON document',
      [{ path: '', message: 'the answer is not JSON' }],
    );
  }
}

function safeJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

/** Turns a zod failure into the typed error, naming the endpoint and where in the body it broke. */
export function malformed(
  request: ApiRequest,
  model: string,
  error: z.ZodError,
  rowIndex?: number,
): SnelStartResponseError {
  const prefix = rowIndex === undefined ? [] : [rowIndex];
  return new SnelStartResponseError(
    { method: request.method, path: request.path },
    model,
    error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message })),
  );
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}
