import { z } from 'zod';
import type { Endpoints } from '../activities/dependencies';
import type { WebhookTarget } from '../domain/webhook-subscriptions';

const port = z.coerce.number().int().min(1).max(65535);

/** Every setting the processes read from the environment, validated once at start-up. */
export const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'must be a postgres:// connection URL, e.g. postgres://koppeling@127.0.0.1:54329/koppeling',
      ),
    TEMPORAL_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d+$/, 'must be host:port, e.g. 127.0.0.1:7233')
      .default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('koppeling'),
    KOPPELING_ENCRYPTION_KEY: z
      .string()
      .regex(
        /^[0-9a-fA-F]{64}$/,
        'must be 32 bytes as 64 hex characters; generate one with: openssl rand -hex 32',
      )
      .refine(
        (key) => !/^(.)\1*$/.test(key),
        'is a placeholder (one character repeated); generate a real key with: openssl rand -hex 32',
      ),
    ADMIN_API_HOST: z.string().default('127.0.0.1'),
    ADMIN_API_PORT: port.default(8080),
    ADMIN_API_TOKEN: z
      .string()
      .min(16, 'must be at least 16 characters; generate one with: openssl rand -hex 24')
      .refine(
        (token) => !token.toLowerCase().startsWith('change-me'),
        'is the placeholder from .env.example; generate one with: openssl rand -hex 24',
      ),
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SNELSTART_API_URL: z.url().default('https://b2bapi.snelstart.nl/v2'),
    SNELSTART_TOKEN_URL: z.url().default('https://auth.snelstart.nl/b2b/token'),
    SNELSTART_SUBSCRIPTION_KEY: z
      .string()
      .min(1, 'the partner subscription key from the SnelStart developer portal'),
    TRIBE_API_URL: z.url().default('https://api.tribecrm.nl/v1/odata'),
    TRIBE_TOKEN_URL: z.url().default('https://auth.tribecrm.nl/oauth2/token'),
    TRIBE_WEBHOOK_SECRET: z.string().min(16).optional(),
    TRIBE_WEBHOOK_PREVIOUS_SECRET: z.string().min(16).optional(),
    PUBLIC_BASE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://koppeling.example.nl' })
      .optional(),
    WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .superRefine((env, ctx) => {
    if (env.TRIBE_WEBHOOK_PREVIOUS_SECRET && !env.TRIBE_WEBHOOK_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['TRIBE_WEBHOOK_SECRET'],
        message:
          'is required with TRIBE_WEBHOOK_PREVIOUS_SECRET: the new secret the webhooks are registered with (the previous one is only still accepted)',
      });
    if (env.TRIBE_WEBHOOK_SECRET && !env.PUBLIC_BASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_BASE_URL'],
        message:
          'is required with TRIBE_WEBHOOK_SECRET: the https address at which Tribe reaches the admin API (webhooks are registered there)',
      });
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; on a bad value throws one message listing every variable and its fix. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // docker-compose passes an unset `${NAME:-}` as an empty string: that means "not set", not an invalid value.
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(given);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const problem =
      issue.code === 'invalid_type' && given[name] === undefined ? 'is required' : issue.message;
    return `  ${name}: ${problem}`;
  });
  throw new ConfigError(
    `Invalid configuration:\n${lines.join('\n')}\nSee the Configuration section of the README.`,
  );
}

/** Where SnelStart and Tribe live for this deployment. */
export function endpointsFromEnv(env: Env): Endpoints {
  return {
    snelstart: {
      apiUrl: env.SNELSTART_API_URL,
      tokenUrl: env.SNELSTART_TOKEN_URL,
      subscriptionKey: env.SNELSTART_SUBSCRIPTION_KEY,
    },
    tribe: { apiUrl: env.TRIBE_API_URL, tokenUrl: env.TRIBE_TOKEN_URL },
  };
}

/** Where Tribe's webhooks are registered, or null when the deployment has none (the schema pairs both). */
export function webhookTargetFromEnv(env: Env): WebhookTarget | null {
  return env.TRIBE_WEBHOOK_SECRET && env.PUBLIC_BASE_URL
    ? {
        baseUrl: env.PUBLIC_BASE_URL,
        secret: env.TRIBE_WEBHOOK_SECRET,
        previousSecret: env.TRIBE_WEBHOOK_PREVIOUS_SECRET,
      }
    : null;
}
