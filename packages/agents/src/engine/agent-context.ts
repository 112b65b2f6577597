import type { Language, PendingConfirmation } from '@mcp-crew/core';

/**
 * The conversation facts a model needs, written into the instructions as one JSON line. A provider's
 * model reads it like any text; the offline engine parses it.
 */
export interface AgentContext {
  /** The crew's language; the customer's own language wins when it can be told. */
  language: Language;
  business: string;
  greeting: string;
  contact: { name?: string; phone?: string; email?: string };
  partner?: { id: number; name: string; verified: boolean };
  quotation?: { id: number; name: string };
  pendingConfirmation?: Pick<PendingConfirmation, 'tool' | 'target'>;
  /** The local times ("YYYY-MM-DD HH:MM") of the visit slots the customer was just offered. */
  offeredSlots?: string[];
  /** Today's date in the business's time zone (YYYY-MM-DD), for "el martes", "mañana". */
  today?: string;
}

export const CONTEXT_MARKER = 'CONVERSATION CONTEXT (JSON):';

export function renderContext(context: AgentContext): string {
  return `${CONTEXT_MARKER} ${JSON.stringify(context)}`;
}

/** Reads the context line back from instructions; undefined when absent or unreadable. */
export function parseContext(system: string): AgentContext | undefined {
  const line = system.split('\n').find((l) => l.startsWith(CONTEXT_MARKER));
  if (!line) return undefined;
  try {
    return JSON.parse(line.slice(CONTEXT_MARKER.length)) as AgentContext;
  } catch {
    return undefined;
  }
}
