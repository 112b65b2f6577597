import type { ConversationState } from '@mcp-crew/core';
import type { AfterDecision, BeforeDecision, ToolGate } from '../tools/tool-gate.js';
import type { OdooPermissions } from '../turn/staff-context.js';
import { isCommitting } from './committing-tools.js';
import { ConversationGuard } from './conversation-guard.js';

type Operation = 'read' | 'create' | 'write' | 'unlink';

/** The Odoo model and operation each tool performs, checked against the staff member's own access rights. */
const TOOL_ACCESS: Record<string, [model: string, operation: Operation]> = {
  odoo_find_customers: ['res.partner', 'read'],
  odoo_get_customer: ['res.partner', 'read'],
  odoo_upsert_customer: ['res.partner', 'write'],
  odoo_search_products: ['product.product', 'read'],
  odoo_get_product: ['product.product', 'read'],
  odoo_check_stock: ['stock.quant', 'read'],
  odoo_create_quotation: ['sale.order', 'create'],
  odoo_update_quotation_lines: ['sale.order', 'write'],
  odoo_confirm_quotation: ['sale.order', 'write'],
  odoo_cancel_quotation: ['sale.order', 'write'],
  odoo_get_order: ['sale.order', 'read'],
  odoo_order_status: ['sale.order', 'read'],
  odoo_list_customer_orders: ['sale.order', 'read'],
  odoo_create_lead: ['crm.lead', 'create'],
  odoo_free_slots: ['calendar.event', 'read'],
  odoo_book_appointment: ['calendar.event', 'create'],
  odoo_open_ticket: ['helpdesk.ticket', 'create'],
  odoo_ticket_status: ['helpdesk.ticket', 'read'],
};

/**
 * The guard of a staff member's copilot turn. Unlike a customer conversation it is not tied to one customer:
 * any customer's quotations and orders can be made and read, within the staff member's own Odoo access
 * rights (the tools run as the integration user, so the rights the connector reported are checked here).
 * Committing actions keep the customer rule: an explicit yes to the summary just shown, once per message.
 */
export class StaffGuard implements ToolGate {
  readonly #commits: ConversationGuard;

  constructor(
    state: Pick<ConversationState, 'partner' | 'quotation' | 'orderIds' | 'pendingConfirmation'>,
    latestText: string,
    private readonly permissions?: OdooPermissions,
  ) {
    // `staff`: the customer-identity rule for writes does not apply to the business's own users.
    this.#commits = new ConversationGuard(state, latestText, { staff: true });
  }

  before(tool: string, input: Record<string, unknown>): BeforeDecision {
    const denied = this.#denied(tool);
    if (denied) return { refuse: denied };
    if (isCommitting(tool)) return this.#commits.before(tool, input);
    return { run: input };
  }

  after(
    _tool: string,
    _input: Record<string, unknown>,
    output: { text: string; result?: Record<string, unknown> },
  ): AfterDecision {
    return { pass: output };
  }

  #denied(tool: string): string | undefined {
    const access = TOOL_ACCESS[tool];
    if (!access || !this.permissions) return undefined;
    const [model, operation] = access;
    const allowed = this.permissions[model];
    // A model the connector did not report (not installed, not asked) is left to Odoo's own checks.
    if (allowed === undefined || allowed.includes(operation)) return undefined;
    return `your Odoo access rights do not allow ${operation} on ${model}`;
  }
}
