import { loadEnv, webhookTargetFromEnv } from '../../config/env';

const valid = {
  DATABASE_URL: 'postgres://koppeling@127.0.0.1:5432/koppeling',
  KOPPELING_ENCRYPTION_KEY: 'ab'.repeat(32),
  ADMIN_API_TOKEN: 'a-long-enough-token',
  SNELSTART_SUBSCRIPTION_KEY: 'key',
};

describe('loadEnv', () => {
  it('fills defaults for what it may default', () => {
    const env = loadEnv(valid);
    expect(env).toMatchObject({
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      ADMIN_API_PORT: 8080,
      TEMPORAL_TASK_QUEUE: 'koppeling',
    });
  });

  it.each([
    ['DATABASE_URL', 'mysql://x', 'must be a postgres:// connection URL'],
    ['KOPPELING_ENCRYPTION_KEY', 'short', 'openssl rand -hex 32'],
    ['ADMIN_API_PORT', '70000', 'ADMIN_API_PORT'],
    ['TEMPORAL_ADDRESS', 'localhost', 'must be host:port'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
    ['PUBLIC_BASE_URL', 'ftp://koppeling.example.nl', 'must be an http(s) URL'],
    ['KOPPELING_ENCRYPTION_KEY', '0'.repeat(64), 'is a placeholder'],
    ['ADMIN_API_TOKEN', 'change-me-to-a-long-random-token', 'is the placeholder from .env.example'],
  ])('rejects %s=%s with a message naming the fix', (name, value, expected) => {
    expect(() => loadEnv({ ...valid, [name]: value })).toThrow(expected);
  });

  it('lists every missing variable at once', () => {
    expect(() => loadEnv({})).toThrow(
      /DATABASE_URL: is required[\s\S]*KOPPELING_ENCRYPTION_KEY: is required[\s\S]*ADMIN_API_TOKEN: is required/,
    );
  });
});

describe('loadEnv and optional settings', () => {
  it('takes an empty value (docker-compose `${NAME:-}`) as not set', () => {
    const env = loadEnv({ ...valid, TRIBE_WEBHOOK_SECRET: '', PUBLIC_BASE_URL: '' });
    expect(env.TRIBE_WEBHOOK_SECRET).toBeUndefined();
    expect(env.PUBLIC_BASE_URL).toBeUndefined();
  });

  it('reports an empty required value as missing', () => {
    expect(() => loadEnv({ ...valid, ADMIN_API_TOKEN: '' })).toThrow('ADMIN_API_TOKEN: is required');
  });

  it('takes a previous webhook secret only beside the new one', () => {
    expect(() => loadEnv({ ...valid, TRIBE_WEBHOOK_PREVIOUS_SECRET: 'the-secret-before-0123' })).toThrow(
      /TRIBE_WEBHOOK_SECRET: is required with TRIBE_WEBHOOK_PREVIOUS_SECRET/,
    );
    const env = loadEnv({
      ...valid,
      TRIBE_WEBHOOK_SECRET: 'a-webhook-secret-long-enough',
      TRIBE_WEBHOOK_PREVIOUS_SECRET: 'the-secret-before-0123',
      PUBLIC_BASE_URL: 'https://koppeling.example.nl',
    });
    expect(webhookTargetFromEnv(env)).toEqual({
      baseUrl: 'https://koppeling.example.nl',
      secret: 'a-webhook-secret-long-enough',
      previousSecret: 'the-secret-before-0123',
    });
  });

  it('needs the public address Tribe posts to when a webhook secret is given', () => {
    expect(() => loadEnv({ ...valid, TRIBE_WEBHOOK_SECRET: 'a-webhook-secret-long-enough' })).toThrow(
      /PUBLIC_BASE_URL: is required with TRIBE_WEBHOOK_SECRET/,
    );
    const env = loadEnv({
      ...valid,
      TRIBE_WEBHOOK_SECRET: 'a-webhook-secret-long-enough',
      PUBLIC_BASE_URL: 'https://koppeling.example.nl',
    });
    expect(env.PUBLIC_BASE_URL).toBe('https://koppeling.example.nl');
  });
});
