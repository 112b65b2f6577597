import { CrewError } from '../errors/crew-error.js';

/**
 * The per-conversation budget of messages a Chatwoot gateway sends (Chatwoot allows 200 a minute). In-process
 * by default; on Redis when several replicas send to the same conversations, so they share one budget.
 */
export interface ConversationRateLimiter {
  /** Takes one slot for `conversation` (waiting a bounded time), or throws `CHATWOOT_RATE_LIMITED`. */
  acquire(conversation: string): Promise<void>;
}

/** A conversation's next slot is further away than the limiter may wait. */
export function conversationRateLimitError(conversation: string, waitMs: number): CrewError {
  return new CrewError(
    'CHATWOOT_RATE_LIMITED',
    `too many messages to conversation ${conversation}; the next slot is in ${Math.ceil(waitMs / 1000)} s`,
    {
      domain: 'chatwoot',
      category: 'third_party',
      retryable: true,
      details: { conversation, waitMs, source: 'local-limiter' },
    },
  );
}
