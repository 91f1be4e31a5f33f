import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { networkFailureOf } from '../http/network-failure';
import { readErrorBody, SnelStartApiError, SnelStartResponseError } from './errors';
import type { SnelStartCall } from './snelstart-call';

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
});

/** Renew this long before expiry (but at most half a token's lifetime, so short-lived tokens are reused). */
const RENEW_BEFORE_MS = 60_000;

interface CachedToken {
  value: string;
  renewAt: number;
  scopes: string[];
}

/**
 * Mints SnelStart access tokens with the tenant's koppelsleutel (`grant_type=clientkey`) and caches
 * them until shortly before they expire. Concurrent callers share one request. Neither the token nor
 * the koppelsleutel ever appears in an error.
 */
export class SnelStartTokenProvider {
  private cached?: CachedToken;
  private pending?: Promise<CachedToken>;

  constructor(
    private readonly http: AxiosInstance,
    private readonly tokenUrl: string,
    private readonly koppelsleutel: string,
    private readonly onCall: (call: SnelStartCall) => void,
    private readonly now: () => number = Date.now,
  ) {}

  async token(): Promise<string> {
    return (await this.current()).value;
  }

  /** The scopes the current token carries (from its `scopes` claim). */
  async scopes(): Promise<string[]> {
    return [...(await this.current()).scopes];
  }

  /** Forget the cached token (the API refused it); the next call mints a new one. */
  invalidate(token?: string): void {
    if (token === undefined || this.cached?.value === token) this.cached = undefined;
  }

  private async current(): Promise<CachedToken> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached;
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    this.cached = await this.pending;
    return this.cached;
  }

  private async fetch(): Promise<CachedToken> {
    const path = new URL(this.tokenUrl).pathname;
    const started = this.now();
    const form = new URLSearchParams({ grant_type: 'clientkey', clientkey: this.koppelsleutel }).toString();
    let response;
    try {
      response = await this.http.post<string>(this.tokenUrl, form, {
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      });
    } catch (error) {
      const failure = networkFailureOf(error);
      this.onCall({
        kind: 'token',
        method: 'POST',
        path,
        durationMs: this.now() - started,
        attempt: 1,
        outcome: 'network-error',
      });
      throw new SnelStartApiError({
        kind: failure?.kind === 'timeout' ? 'timeout' : 'network',
        method: 'POST',
        path,
        messages: [`token request failed (${failure?.code ?? 'UNKNOWN'})`],
      });
    }
    const ok = response.status >= 200 && response.status < 300;
    this.onCall({
      kind: 'token',
      method: 'POST',
      path,
      status: response.status,
      durationMs: this.now() - started,
      attempt: 1,
      outcome: ok ? 'ok' : 'http-error',
    });
    if (!ok) {
      const { codes, messages } = readErrorBody(response.data ?? '');
      throw new SnelStartApiError({
        kind: response.status >= 500 ? 'server' : response.status === 429 ? 'rate-limited' : 'token-rejected',
        method: 'POST',
        path,
        status: response.status,
        codes,
        messages,
      });
    }
    const parsed = tokenResponseSchema.safeParse(safeJson(response.data));
    if (!parsed.success) {
      throw new SnelStartResponseError(
        { method: 'POST', path, status: response.status },
        'token response',
        parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      );
    }
    const lifetimeMs = parsed.data.expires_in * 1000;
    return {
      value: parsed.data.access_token,
      renewAt: started + lifetimeMs - Math.min(RENEW_BEFORE_MS, lifetimeMs / 2),
      scopes: scopesOf(parsed.data.access_token),
    };
  }
}

/** Reads the space-separated `scopes` claim from a JWT's payload (no signature check: it is ours to read). */
export function scopesOf(token: string): string[] {
  const payload = token.split('.')[1];
  if (!payload) return [];
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      scopes?: unknown;
      scope?: unknown;
    };
    const scopes = claims.scopes ?? claims.scope;
    if (Array.isArray(scopes)) return scopes.filter((scope): scope is string => typeof scope === 'string');
    return typeof scopes === 'string' ? scopes.split(/\s+/).filter((scope) => scope !== '') : [];
  } catch {
    return [];
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
