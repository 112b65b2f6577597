import type { ChatwootGateway, ConversationRef, ConversationStatus } from '@mcp-crew/core';

/**
 * The conversation's status in Chatwoot right now. Asked right before the bot speaks rather than tracked
 * from `conversation_status_changed` webhooks: webhooks arrive late, out of order or not at all (a
 * delivery Chatwoot gave up on), while this read is Chatwoot's own answer at the moment it matters. It
 * costs one GET per turn that has something to send.
 */
export async function currentStatus(
  gateway: ChatwootGateway,
  ref: ConversationRef,
): Promise<ConversationStatus> {
  return (await gateway.getConversation(ref)).status;
}

/** The bot speaks only in a conversation it owns: Chatwoot's `pending` (an agent bot's status). */
export function botOwns(status: ConversationStatus): boolean {
  return status === 'pending';
}

const MAX_DRAFT_CHARS = 1500;

/** The private note a person finds when the bot's reply was held back: what it would have said, never sent. */
export function droppedReplyNote(status: ConversationStatus, replies: readonly string[]): string {
  const draft = replies.join('\n\n');
  const shown = draft.length > MAX_DRAFT_CHARS ? `${draft.slice(0, MAX_DRAFT_CHARS)}…` : draft;
  return [
    `MCP-Crew did not send its reply: a person took this conversation over (status ${status}) while the bot was working.`,
    shown ? `Draft, for reference only:\n${shown}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
