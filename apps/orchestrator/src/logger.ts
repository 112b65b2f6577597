import { pino, type Logger } from 'pino';
import { currentLogContext } from './observability/log-context.js';

/** Structured JSON logs. Secrets never reach here: config values are `Secret`s, which print as [redacted]. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'mcp-crew' },
    // The request id, or the turn id with its tenant and conversation, on every line written inside one.
    mixin: () => ({ ...currentLogContext() }),
    redact: {
      paths: [
        '*.botToken',
        '*.apiKey',
        '*.webhookSecret',
        '*.token',
        '*.authorization',
        'headers.api_access_token',
      ],
      censor: '[redacted]',
    },
  });
}
