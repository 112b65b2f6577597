import type { SpecialistKind } from '@mcp-crew/core';
import type { AgentToolName } from '../tools/tool-names.js';

/**
 * The MCP tools each specialist may use. Left out on purpose: `odoo_search_read` (reads any allowlisted
 * model, other customers included). Sales and scheduling may create a new customer (`odoo_upsert_customer`,
 * to quote or book for them); the conversation guard refuses any update of an existing record (a person
 * does that).
 */
export const TOOL_ALLOWLISTS: Record<SpecialistKind, readonly AgentToolName[]> = {
  sales: [
    'odoo_find_customers',
    'odoo_search_products',
    'odoo_get_product',
    'odoo_check_stock',
    'odoo_create_quotation',
    'odoo_update_quotation_lines',
    'odoo_get_order',
    'odoo_confirm_quotation',
    'odoo_cancel_quotation',
    'odoo_list_customer_orders',
    'odoo_order_status',
    'odoo_create_lead',
    'odoo_upsert_customer',
    'search_knowledge',
  ],
  scheduling: [
    'odoo_find_customers',
    'odoo_upsert_customer',
    'odoo_free_slots',
    'odoo_book_appointment',
    'search_knowledge',
  ],
  business_rules: ['search_knowledge', 'business_get_opening_hours', 'odoo_order_status', 'odoo_get_order'],
  support: [
    'odoo_find_customers',
    'search_knowledge',
    'odoo_open_ticket',
    'odoo_ticket_status',
    'odoo_list_customer_orders',
    'odoo_order_status',
    'odoo_get_order',
  ],
};
