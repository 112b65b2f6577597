import type { InboundMessage, TenantId } from '@mcp-crew/core';
import type { MessageEvent } from './payload.js';

/** Maps Chatwoot's delivery to the pipeline's message. Contact details come from `conversation.meta.sender`. */
export function toInboundMessage(
  event: MessageEvent,
  tenantId: TenantId,
  deliveryId: string,
  receivedAt: number,
): InboundMessage {
  const contact = event.conversation.meta.sender;
  const attributes = event.conversation.additional_attributes ?? {};
  const email = (event.content_attributes?.['email'] ?? undefined) as { subject?: unknown } | undefined;
  const subject =
    typeof email?.subject === 'string' ? email.subject : stringOrUndefined(attributes['mail_subject']);
  return {
    tenantId,
    deliveryId,
    accountId: event.account.id,
    conversationId: event.conversation.id,
    inboxId: event.inbox.id,
    inboxName: event.inbox.name ?? undefined,
    messageId: event.id,
    channel: event.conversation.channel,
    channelAttributes: attributes,
    content: event.content ?? '',
    contentType: event.content_type,
    subject,
    sender: {
      id: contact.id,
      name: contact.name ?? '',
      email: contact.email ?? undefined,
      phone: contact.phone_number ?? undefined,
    },
    createdAt: event.created_at,
    receivedAt,
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
