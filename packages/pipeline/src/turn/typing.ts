import { isCrewError, type ChatwootGateway, type ConversationRef, type TypingStatus } from '@mcp-crew/core';

/** Where a typing failure is reported (a warning; the turn goes on). */
export interface TypingLog {
  warn(obj: object, msg: string): void;
}

/**
 * Shows "typing…" for the duration of `work` and always clears it afterwards, when the work answered,
 * failed or was abandoned at its deadline. The indicator is cosmetic: a Chatwoot that refuses it (an older
 * version whose bot tokens may not call `toggle_typing_status`) costs a warning, never the customer's answer.
 */
export async function whileTyping<T>(
  gateway: ChatwootGateway,
  ref: ConversationRef,
  log: TypingLog,
  work: () => Promise<T>,
): Promise<T> {
  await setTyping(gateway, ref, 'on', log);
  try {
    return await work();
  } finally {
    await setTyping(gateway, ref, 'off', log);
  }
}

/** One best-effort `toggle_typing_status`; failures are logged with the conversation and never thrown. */
export async function setTyping(
  gateway: ChatwootGateway,
  ref: ConversationRef,
  status: TypingStatus,
  log: TypingLog,
): Promise<void> {
  try {
    await gateway.toggleTyping(ref, status);
  } catch (error) {
    const reason = isCrewError(error)
      ? `${error.code}: ${error.message}`
      : error instanceof Error
        ? error.message
        : 'unknown error';
    log.warn(
      { account: ref.accountId, conversation: ref.conversationId, typing: status, err: reason },
      'typing indicator not updated',
    );
  }
}
