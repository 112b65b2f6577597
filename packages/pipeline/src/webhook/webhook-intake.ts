import type { InboundMessage, InboundQueue, TenantConfig } from '@mcp-crew/core';
import { ignoreReason, type IgnoreReason } from './loop-guard.js';
import { toInboundMessage } from './normalize.js';
import { describeIssues, messageEventSchema, webhookEnvelopeSchema } from './payload.js';
import { conversationEventAccount, conversationEventSchema, isConversationEvent, toSummaryRequest } from './resolved-event.js';
import { checkChatwootSignature } from './signature.js';
import { WebhookError } from './webhook-error.js';

export interface WebhookRequest {
  tenantId: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  /** The body already parsed by the HTTP layer (saves a second parse); parsed from `rawBody` when absent. */
  body?: unknown;
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
    if (!tenant) throw new WebhookError('WEBHOOK_TENANT_NOT_FOUND', `unknown tenant "${request.tenantId}"`);
    if (!tenant.enabled) throw new WebhookError('WEBHOOK_TENANT_DISABLED', `tenant "${tenant.id}" is disabled`);
    const receivedAt = this.now();
    this.authenticate(tenant, request, receivedAt);

    const body = request.body !== undefined ? request.body : parseJson(request.rawBody);
    const envelope = webhookEnvelopeSchema.safeParse(body);
    if (!envelope.success) throw invalidPayload(envelope.error);
    if (isConversationEvent(envelope.data.event)) return this.receiveConversationEvent(tenant, request, body, receivedAt);
    if (envelope.data.event !== 'message_created' && envelope.data.event !== 'message_updated') {
      return this.ignore(tenant, 'unsupported_event');
    }
    const parsed = messageEventSchema.safeParse(body);
    if (!parsed.success) throw invalidPayload(parsed.error);
    const event = parsed.data;
    if (tenant.chatwootAccountId !== undefined && event.account.id !== tenant.chatwootAccountId) {
      throw new WebhookError('WEBHOOK_ACCOUNT_MISMATCH', `account ${event.account.id} does not belong to tenant "${tenant.id}"`);
    }
    const reason = ignoreReason(event);
    if (reason) return this.ignore(tenant, reason);

    const deliveryId = header(request.headers, 'x-chatwoot-delivery') ?? `${event.event}:${event.id}`;
    return this.enqueue(tenant, toInboundMessage(event, tenant.id, deliveryId, receivedAt));
  }

  /** A resolved conversation queues a summary request; other status changes are acknowledged and dropped. */
  private async receiveConversationEvent(tenant: TenantConfig, request: WebhookRequest, body: unknown, receivedAt: number): Promise<WebhookOutcome> {
    const parsed = conversationEventSchema.safeParse(body);
    if (!parsed.success) throw invalidPayload(parsed.error);
    const event = parsed.data;
    const account = conversationEventAccount(event) ?? tenant.chatwootAccountId;
    if (account === undefined) throw new WebhookError('WEBHOOK_INVALID_PAYLOAD', 'invalid webhook payload: account.id: required when the tenant has no chatwootAccountId', { issues: [{ path: 'account.id', message: 'required' }] });
    if (tenant.chatwootAccountId !== undefined && account !== tenant.chatwootAccountId) {
      throw new WebhookError('WEBHOOK_ACCOUNT_MISMATCH', `account ${account} does not belong to tenant "${tenant.id}"`);
    }
    if (event.status !== 'resolved') return this.ignore(tenant, 'not_resolved');
    const deliveryId = header(request.headers, 'x-chatwoot-delivery') ?? `${event.event}:${event.id}:${event.timestamp ?? receivedAt}`;
    return this.enqueue(tenant, toSummaryRequest(event, tenant.id, account, deliveryId, receivedAt));
  }

  private async enqueue(tenant: TenantConfig, message: InboundMessage): Promise<WebhookOutcome> {
    const { deliveryId } = message;
    let accepted: boolean;
    try {
      ({ accepted } = await this.deps.queue.enqueue(message));
    } catch (cause) {
      this.deps.metrics.outcome(tenant.id, 'failed', 'queue_unavailable');
      throw new WebhookError('WEBHOOK_QUEUE_UNAVAILABLE', 'the message could not be queued; retry later', {}, cause);
    }
    this.deps.metrics.outcome(tenant.id, accepted ? 'queued' : 'duplicate', accepted ? 'accepted' : 'duplicate_delivery');
    return { status: accepted ? 'queued' : 'duplicate', deliveryId };
  }

  private authenticate(tenant: TenantConfig, request: WebhookRequest, nowMs: number): void {
    const secret = tenant.chatwoot.webhookSecret;
    if (!secret) {
      if (tenant.chatwoot.allowUnsignedWebhooks) return;
      this.deps.metrics.outcome(tenant.id, 'rejected', 'webhook_secret_not_configured');
      throw new WebhookError('WEBHOOK_UNAUTHORIZED', 'tenant has no webhook secret configured', {
        reason: 'webhook_secret_not_configured',
      });
    }
    const failure = checkChatwootSignature({
      secret: secret.reveal(),
      timestamp: header(request.headers, 'x-chatwoot-timestamp'),
      signature: header(request.headers, 'x-chatwoot-signature'),
      rawBody: request.rawBody,
      nowMs,
      maxAgeSeconds: this.deps.maxAgeSeconds,
    });
    if (failure) {
      this.deps.metrics.outcome(tenant.id, 'rejected', failure);
      throw new WebhookError('WEBHOOK_UNAUTHORIZED', `signature check failed: ${failure}`, { reason: failure });
    }
  }

  private ignore(tenant: TenantConfig, reason: IgnoreReason): WebhookOutcome {
    this.deps.metrics.outcome(tenant.id, 'ignored', reason);
    return { status: 'ignored', reason };
  }
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (cause) {
    throw new WebhookError('WEBHOOK_INVALID_JSON', `body is not valid JSON: ${(cause as Error).message}`, {
      issues: [{ path: '(body)', message: 'expected a JSON object' }],
    });
  }
}

function invalidPayload(error: Parameters<typeof describeIssues>[0]): WebhookError {
  const issues = describeIssues(error);
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new WebhookError('WEBHOOK_INVALID_PAYLOAD', `invalid webhook payload: ${summary}`, { issues });
}

function header(headers: WebhookRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
