import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface AccessTokenClaims {
  /** The administration the token opens (its internal id, never the koppelsleutel). */
  sub: string;
  scopes: string;
  iat: number;
  exp: number;
  /** Tokens minted before an administration's tokens were revoked carry an older generation. */
  gen: number;
}

/** Mints and checks the JWT-shaped (HS256) access tokens the sandbox's token endpoint hands out. */
export class AccessTokenSigner {
  private readonly secret = randomBytes(32);

  sign(claims: AccessTokenClaims): string {
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify({ iss: 'snelstart-sandbox', ...claims }));
    return `${header}.${payload}.${this.signature(`${header}.${payload}`)}`;
  }

  /** The claims of a well-signed, unexpired token; undefined otherwise. */
  verify(token: string, nowSeconds: number): AccessTokenClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.signature(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessTokenClaims;
      return typeof claims.exp === 'number' && claims.exp > nowSeconds ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  private signature(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url');
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
