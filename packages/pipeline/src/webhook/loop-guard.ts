import { carriesTranscript } from './normalize.js';
import type { MessageEvent } from './payload.js';

export type IgnoreReason =
  | 'unsupported_event'
  | 'message_updated'
  | 'outgoing'
  | 'activity'
  | 'template'
  | 'private'
  | 'human_owns_conversation'
  | 'conversation_not_pending'
  // A conversation event whose status is not `resolved`: nothing to summarize yet.
  | 'not_resolved';

/**
 * Chatwoot sends the bot everything, its own replies and agents' notes included. Only a customer's
 * public message in a conversation the bot owns (`pending`) is work; anything else would make the bot
 * talk to itself or over a human.
 */
export function ignoreReason(event: MessageEvent): IgnoreReason | undefined {
  // A message_updated is an edit, the bot's own message, or a voice note's transcription landing: only the
  // last is work, and then once (the queue's message-level dedupe drops it when the note was already taken).
  if (event.event !== 'message_created' && !(event.message_type === 'incoming' && carriesTranscript(event)))
    return 'message_updated';
  if (event.message_type !== 'incoming') return event.message_type;
  if (event.private) return 'private';
  if (event.conversation.status === 'open') return 'human_owns_conversation';
  if (event.conversation.status !== 'pending') return 'conversation_not_pending';
  return undefined;
}
