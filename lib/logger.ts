import pino from 'pino';

/**
 * Structured JSON logs. Paths that could hold a secret are redacted wherever they appear, as a
 * second line of defence: code never logs credentials on purpose.
 */
export function createLogger(
  level: string = process.env.LOG_LEVEL ?? 'info',
  base: Record<string, unknown> = {},
) {
  return pino({
    level,
    base: { service: 'koppeling', ...base },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        '*.koppelsleutel',
        '*.clientSecret',
        '*.client_secret',
        '*.access_token',
        '*.authorization',
        '*.Authorization',
        'headers["ocp-apim-subscription-key"]',
        '*.subscriptionKey',
        'koppelsleutel',
        'clientSecret',
        'subscriptionKey',
      ],
      censor: '[redacted]',
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
