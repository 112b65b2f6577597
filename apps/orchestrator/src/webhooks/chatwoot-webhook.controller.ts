import { Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { WebhookError, type WebhookOutcome } from '@mcp-crew/pipeline';
import { noteRejectionReason } from '../observability/request-log.js';
import { inSpan, isTracing, SpanKind } from '../observability/tracing.js';
import { RUNTIME, type Runtime } from '../runtime/runtime.js';

/** Chatwoot Agent Bot webhooks. The tenant is in the path so its secret is known before the body is read. */
@Controller('webhooks/chatwoot')
export class ChatwootWebhookController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Post(':tenantId')
  @HttpCode(200)
  receive(@Param('tenantId') tenantId: string, @Req() request: RawBodyRequest<FastifyRequest>): Promise<WebhookOutcome> {
    // Fastify parsed the JSON already (bad JSON got its 400); the signature is checked over the raw bytes.
    const body = typeof request.body === 'object' && request.body !== null ? request.body : undefined;
    const receive = () =>
      this.runtime.intake.receive({ tenantId, headers: request.headers, rawBody: request.rawBody ?? Buffer.alloc(0), body, trace: { requestId: request.id } }).catch((error: unknown) => {
        // The reason (bad signature, stale timestamp, ...) goes to the request's log line, never to the caller.
        if (error instanceof WebhookError && error.reason) noteRejectionReason(request.raw, error.reason);
        throw error;
      });
    // The root of the turn's trace: webhook → queue → turn → model/tool → Odoo/Chatwoot.
    return isTracing() ? inSpan('webhook', { kind: SpanKind.SERVER, attributes: { tenant: tenantId, 'request.id': request.id } }, receive) : receive();
  }
}
