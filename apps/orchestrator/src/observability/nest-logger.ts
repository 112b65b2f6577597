import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * NestJS's logger over the project's pino: Nest's own lines (routes mapped, lifecycle, errors) become JSON
 * lines like every other, with the request or turn context. Hand-written because it is ten lines; nestjs-pino
 * would add its own HTTP logging, which request-log.ts already does with the project's fields.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  // Nest's `log` lines are its bootstrap chatter (modules loaded, routes mapped): debug, not info.
  log(message: unknown, ...rest: unknown[]): void {
    this.logger.debug(fields(rest), text(message));
  }
  error(message: unknown, ...rest: unknown[]): void {
    const err = message instanceof Error ? message : undefined;
    this.logger.error({ ...fields(rest), ...(err ? { err } : {}) }, text(message));
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.logger.warn(fields(rest), text(message));
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.logger.debug(fields(rest), text(message));
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.logger.trace(fields(rest), text(message));
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.logger.fatal(fields(rest), text(message));
  }
}

function text(message: unknown): string {
  return message instanceof Error
    ? message.message
    : typeof message === 'string'
      ? message
      : JSON.stringify(message);
}

/** Nest passes the context (a class name) last, and sometimes a stack before it. */
function fields(rest: unknown[]): Record<string, unknown> {
  const strings = rest.filter((r): r is string => typeof r === 'string');
  const context = strings.at(-1);
  const stack = strings.length > 1 ? strings[0] : undefined;
  return { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
}
