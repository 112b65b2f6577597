import type { PendingConfirmation } from '@mcp-crew/core';
import type { OdooToolName } from '@mcp-crew/mcp-odoo';

/**
 * Tools that commit the business: they run only on the customer's explicit yes to a summary. Typed as
 * both core's pending-confirmation tools and MCP-Odoo's names, so a tool renamed in either fails to compile.
 */
export const COMMITTING_TOOLS: ReadonlySet<PendingConfirmation['tool'] & OdooToolName> = new Set<
  PendingConfirmation['tool'] & OdooToolName
>(['odoo_confirm_quotation', 'odoo_cancel_quotation', 'odoo_book_appointment']);

export function isCommitting(tool: string): tool is PendingConfirmation['tool'] {
  return COMMITTING_TOOLS.has(tool as PendingConfirmation['tool']);
}
