import type { PendingConfirmation } from '@mcp-crew/core';

// The offered slots ride in the pending confirmation's summary: the state has no field of its own for them.
const MARKER = '[offered slots:';

/** The summary of a visit offer: the reply, then the offered local times in a line the code reads back. */
export function offerSummary(reply: string, slots: string[]): string {
  return `${reply.slice(0, 500)}\n${MARKER} ${slots.join(' | ')}]`;
}

/** The local times ("YYYY-MM-DD HH:MM") a pending visit offer showed; empty for other confirmations. */
export function offeredSlots(pending: Pick<PendingConfirmation, 'tool' | 'summary'> | undefined): string[] {
  if (pending?.tool !== 'odoo_book_appointment') return [];
  const at = pending.summary.lastIndexOf(MARKER);
  if (at < 0) return [];
  return pending.summary
    .slice(at + MARKER.length)
    .replace(/\]\s*$/, '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}
