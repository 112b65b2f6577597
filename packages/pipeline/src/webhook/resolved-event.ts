import { z } from 'zod';
import { NOT_A_CHATWOOT_MESSAGE, type InboundMessage, type TenantId } from '@mcp-crew/core';
import { SUMMARY_REQUEST_CONTENT_TYPE } from '../summary/summary-request.js';

const nullableString = z.string().nullish();

/**
 * A conversation event (`conversation_resolved`, `conversation_status_changed`): Chatwoot sends the
 * conversation itself at the top level (`conversation.webhook_data`), so `id` is the display id.
 * Loose like the message schema: only what the summary needs is checked.
 */
export const conversationEventSchema = z.looseObject({
  event: z.enum(['conversation_resolved', 'conversation_status_changed']),
  /** The display id: what Chatwoot's API paths take. */
  id: z.number().int().positive(),
  status: z.enum(['open', 'pending', 'resolved', 'snoozed']),
  channel: z.string().min(1),
  inbox_id: z.number().int().positive(),
  additional_attributes: z.record(z.string(), z.unknown()).nullish(),
  /** Not always present: the account also shows in `messages[].account_id`. */
  account: z.looseObject({ id: z.number().int().positive() }).optional(),
  messages: z.array(z.looseObject({ account_id: z.number().int().positive().optional() })).nullish(),
  meta: z.looseObject({ sender: z.looseObject({ id: z.number().int(), name: nullableString }) }),
  /** Epoch seconds of the last activity; Chatwoot's own clock for the resolution. */
  timestamp: z.number().nullish(),
});

export type ConversationEvent = z.infer<typeof conversationEventSchema>;

/** Conversation events that may mean "resolved"; their status decides. */
export function isConversationEvent(event: string): boolean {
  return event === 'conversation_resolved' || event === 'conversation_status_changed';
}

/** The account the event names, when it names one. */
export function conversationEventAccount(event: ConversationEvent): number | undefined {
  return event.account?.id ?? event.messages?.find((m) => m.account_id !== undefined)?.account_id;
}

/**
 * The queue's work item for "summarize this conversation": a message-shaped item (see
 * summary-request.ts) carrying the conversation's channel, inbox and contact, and no customer text.
 */
export function toSummaryRequest(
  event: ConversationEvent,
  tenantId: TenantId,
  accountId: number,
  deliveryId: string,
  receivedAt: number,
): InboundMessage {
  return {
    tenantId,
    deliveryId,
    accountId,
    conversationId: event.id,
    inboxId: event.inbox_id,
    // Not a Chatwoot message: the largest id keeps it apart from real ones and sorts it after them in a burst.
    messageId: NOT_A_CHATWOOT_MESSAGE,
    channel: event.channel,
    channelAttributes: event.additional_attributes ?? {},
    content: '',
    contentType: SUMMARY_REQUEST_CONTENT_TYPE,
    sender: { id: event.meta.sender.id, name: event.meta.sender.name ?? '' },
    createdAt: new Date(event.timestamp ? event.timestamp * 1000 : receivedAt).toISOString(),
    receivedAt,
  };
}
