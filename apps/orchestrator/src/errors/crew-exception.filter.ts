import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CrewError } from '@mcp-crew/core';
import { WebhookError } from '@mcp-crew/pipeline';
import type { Logger } from 'pino';
import { httpStatusOf } from './http-status.js';

/**
 * One place that turns errors into HTTP answers: `{ error: { code, message, details } }`.
 * Unknown errors become a 500 without internals, and are logged.
 */
@Catch()
export class CrewExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception);
    const retryAfter = exception instanceof CrewError ? exception.details['retryAfterSeconds'] : undefined;
    if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
    void reply.status(status).send({ error: body });
  }

  private toResponse(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof WebhookError) {
      if (exception.status >= 500) this.logger.error({ err: exception.cause, code: exception.code }, exception.message);
      return { status: exception.status, body: exception.toJSON() };
    }
    if (exception instanceof CrewError) {
      const status = httpStatusOf(exception);
      if (status >= 500) this.logger.error({ err: exception, code: exception.code }, exception.message);
      return { status, body: exception.toJSON() };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, body: { code: `HTTP_${status}`, message: exception.message } };
    }
    this.logger.error({ err: exception }, 'unhandled error');
    return { status: 500, body: { code: 'INTERNAL_ERROR', message: 'internal error' } };
  }
}
