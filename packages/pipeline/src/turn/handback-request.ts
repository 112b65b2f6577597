import type { InboundMessage, Turn } from '@mcp-crew/core';
import type { MessageEvent } from '../webhook/payload.js';

/**
 * The content type of "an agent may be handing this conversation back to the bot": an agent's private
 * note that starts with `/`. It travels through the inbound queue like the summary request (durable,
 * deduplicated, in order with the conversation's messages); the worker compares it with the crew's
 * `escalation.handbackCommand`, which the intake cannot see (the crew depends on the inbox).
 */
export const HANDBACK_REQUEST_CONTENT_TYPE = 'mcp-crew/hand-back';

/** An agent's private note that looks like a command (`/bot`); the bot's own notes never start with `/`. */
export function isHandbackCandidate(event: MessageEvent): boolean {
  return (
    event.event === 'message_created' &&
    event.private === true &&
    event.message_type === 'outgoing' &&
    (event.content ?? '').trim().startsWith('/')
  );
}

export function isHandbackRequest(message: Pick<InboundMessage, 'contentType'>): boolean {
  return message.contentType === HANDBACK_REQUEST_CONTENT_TYPE;
}

/** Splits the agents' command notes of a turn (a burst may hold several) from everything else. */
export function splitHandbackRequests(turn: Turn): { rest: Turn['messages']; requests: InboundMessage[] } {
  return {
    rest: turn.messages.filter((m) => !isHandbackRequest(m)),
    requests: turn.messages.filter(isHandbackRequest),
  };
}

/** The command word of a note (`/Bot please` → `/bot`). */
export function commandOf(content: string): string {
  return (content.trim().split(/\s+/)[0] ?? '').toLowerCase();
}

export const HANDBACK_NOTE =
  "MCP-Crew has this conversation again (handed back by an agent): it answers the customer's next message.";
