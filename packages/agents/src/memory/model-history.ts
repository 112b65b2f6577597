import { customerRequests, type ConversationState } from '@mcp-crew/core';

/** The conversation as a model is shown it: the latest messages verbatim, the customer's earlier requests in brief. */
export interface ModelHistory {
  messages: Array<{ role: 'user'; content: string } | { role: 'assistant'; content: string }>;
  /** What the customer asked before those messages, newest last (empty when nothing came before). */
  earlier: string[];
}

// Enough to recall what the conversation was about: the facts (customer, quotation, pending yes) carry the rest.
const EARLIER_REQUESTS = 6;
const EARLIER_CHARS = 160;

/**
 * The last `verbatim` messages of the conversation as chat messages, and the customer's requests before them
 * as short lines (the extractive summary a resolved conversation gets, without taking contact data out: the
 * model may need the e-mail the customer typed). Bounds what every call of a turn carries, however long the
 * conversation grows.
 */
export function modelHistory(history: ConversationState['history'], verbatim: number): ModelHistory {
  const cut = Math.max(0, history.length - verbatim);
  return {
    messages: history
      .slice(cut)
      .map((h) =>
        h.role === 'customer'
          ? { role: 'user' as const, content: h.text }
          : { role: 'assistant' as const, content: h.text },
      ),
    earlier: customerRequests(history.slice(0, cut), { max: EARLIER_REQUESTS, maxChars: EARLIER_CHARS }),
  };
}
