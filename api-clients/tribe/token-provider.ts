import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import type { TribeCallListener } from './call-info';
import { TribeApiError, TribeResponseError } from './errors';
import { exchange } from './http-exchange';

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
});

const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

const TOKEN_ATTEMPTS = 3;

/**
 * Client-credentials access tokens, cached and renewed shortly before they expire (a tenth of the lifetime,
 * at most a minute early). Concurrent callers share one token request. Secret and token live in private
 * fields so they never show up when the client is logged or inspected.
 */
export class TokenProvider {
  readonly #clientSecret: string;
  #cached?: { readonly token: string; readonly renewAt: number };
  #pending?: Promise<string>;

  constructor(
    private readonly http: AxiosInstance,
    private readonly tokenUrl: string,
    private readonly clientId: string,
    clientSecret: string,
    private readonly onCall: TribeCallListener,
    private readonly now: () => number = Date.now,
  ) {
    this.#clientSecret = clientSecret;
  }

  async token(): Promise<string> {
    if (this.#cached && this.now() < this.#cached.renewAt) return this.#cached.token;
    this.#pending ??= this.fetchToken().finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  /** Drops a token the API rejected, so the next call fetches a new one. */
  invalidate(token: string): void {
    if (this.#cached?.token === token) this.#cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.clientId,
      client_secret: this.#clientSecret,
      scope: 'read write',
    }).toString();
    for (let attempt = 1; ; attempt++) {
      const started = this.now();
      const result = await exchange(this.http, {
        method: 'POST',
        url: this.tokenUrl,
        data: form,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      const status = result.kind === 'response' ? result.status : 0;
      this.onCall({ kind: 'token', method: 'POST', status, durationMs: this.now() - started, attempt });
      const error = this.toError(result);
      if (!error) return this.remember(result.kind === 'response' ? result.data : undefined, started);
      if (!error.retryable || attempt >= TOKEN_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }

  private remember(data: unknown, requestedAt: number): string {
    const parsed = tokenResponseSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TribeResponseError('oauth2/token', issue?.path.join('.') ?? '', issue?.message ?? 'invalid');
    }
    const lifetimeMs = parsed.data.expires_in * 1000;
    const margin = Math.min(60_000, lifetimeMs / 10);
    this.#cached = { token: parsed.data.access_token, renewAt: requestedAt + lifetimeMs - margin };
    return parsed.data.access_token;
  }

  private toError(result: Awaited<ReturnType<typeof exchange>>): TribeApiError | undefined {
    if (result.kind === 'network') {
      return new TribeApiError({
        status: 0,
        code: result.code,
        message: `Tribe token request for client ${this.clientId} failed: ${result.detail}`,
        retryable: true,
        method: 'POST',
      });
    }
    if (result.status >= 200 && result.status < 300) return undefined;
    const oauth = oauthErrorSchema.safeParse(result.data);
    const code = oauth.success ? oauth.data.error : `HTTP_${result.status}`;
    const description =
      oauth.success && oauth.data.error_description ? ` (${oauth.data.error_description})` : '';
    return new TribeApiError({
      status: result.status,
      code,
      message: `Tribe token request for client ${this.clientId} failed: ${result.status} ${code}${description}`,
      retryable: result.status === 429 || result.status >= 500,
      method: 'POST',
    });
  }
}
