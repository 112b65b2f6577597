import type { PendingConfirmation } from '@mcp-crew/core';

/** Tools that commit the business: they run only on the customer's explicit yes to a summary. */
export const COMMITTING_TOOLS: ReadonlySet<PendingConfirmation['tool']> = new Set([
  'odoo_confirm_quotation',
  'odoo_cancel_quotation',
  'odoo_book_appointment',
]);

export function isCommitting(tool: string): tool is PendingConfirmation['tool'] {
  return COMMITTING_TOOLS.has(tool as PendingConfirmation['tool']);
}
