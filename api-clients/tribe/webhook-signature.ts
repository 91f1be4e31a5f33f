import { createHmac, timingSafeEqual } from 'node:crypto';

/** `X-Tribe-Signature` value for a body: base64 of HMAC-SHA512(secret, raw body bytes). */
export function signTribeWebhook(secret: string, rawBody: string | Buffer): string {
  return createHmac('sha512', secret).update(rawBody).digest('base64');
}

/**
 * Checks a webhook's `X-Tribe-Signature` against the raw request body (the exact bytes received, not a
 * re-serialised object), in constant time. False for a missing or malformed header.
 */
export function verifyTribeSignature(
  secret: string,
  rawBody: string | Buffer,
  header: string | string[] | undefined,
): boolean {
  if (typeof header !== 'string' || header === '') return false;
  const expected = createHmac('sha512', secret).update(rawBody).digest();
  const given = Buffer.from(header.trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
