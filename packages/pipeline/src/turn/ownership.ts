import type { ChatwootGateway, ConversationRef, ConversationStatus } from '@mcp-crew/core';
import { commandOf, HANDBACK_NOTE } from './handback-request.js';
import { handOver, type HandoffPlan } from './handoff.js';

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

/** Where the ownership decisions are reported. */
export interface OwnershipLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The failure and deadline hand-overs: when a person already has the conversation, only the private note
 * (nothing to the customer, no status change that could reopen what they resolved). A status that cannot
 * be read counts as the bot's, so the customer is never left without an answer.
 */
export async function handOverIfOwned(
  gateway: ChatwootGateway,
  ref: ConversationRef,
  plan: HandoffPlan,
  log: OwnershipLog,
): Promise<void> {
  const status = await currentStatus(gateway, ref).catch(() => 'pending' as const);
  if (botOwns(status)) return handOver(gateway, ref, plan);
  await gateway.addPrivateNote(ref, plan.handoff.note);
  log.warn(
    { account: ref.accountId, conversation: ref.conversationId, status, handoff: plan.handoff.reason },
    'hand-over message dropped: a person has the conversation; note only',
  );
}

/**
 * An agent's command notes: with the crew's hand-back command among them, an `open` conversation becomes the
 * bot's again (`pending`) with a note saying so. Only a conversation a person has: a resolved one stays
 * resolved, a pending one is the bot's already.
 */
export async function handBackToBot(
  gateway: ChatwootGateway,
  ref: ConversationRef,
  notes: readonly { content: string }[],
  handbackCommand: string,
  log: OwnershipLog,
): Promise<void> {
  const where = { account: ref.accountId, conversation: ref.conversationId };
  const commands = notes.map((n) => commandOf(n.content));
  if (!commands.includes(handbackCommand)) {
    log.info({ ...where, commands }, 'agent note is not the hand-back command; ignored');
    return;
  }
  const status = await currentStatus(gateway, ref);
  if (status !== 'open') {
    log.info({ ...where, status }, 'hand-back command ignored: the conversation is not open');
    return;
  }
  await gateway.toggleStatus(ref, 'pending');
  await gateway.addPrivateNote(ref, HANDBACK_NOTE);
  log.info(where, 'conversation handed back to the bot');
}
