import { pino, type Logger } from 'pino';

/** Structured JSON logs. Secrets never reach here: config values are `Secret`s, which print as [redacted]. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'mcp-crew' },
    redact: { paths: ['*.botToken', '*.apiKey', '*.webhookSecret', '*.token', '*.authorization', 'headers.api_access_token'], censor: '[redacted]' },
  });
}
