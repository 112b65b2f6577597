import { isCommitting } from '../guards/committing-tools.js';
import type { ToolCallRecord } from '../tools/tool-call-record.js';
import { isCallOf, outputOf, type AgentToolName } from '../tools/tool-names.js';
import type { TurnFacts } from '../turn/turn-facts.js';

/** Tools that find products: a quotation, a new customer or a lead only make sense after one of them ran. */
const PRODUCT_LOOKUPS: AgentToolName[] = ['odoo_search_products', 'odoo_get_product', 'odoo_check_stock'];

/**
 * The tools a hosted model is shown for one step of a turn: the specialist's tools less those that cannot
 * run yet, judged from the conversation's facts and this turn's successful calls. Every tool shown costs
 * its description and schema on every call, and the guards refuse the rest anyway:
 * - a committing tool (confirm, cancel, book) only while that confirmation is pending, once per turn;
 * - a new customer (`odoo_upsert_customer`) only when none is linked and this turn found products or slots;
 * - a quotation only for a linked customer (the channel's, or one created this turn) after a product
 *   lookup this turn, one per turn (then its lines change); a lead after a lookup or a quotation, once,
 *   and not in the turn that quoted (a lead is what a salesperson quotes instead);
 * - a customer search only while the conversation has no customer; their orders only for a verified one.
 * A staff member (the copilot) acts for any customer: only the committing rule applies.
 */
export function stepTools(
  tools: readonly string[],
  facts: TurnFacts,
  records: readonly ToolCallRecord[],
): string[] {
  const ok = records.filter((r) => r.ok);
  const ran = (...names: AgentToolName[]) => ok.some((r) => isCallOf(r, ...names));
  const committed = ok.some((r) => isCommitting(r.tool));
  const pending = facts.pendingConfirmation?.tool;
  const staff = facts.staff !== undefined;
  const created = ok.some((r) => outputOf(r, 'odoo_upsert_customer')?.created === true);
  const customer = Boolean(facts.partner);
  const linked = facts.partner?.verified === true || created;
  const lookedUp = ran(...PRODUCT_LOOKUPS);
  const quotation = Boolean(facts.quotation) || ran('odoo_create_quotation');
  const usable = (tool: string): boolean => {
    if (isCommitting(tool)) return pending === tool && !committed;
    if (staff) return true;
    switch (tool as AgentToolName) {
      case 'odoo_upsert_customer':
        return !customer && !created && (lookedUp || ran('odoo_free_slots'));
      case 'odoo_create_quotation':
        return linked && lookedUp && !ran('odoo_create_quotation');
      case 'odoo_update_quotation_lines':
        return quotation;
      case 'odoo_create_lead':
        return (lookedUp || quotation) && !ran('odoo_create_lead', 'odoo_create_quotation');
      case 'odoo_find_customers':
        return !customer;
      case 'odoo_list_customer_orders':
        return facts.partner?.verified === true;
      default:
        return true;
    }
  };
  return tools.filter(usable);
}
