import { Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  conversationEventSchema,
  messageEventSchema,
  WebhookError,
  WebhookIntake,
  type WebhookOutcome,
} from '@mcp-crew/pipeline';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody } from '../http/openapi-body.js';
import { noteRejectionReason, noteWebhookOutcome } from '../observability/request-log.js';

const EMPTY = Buffer.alloc(0);
import { inSpan, isTracing, SpanKind } from '../observability/tracing.js';

/** Chatwoot Agent Bot webhooks. The tenant is in the path so its secret is known before the body is read. */
@ApiTags('webhooks')
@Controller('webhooks/chatwoot')
export class ChatwootWebhookController {
  constructor(@Inject(WebhookIntake) private readonly intake: WebhookIntake) {}

  @Post(':tenantId')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "A Chatwoot Agent Bot event (message_created, message_updated, conversation_status_changed): verified with the tenant's secret, then queued",
  })
  @ApiZodBody(
    z.union([messageEventSchema, conversationEventSchema]),
    'The Agent Bot webhook body as Chatwoot sends it (extra fields are kept)',
  )
  @ApiHeader({
    name: 'X-Chatwoot-Signature',
    required: true,
    description: 'sha256=<hex HMAC-SHA256 of "{timestamp}.{raw body}"> with the tenant\'s webhook secret',
  })
  @ApiHeader({
    name: 'X-Chatwoot-Timestamp',
    required: true,
    description: 'Unix seconds; older (or newer) than WEBHOOK_MAX_AGE_SECONDS is refused',
  })
  @ApiHeader({
    name: 'X-Chatwoot-Delivery',
    required: true,
    description: 'Delivery id: a repeated delivery is answered as a duplicate',
  })
  @ApiHeader({
    name: 'X-Request-Id',
    required: false,
    description: 'Echoed back; a new one is made when absent',
  })
  receive(
    @Param('tenantId') tenantId: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<WebhookOutcome> {
    // Fastify parsed the JSON already (bad JSON got its 400); the signature is checked over the raw bytes.
    const body = typeof request.body === 'object' && request.body !== null ? request.body : undefined;
    const receive = () =>
      this.intake
        .receive({
          tenantId,
          headers: request.headers,
          rawBody: request.rawBody ?? EMPTY,
          body,
          trace: { requestId: request.id },
        })
        .then(
          (outcome) => {
            noteWebhookOutcome(request, outcome);
            return outcome;
          },
          (error: unknown) => {
            // The reason (bad signature, stale timestamp, ...) goes to the request's log line, never to the caller.
            if (error instanceof WebhookError && error.reason) noteRejectionReason(request.raw, error.reason);
            throw error;
          },
        );
    // The root of the turn's trace: webhook → queue → turn → model/tool → Odoo/Chatwoot.
    return isTracing()
      ? inSpan(
          'webhook',
          { kind: SpanKind.SERVER, attributes: { tenant: tenantId, 'request.id': request.id } },
          receive,
        )
      : receive();
  }
}
