import type { AttachmentKind, InboundMessage, MessageAttachment, TenantId } from '@mcp-crew/core';
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
    ...attachmentsOf(event),
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

const KINDS: readonly AttachmentKind[] = ['audio', 'image', 'video', 'file', 'location'];

/** Chatwoot's attachments as the pipeline reads them; a voice note's transcription rides along when present. */
function attachmentsOf(event: MessageEvent): { attachments?: MessageAttachment[] } {
  const attachments = (event.attachments ?? []).map((a): MessageAttachment => {
    const kind = KINDS.find((k) => k === a.file_type) ?? 'file';
    const transcript = a.transcribed_text?.trim();
    return {
      id: a.id,
      kind,
      ...(a.data_url ? { url: a.data_url } : {}),
      ...(a.content_type ? { contentType: a.content_type } : {}),
      ...(kind === 'audio' && transcript ? { transcript } : {}),
    };
  });
  return attachments.length > 0 ? { attachments } : {};
}

/** A `message_updated` worth a turn: a customer's voice note whose transcription has just landed. */
export function carriesTranscript(event: MessageEvent): boolean {
  return (event.attachments ?? []).some(
    (a) => a.file_type === 'audio' && (a.transcribed_text?.trim().length ?? 0) > 0,
  );
}
