import { randomBytes } from 'node:crypto';

interface IssuedToken {
  readonly clientId: string;
  readonly expiresAt: number;
}

/** Opaque bearer tokens with a configurable lifetime, so tests can make them expire quickly. */
export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    public lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(clientId: string): { accessToken: string; expiresIn: number } {
    if (this.tokens.size > 10_000) this.sweep();
    const accessToken = randomBytes(32).toString('base64url');
    this.tokens.set(accessToken, { clientId, expiresAt: this.now() + this.lifetimeSeconds * 1000 });
    return { accessToken, expiresIn: this.lifetimeSeconds };
  }

  /** The client the token was issued to, or undefined when it is unknown or expired. */
  verify(accessToken: string): string | undefined {
    const token = this.tokens.get(accessToken);
    if (!token) return undefined;
    if (token.expiresAt <= this.now()) {
      this.tokens.delete(accessToken);
      return undefined;
    }
    return token.clientId;
  }

  /** Makes every issued token invalid at once (optionally only one client's). */
  revokeAll(clientId?: string): void {
    for (const [accessToken, token] of this.tokens) {
      if (clientId === undefined || token.clientId === clientId) this.tokens.delete(accessToken);
    }
  }

  private sweep(): void {
    const now = this.now();
    for (const [accessToken, token] of this.tokens)
      if (token.expiresAt <= now) this.tokens.delete(accessToken);
  }
}
