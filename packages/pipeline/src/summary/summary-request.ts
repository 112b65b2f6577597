import type { InboundMessage, Turn } from '@mcp-crew/core';

/**
 * The content type of a "summarize this conversation" work item. It travels through the inbound queue as
 * a message so it inherits the queue's guarantees unchanged (durable, deduplicated by delivery id, run in
 * order after the conversation's earlier messages, retried with backoff) without a second queue port.
 */
export const SUMMARY_REQUEST_CONTENT_TYPE = 'mcp-crew/summarize-conversation';

/** Whether a queued message is a summary request rather than a customer's words. */
export function isSummaryRequest(message: Pick<InboundMessage, 'contentType'>): boolean {
  return message.contentType === SUMMARY_REQUEST_CONTENT_TYPE;
}

/** Splits a turn into the customer's messages (answered as usual) and whether a summary was requested. */
export function splitSummaryRequests(turn: Turn): { messages: Turn['messages']; request?: InboundMessage } {
  const request = turn.messages.filter(isSummaryRequest).at(-1);
  return { messages: turn.messages.filter((m) => !isSummaryRequest(m)), ...(request ? { request } : {}) };
}
