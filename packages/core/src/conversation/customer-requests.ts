import type { Language } from '../tenant/tenant.js';
import { redactContactData } from '../policy/redact-contact-data.js';
import type { ConversationState } from './conversation-state.js';

const NO_CONTACT_DATA = { phoneNumbers: true, emails: true, links: false } as const;

/**
 * What the customer asked in a conversation, in their own words: their latest `max` messages, one line each
 * (whitespace folded, cut at `maxChars`), with phone numbers and e-mail addresses taken out when `redact`
 * names the language of the replacement. The extractive part of a conversation's summary.
 */
export function customerRequests(
  history: ConversationState['history'],
  options: { max: number; maxChars: number; redact?: Language },
): string[] {
  const { max, maxChars, redact } = options;
  return history
    .filter((h) => h.role === 'customer')
    .map((h) => {
      const text = oneLine(h.text);
      return redact ? redactContactData(text, NO_CONTACT_DATA, redact) : text;
    })
    .filter((text) => text.length > 0)
    .slice(-max)
    .map((text) => oneLine(text, maxChars));
}

/** A message as one line: whitespace folded, and cut with an ellipsis to at most `maxChars` when given. */
export function oneLine(text: string, maxChars = Infinity): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxChars ? `${flat.slice(0, maxChars - 1)}…` : flat;
}
