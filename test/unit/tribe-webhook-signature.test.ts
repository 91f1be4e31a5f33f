import { createHmac } from 'node:crypto';
import { signTribeWebhook, verifyTribeSignature } from '../../api-clients/tribe';

describe('verifyTribeSignature', () => {
  const secret = 'webhook-secret-1';
  const body =
    '{"webhookId":"w1","payload":{"type":"EntityUpdateMutation","entityType":"Activity.Invoice","entityId":"x","timestamp":"2026-01-01T00:00:00.000Z"}}';

  it('accepts base64(HMAC-SHA512(secret, raw body)) as string or buffer', () => {
    const header = createHmac('sha512', secret).update(body).digest('base64');
    expect(signTribeWebhook(secret, body)).toBe(header);
    expect(verifyTribeSignature(secret, body, header)).toBe(true);
    expect(verifyTribeSignature(secret, Buffer.from(body), header)).toBe(true);
  });

  it('rejects a forged or mismatched signature', () => {
    const header = signTribeWebhook(secret, body);
    expect(verifyTribeSignature('another-secret', body, header)).toBe(false);
    expect(verifyTribeSignature(secret, body.replace('x', 'y'), header)).toBe(false);
    expect(verifyTribeSignature(secret, body, createHmac('sha512', secret).update(body).digest('hex'))).toBe(
      false,
    );
    expect(
      verifyTribeSignature(
        secret,
        body,
        Buffer.from(createHmac('sha512', secret).update(body).digest('hex')).toString('base64'),
      ),
    ).toBe(false);
  });

  it('rejects a missing, empty, repeated or malformed header', () => {
    expect(verifyTribeSignature(secret, body, undefined)).toBe(false);
    expect(verifyTribeSignature(secret, body, '')).toBe(false);
    expect(verifyTribeSignature(secret, body, ['a', 'b'])).toBe(false);
    expect(verifyTribeSignature(secret, body, 'not base64 at all')).toBe(false);
  });
});
