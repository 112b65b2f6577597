import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { OdooTool } from './tool.js';

/**
 * What each write tool does to the Odoo, in the MCP spec's terms: `destructive` = it may delete or overwrite
 * what is there (not only add); `idempotent` = the same call again changes nothing more. Reads are read-only
 * and idempotent. The tenant's Odoo is a closed domain (`openWorldHint: false`). Kept apart from the tool's
 * `kind`, which decides the agents' confirmation guard (booking commits the business but only adds an event).
 */
const WRITE_HINTS: Record<string, { destructive: boolean; idempotent: boolean }> = {
  // Updates overwrite fields of an existing contact; without customer_id every call creates another one.
  odoo_upsert_customer: { destructive: true, idempotent: false },
  odoo_create_quotation: { destructive: false, idempotent: false },
  // Removes lines and overwrites quantities; `add` appends new lines on every call.
  odoo_update_quotation_lines: { destructive: true, idempotent: false },
  // Irreversible state changes here; a repeat is refused (no longer a draft), so it changes nothing more.
  odoo_confirm_quotation: { destructive: true, idempotent: true },
  odoo_cancel_quotation: { destructive: true, idempotent: true },
  odoo_create_lead: { destructive: false, idempotent: false },
  odoo_book_appointment: { destructive: false, idempotent: false },
  odoo_open_ticket: { destructive: false, idempotent: false },
};

/** The annotations MCP-Odoo lists for a tool; a write tool missing from the table fails loudly (tested). */
export function odooToolAnnotations(tool: Pick<OdooTool, 'name' | 'kind'>): ToolAnnotations {
  if (tool.kind === 'read')
    return { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
  const hints = WRITE_HINTS[tool.name];
  if (!hints) throw new Error(`MCP-Odoo tool ${tool.name} has no annotations: add it to WRITE_HINTS`);
  return {
    readOnlyHint: false,
    destructiveHint: hints.destructive,
    idempotentHint: hints.idempotent,
    openWorldHint: false,
  };
}
