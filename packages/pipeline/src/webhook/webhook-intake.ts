import { createHmac, randomBytes } from 'node:crypto';
import { HANDBACK_REQUEST_CONTENT_TYPE, isHandbackCandidate } from '../turn/handback-request.js';
import type { InboundMessage, InboundQueue, MessageTrace, TenantConfig } from '@mcp-crew/core';
import { ignoreReason, type IgnoreReason } from './loop-guard.js';
import { toInboundMessage } from './normalize.js';
import type { TranscriptMailbox } from '../media/transcript-mailbox.js';
import { describeIssues, messageEventSchema, webhookEnvelopeSchema } from './payload.js';
import {
  conversationEventAccount,
  conversationEventSchema,
  isConversationEvent,
  toSummaryRequest,
} from './resolved-event.js';
import { checkChatwootSignature, signatureKey } from './signature.js';
import { WebhookError } from './webhook-error.js';

export interface WebhookRequest {
  tenantId: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  /** The body already parsed by the HTTP layer (saves a second parse); parsed from `rawBody` when absent. */
  body?: unknown;
  /** The request id and trace context to carry through the queue into the turn. */
  trace?: MessageTrace;
}

export type WebhookOutcome =
  | { status: 'queued'; deliveryId: string }
  | { status: 'duplicate'; deliveryId: string }
  | { status: 'ignored'; reason: IgnoreReason };

export interface IntakeMetrics {
  outcome(tenantId: string, outcome: string, reason: string): void;
}

export interface WebhookIntakeDeps {
  /** Synchronous tenant lookup: the webhook path must not wait on I/O before it queues. */
  tenant(id: string): TenantConfig | undefined;
  queue: InboundQueue;
  metrics: IntakeMetrics;
  maxAgeSeconds: number;
  now?: () => number;
  /** Where voice-note transcriptions are left for the turn answering the note (see TranscriptMailbox). */
  transcripts?: TranscriptMailbox;
}

/**
 * Everything between Chatwoot's POST and the acknowledgement: tenant, signature, validation, loop guard,
 * durable queueing. Framework-free so the HTTP layer stays thin and the benchmark measures the real path.
 */
export class WebhookIntake {
  private readonly now: () => number;

  constructor(private readonly deps: WebhookIntakeDeps) {
    this.now = deps.now ?? Date.now;
  }

  async receive(request: WebhookRequest): Promise<WebhookOutcome> {
    const tenant = this.deps.tenant(request.tenantId);
    if (!tenant) {
      // Same work and same answer as a bad signature on a known tenant: tenant ids cannot be probed.
      createHmac('sha256', DECOY_SECRET).update(request.rawBody).digest();
      throw unauthorized('unknown_tenant');
    }
    const receivedAt = this.now();
    this.authenticate(tenant, request, receivedAt);
    // Only a caller holding the tenant's secret learns that it is disabled.
    if (!tenant.enabled) throw new WebhookError('WEBHOOK_TENANT_DISABLED', 'the tenant is disabled');
    const delivery = deliveryIdOf(request.headers);

    const body = request.body !== undefined ? request.body : parseJson(request.rawBody);
    const kind = eventOf(body);
    if (isConversationEvent(kind))
      return this.receiveConversationEvent(tenant, delivery, body, receivedAt, request.trace);
    if (kind !== 'message_created' && kind !== 'message_updated') {
      return this.ignore(tenant, 'unsupported_event');
    }
    const parsed = messageEventSchema.safeParse(body);
    if (!parsed.success) throw invalidPayload(parsed.error);
    const event = parsed.data;
    if (tenant.chatwootAccountId !== undefined && event.account.id !== tenant.chatwootAccountId) {
      throw new WebhookError(
        'WEBHOOK_ACCOUNT_MISMATCH',
        `account ${event.account.id} does not belong to tenant "${tenant.id}"`,
      );
    }
    // An agent's command note (`/bot`) is the one private message that is work: it may hand the conversation back.
    if (isHandbackCandidate(event)) {
      const message = {
        ...toInboundMessage(event, tenant.id, delivery, receivedAt),
        contentType: HANDBACK_REQUEST_CONTENT_TYPE,
      };
      return this.enqueue(tenant, withTrace(message, request.trace));
    }
    const reason = ignoreReason(event);
    if (reason) return this.ignore(tenant, reason);

    const message = toInboundMessage(event, tenant.id, delivery, receivedAt);
    if (event.event === 'message_updated') await this.leaveTranscript(tenant, message);
    // A transcription of a note already taken is a duplicate here: the note's turn reads it from the mailbox.
    return this.enqueue(tenant, withTrace(message, request.trace));
  }

  private async leaveTranscript(tenant: TenantConfig, message: InboundMessage): Promise<void> {
    const text = message.attachments
      ?.map((a) => a.transcript)
      .filter(Boolean)
      .join('\n');
    if (!this.deps.transcripts || !text) return;
    try {
      await this.deps.transcripts.put(tenant.id, message.conversationId, message.messageId, text);
    } catch (cause) {
      this.deps.metrics.outcome(tenant.id, 'failed', 'transcript_store_unavailable');
      throw new WebhookError(
        'WEBHOOK_QUEUE_UNAVAILABLE',
        'the transcription could not be stored; retry later',
        {},
        cause,
      );
    }
  }

