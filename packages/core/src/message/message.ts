import type { MessageAttachment } from '../media/media.js';
import type { TenantId } from '../tenant/tenant.js';

export interface Contact {
  id: number;
  name: string;
  email?: string;
  phone?: string;
}

/** Chatwoot's channel type string: `Channel::Whatsapp`, `Channel::Email`, `Channel::Api`, ... */
export type ChannelType = string;

/**
 * One customer message, normalised from a Chatwoot Agent Bot webhook. Ids are Chatwoot's:
 * `conversationId` is the conversation's display id (what API paths take).
 */
export interface InboundMessage {
  tenantId: TenantId;
  /** `X-Chatwoot-Delivery`, or `event:messageId` when the header is absent. */
  deliveryId: string;
  accountId: number;
  conversationId: number;
  inboxId: number;
  inboxName?: string;
  messageId: number;
  channel: ChannelType;
  /** The conversation's `additional_attributes` (Instagram-through-Facebook, e-mail subject, ...). */
  channelAttributes: Record<string, unknown>;
  content: string;
  contentType: string;
  /** Voice notes, photos, files (Chatwoot's `attachments[]`); absent when the message has none. */
  attachments?: MessageAttachment[];
  /** E-mail subject, when the channel is e-mail. */
  subject?: string;
  sender: Contact;
  /** ISO-8601 time Chatwoot created the message. */
  createdAt: string;
  /** When this process accepted the webhook (epoch ms); used for latency metrics. */
  receivedAt: number;
  /** Where it came from, carried through the queue so the turn's logs and trace continue the webhook's. */
  trace?: MessageTrace;
}

/** The accepting request's id and its W3C trace context (`traceparent`, `tracestate`) when tracing is on. */
export interface MessageTrace {
  requestId?: string;
  traceparent?: string;
  tracestate?: string;
}

/**
 * `messageId` of a work item that is not a Chatwoot message (a "conversation resolved" summary request):
 * such items are told apart by their delivery id instead.
 */
export const NOT_A_CHATWOOT_MESSAGE = Number.MAX_SAFE_INTEGER;

/**
 * What makes two deliveries the same message: tenant, conversation and Chatwoot's message id. Chatwoot may
 * deliver one message several times (retries, a replay under a new delivery id); it is handled once. JSON
 * keeps the parts unambiguous whatever characters they hold.
 */
export function messageIdentity(
  message: Pick<InboundMessage, 'tenantId' | 'conversationId' | 'messageId' | 'deliveryId'>,
): string {
  return message.messageId === NOT_A_CHATWOOT_MESSAGE
    ? JSON.stringify([message.tenantId, message.conversationId, 'delivery', message.deliveryId])
    : JSON.stringify([message.tenantId, message.conversationId, message.messageId]);
}

/** Channel of turns from the Odoo copilot: an internal user of the business, not a customer. */
export const COPILOT_CHANNEL = 'Odoo::Copilot';

/** Identifies a conversation across tenants. */
export function conversationKey(tenantId: TenantId, conversationId: number): string {
  return `${tenantId}:${conversationId}`;
}

/** One unit of work: the messages of a burst in one conversation, oldest first. */
export interface Turn {
  tenantId: TenantId;
  conversationId: number;
  messages: InboundMessage[];
}

/**
 * A turn's stable key: tenant, conversation and the ids of the messages it answers. A retry, or a re-run
 * after a worker died, has the same key, so the effects it already made are found under it.
 */
export function turnKey(turn: Turn): string {
  const ids = turn.messages
    .map((m) => (m.messageId === NOT_A_CHATWOOT_MESSAGE ? `d:${m.deliveryId}` : String(m.messageId)))
    .sort();
  return `${turn.tenantId}:${turn.conversationId}:${ids.join(',')}`;
}

/** The newest message of a turn carries the freshest channel and sender facts. */
export function lastMessage(turn: Turn): InboundMessage {
  const last = turn.messages.at(-1);
  if (!last) throw new Error('a turn has at least one message');
  return last;
}

/** The customer's words in a turn, joined in order. */
export function turnText(turn: Turn): string {
  return turn.messages
    .map((m) => m.content.trim())
    .filter((c) => c.length > 0)
    .join('\n');
}
