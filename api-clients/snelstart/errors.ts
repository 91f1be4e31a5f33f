import { HttpApiError } from '../http/http-api-error';

export type SnelStartErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'token-rejected';

const RETRYABLE_KINDS = new Set<SnelStartErrorKind>(['rate-limited', 'server', 'timeout', 'network']);

/**
 * A SnelStart call that failed. `codes` are SnelStart's error codes (e.g. `BOE-0021`), whatever body
 * shape they came in. Retryable: 429, 5xx, timeouts and network errors; everything else (validation,
 * 401/403, 404) fails the same way again.
 */
export class SnelStartApiError extends HttpApiError {
  readonly kind: SnelStartErrorKind;
  readonly codes: string[];
  readonly messages: string[];
  readonly retryable: boolean;

  constructor(details: {
    kind: SnelStartErrorKind;
    method: string;
    path: string;
    status?: number;
    codes?: string[];
    messages?: string[];
    retryAfterMs?: number;
    unknownOutcome?: boolean;
  }) {
    const codes = details.codes ?? [];
    const messages = details.messages ?? [];
    const answer = details.status === undefined ? details.kind : `${details.status}`;
    const what = [codes.join(', '), messages.join('; ')].filter((part) => part !== '').join(': ');
    super(
      `SnelStart ${details.method} ${details.path} failed (${answer})${what ? `: ${what}` : ''}`,
      details,
    );
    this.kind = details.kind;
    this.codes = codes;
    this.messages = messages;
    this.retryable = RETRYABLE_KINDS.has(details.kind);
  }

  hasCode(code: string): boolean {
    return this.codes.includes(code);
  }
}

export interface ResponseIssue {
  /** Where in the body, e.g. `[3].relatiesoort[0]`. */
  path: string;
  message: string;
}

/** SnelStart answered something that does not match its model: not retryable, nothing to wait for. */
export class SnelStartResponseError extends HttpApiError {
  readonly retryable = false;

  constructor(
    details: { method: string; path: string; status?: number },
    readonly model: string,
    readonly issues: ResponseIssue[],
  ) {
    const first = issues
      .slice(0, 3)
      .map((issue) => `${issue.path || '(root)'}: ${issue.message}`)
      .join('; ');
    super(`SnelStart ${details.method} ${details.path} returned a malformed ${model}: ${first}`, details);
  }
}

/** The caller's input does not fit SnelStart's write model; nothing was sent. */
export class SnelStartRequestError extends HttpApiError {
  readonly retryable = false;

  constructor(
    details: { method: string; path: string },
    readonly issues: ResponseIssue[],
  ) {
    const first = issues
      .slice(0, 3)
      .map((issue) => `${issue.path || '(root)'}: ${issue.message}`)
      .join('; ');
    super(`SnelStart ${details.method} ${details.path}: invalid input: ${first}`, details);
  }
}

const ERROR_CODE = /\b[A-Z]{3}-\d{4}\b/g;
const MAX_MESSAGE = 300;

/**
 * Reads SnelStart's error codes and messages from any of its error body shapes: the business array
 * `[{errorCode, message}]`, ASP.NET `{message, modelState}`, Web API `{Message}`, API Management
 * `{statusCode, message}` and the token endpoint's `{error, error_description}`.
 */
export function readErrorBody(text: string): { codes: string[]; messages: string[] } {
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const codes: string[] = [];
  const messages: string[] = [];
  const add = (message: unknown) => {
    if (typeof message === 'string' && message !== '') messages.push(message.slice(0, MAX_MESSAGE));
  };
  if (Array.isArray(body)) {
    for (const item of body) {
      const entry = item as { errorCode?: unknown; message?: unknown };
      if (typeof entry?.errorCode === 'string') codes.push(entry.errorCode);
      add(entry?.message);
    }
  } else if (body && typeof body === 'object') {
    const entry = body as Record<string, unknown>;
    add(entry.message ?? entry.Message ?? entry.error_description ?? entry.error);
    const modelState = entry.modelState ?? entry.ModelState;
    if (modelState && typeof modelState === 'object') {
      for (const [field, problems] of Object.entries(modelState)) {
        for (const problem of Array.isArray(problems) ? problems : [problems])
          add(`${field}: ${String(problem)}`);
      }
    }
  }
  if (body === undefined) add(text.trim());
  if (codes.length === 0) codes.push(...new Set(text.match(ERROR_CODE) ?? []));
  return { codes, messages };
}
