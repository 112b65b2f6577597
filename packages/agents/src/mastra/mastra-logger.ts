import { MastraLogger } from '@mastra/core/logger';

/** The structured logger the project uses (pino's shape): an object of fields, then the message. */
export interface StructuredLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Mastra's logger over the project's pino logger: Mastra's messages become one JSON line each, with errors
 * reduced to their name, message and code (no multi-line stack on the console; the stack goes to debug).
 * Written here because no maintained pino adapter for Mastra 1.x is installed.
 */
export class PinoMastraLogger extends MastraLogger {
  constructor(private readonly logger: StructuredLogger) {
    super({ name: 'mastra' });
  }

  debug(message: string, ...args: unknown[]): void {
    this.logger.debug(fields(args, true), message);
  }

  info(message: string, ...args: unknown[]): void {
    this.logger.info(fields(args, false), message);
  }

  warn(message: string, ...args: unknown[]): void {
    this.logger.warn(fields(args, false), message);
  }

  error(message: string, ...args: unknown[]): void {
    this.logger.error(fields(args, false), message);
  }

  override trackException(error: Error, metadata?: Record<string, unknown>): void {
    this.logger.error(fields([{ error, ...metadata }], false), 'mastra exception');
  }
}

/** Mastra's extra arguments as log fields: objects merged, errors summarized, anything else listed. */
function fields(args: unknown[], withStack: boolean): object {
  const out: Record<string, unknown> = { component: 'mastra' };
  const rest: unknown[] = [];
  for (const arg of args) {
    if (arg instanceof Error) out['err'] = summarize(arg, withStack);
    else if (arg !== null && typeof arg === 'object' && !Array.isArray(arg)) {
      for (const [key, value] of Object.entries(arg))
        out[key === 'error' ? 'err' : key] = value instanceof Error ? summarize(value, withStack) : value;
    } else if (arg !== undefined) rest.push(arg);
  }
  if (rest.length > 0) out['args'] = rest;
  return out;
}

function summarize(error: Error, withStack: boolean): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(code !== undefined ? { code } : {}),
    ...(withStack && error.stack ? { stack: error.stack } : {}),
  };
}