  /** A resolved conversation queues a summary request; other status changes are acknowledged and dropped. */
  private async receiveConversationEvent(
    tenant: TenantConfig,
    deliveryId: string,
    body: unknown,
    receivedAt: number,
    trace?: MessageTrace,
  ): Promise<WebhookOutcome> {
    const parsed = conversationEventSchema.safeParse(body);
    if (!parsed.success) throw invalidPayload(parsed.error);
    const event = parsed.data;
    const account = conversationEventAccount(event) ?? tenant.chatwootAccountId;
    if (account === undefined)
      throw new WebhookError(
        'WEBHOOK_INVALID_PAYLOAD',
        'invalid webhook payload: account.id: required when the tenant has no chatwootAccountId',
        { issues: [{ path: 'account.id', message: 'required' }] },
        undefined,
        'account.id',
      );
    if (tenant.chatwootAccountId !== undefined && account !== tenant.chatwootAccountId) {
      throw new WebhookError(
        'WEBHOOK_ACCOUNT_MISMATCH',
        `account ${account} does not belong to tenant "${tenant.id}"`,
      );
    }
    if (event.status !== 'resolved') return this.ignore(tenant, 'not_resolved');
    return this.enqueue(
      tenant,
      withTrace(toSummaryRequest(event, tenant.id, account, deliveryId, receivedAt), trace),
    );
  }

  private async enqueue(tenant: TenantConfig, message: InboundMessage): Promise<WebhookOutcome> {
    const { deliveryId } = message;
    let accepted: boolean;
    try {
      ({ accepted } = await this.deps.queue.enqueue(message));
    } catch (cause) {
      this.deps.metrics.outcome(tenant.id, 'failed', 'queue_unavailable');
      throw new WebhookError(
        'WEBHOOK_QUEUE_UNAVAILABLE',
        'the message could not be queued; retry later',
        {},
        cause,
      );
    }
    this.deps.metrics.outcome(
      tenant.id,
      accepted ? 'queued' : 'duplicate',
      accepted ? 'accepted' : 'duplicate_delivery',
    );
    return { status: accepted ? 'queued' : 'duplicate', deliveryId };
  }

  private authenticate(tenant: TenantConfig, request: WebhookRequest, nowMs: number): void {
    const secret = tenant.chatwoot.webhookSecret;
    if (!secret) {
      if (tenant.chatwoot.allowUnsignedWebhooks) return;
      this.deps.metrics.outcome(tenant.id, 'rejected', 'webhook_secret_not_configured');
      throw unauthorized('webhook_secret_not_configured');
    }
    const failure = checkChatwootSignature({
      secret: signatureKey(secret),
      timestamp: header(request.headers, 'x-chatwoot-timestamp'),
      signature: header(request.headers, 'x-chatwoot-signature'),
      rawBody: request.rawBody,
      nowMs,
      maxAgeSeconds: this.deps.maxAgeSeconds,
    });
    if (failure) {
      this.deps.metrics.outcome(tenant.id, 'rejected', failure);
      throw unauthorized(failure);
    }
  }

  private ignore(tenant: TenantConfig, reason: IgnoreReason): WebhookOutcome {
    this.deps.metrics.outcome(tenant.id, 'ignored', reason);
    return { status: 'ignored', reason };
  }
}

function withTrace(message: InboundMessage, trace: MessageTrace | undefined): InboundMessage {
  return trace ? { ...message, trace } : message;
}

/**
 * The body's `event`. Read directly when it is a non-empty string (the schema would copy every field of the
 * body just to read it); otherwise the schema reports why, with the usual error.
 */
function eventOf(body: unknown): string {
  const event = typeof body === 'object' && body !== null ? (body as { event?: unknown }).event : undefined;
  if (typeof event === 'string' && event.length > 0 && !Array.isArray(body)) return event;
  const envelope = webhookEnvelopeSchema.safeParse(body);
  if (!envelope.success) throw invalidPayload(envelope.error);
  return envelope.data.event;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (cause) {
    throw new WebhookError(
      'WEBHOOK_INVALID_JSON',
      `body is not valid JSON: ${(cause as Error).message}`,
      {
        issues: [{ path: '(body)', message: 'expected a JSON object' }],
      },
      undefined,
      '(body)',
    );
  }
}

function invalidPayload(error: Parameters<typeof describeIssues>[0]): WebhookError {
  const issues = describeIssues(error);
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new WebhookError(
    'WEBHOOK_INVALID_PAYLOAD',
    `invalid webhook payload: ${summary}`,
    { issues },
    undefined,
    issues[0]?.path,
  );
}

// A per-process key for the decoy HMAC of unknown tenants; nothing is ever checked against it.
const DECOY_SECRET = randomBytes(32);

/** One answer for every authentication failure; the reason stays on the error for logs, not in the body. */
function unauthorized(reason: string): WebhookError {
  const error = new WebhookError('WEBHOOK_UNAUTHORIZED', 'the webhook could not be authenticated');
  error.reason = reason;
  return error;
}

/**
 * `X-Chatwoot-Delivery` is required: with it missing or blank, two different messages would share one
 * dedupe key and the second would be dropped as a duplicate.
 */
function deliveryIdOf(headers: WebhookRequest['headers']): string {
  const id = header(headers, 'x-chatwoot-delivery')?.trim();
  if (!id) {
    throw new WebhookError(
      'WEBHOOK_DELIVERY_ID_MISSING',
      'the X-Chatwoot-Delivery header is required and must not be empty',
      {},
      undefined,
      'headers.x-chatwoot-delivery',
    );
  }
  if (id.length > 200) {
    throw new WebhookError(
      'WEBHOOK_DELIVERY_ID_INVALID',
      'the X-Chatwoot-Delivery header must be at most 200 characters',
      {},
      undefined,
      'headers.x-chatwoot-delivery',
    );
  }
  return id;
}

function header(headers: WebhookRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
