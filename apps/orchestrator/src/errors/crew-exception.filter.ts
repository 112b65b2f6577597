import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CrewError } from '@mcp-crew/core';
import { WebhookError } from '@mcp-crew/pipeline';
import type { Logger } from 'pino';
import { httpLayerError } from './http-layer-errors.js';
import { httpStatusOf } from './http-status.js';

/**
 * One place that turns errors into HTTP answers: `{ error: { code, message, path?, domain, category, details } }`.
 * Unknown errors become a 500 without internals, and are logged. Nest's and Fastify's own errors (bad JSON,
 * unknown route, too large, ...) get the project's codes and fixed messages, never the request path.
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
      if (exception.status >= 500)
        this.logger.error({ err: exception.cause, code: exception.code }, exception.message);
      else if (exception.reason)
        this.logger.warn({ code: exception.code, reason: exception.reason }, 'webhook refused');
      return { status: exception.status, body: exception.toJSON() };
    }
    if (exception instanceof CrewError) {
      const status = httpStatusOf(exception);
      if (status >= 500) this.logger.error({ err: exception, code: exception.code }, exception.message);
      return { status, body: exception.toJSON() };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const fastifyCode = (exception.cause as { code?: unknown } | undefined)?.code;
      return {
        status,
        body: httpLayerError(status, typeof fastifyCode === 'string' ? fastifyCode : undefined).toJSON(),
      };
    }
    this.logger.error({ err: exception }, 'unhandled error');
    return { status: 500, body: httpLayerError(500).toJSON() };
  }
}
