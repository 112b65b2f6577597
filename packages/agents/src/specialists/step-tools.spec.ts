import { describe, expect, it } from '@jest/globals';
import { ODOO_WRITE_TOOL_NAMES } from '@mcp-crew/mcp-odoo';
import type { ToolCallRecord } from '../tools/tool-call-record.js';
import type { TurnFacts } from '../turn/turn-facts.js';
import { TOOL_ALLOWLISTS } from './allowlists.js';
import { stepTools } from './step-tools.js';

const SALES = [...TOOL_ALLOWLISTS.sales, 'handoff_to_human'];
const WRITES = ODOO_WRITE_TOOL_NAMES;
const facts = (more: Partial<TurnFacts> = {}): TurnFacts => ({
  language: 'es',
  business: 'Pinturas El Arcoíris',
  greeting: 'Hola',
  contact: { name: 'Camila', email: 'camila@example.com' },
  ...more,
});
const ran = (tool: string, result: Record<string, unknown> = {}): ToolCallRecord => ({
  tool,
  input: {},
  ok: true,
  text: '',
  result,
});
const ana = { id: 7, name: 'Ana Gómez', verified: true };

describe('stepTools (the tools a hosted model is shown for one step)', () => {
  it('shows a first product question no write tool, only reads, the customer search and the handoff', () => {
    const shown = stepTools(SALES, facts(), []);
    expect(shown).toEqual(
      expect.arrayContaining(['odoo_search_products', 'odoo_find_customers', 'handoff_to_human']),
    );
    for (const write of [...WRITES, 'odoo_list_customer_orders']) expect(shown).not.toContain(write);
  });

  it('offers a new customer record once products were found, and the quotation once it exists', () => {
    const found = [ran('odoo_search_products', { products: [] })];
    const afterSearch = stepTools(SALES, facts(), found);
    expect(afterSearch).toContain('odoo_upsert_customer');
    expect(afterSearch).toContain('odoo_create_lead');
    expect(afterSearch).not.toContain('odoo_create_quotation');
    const created = [...found, ran('odoo_upsert_customer', { id: 31, name: 'Camila', created: true })];
    const afterCustomer = stepTools(SALES, facts(), created);
    expect(afterCustomer).toContain('odoo_create_quotation');
    expect(afterCustomer).not.toContain('odoo_upsert_customer');
    // One quotation per turn: once made, its lines change instead.
    const quoted = stepTools(SALES, facts(), [...created, ran('odoo_create_quotation', { order_id: 5 })]);
    expect(quoted).not.toContain('odoo_create_quotation');
    expect(quoted).not.toContain('odoo_create_lead');
    expect(quoted).toContain('odoo_update_quotation_lines');
  });

  it("quotes for the channel's verified customer after a lookup, and never searches customers again", () => {
    const known = facts({ partner: ana });
    expect(stepTools(SALES, known, [])).not.toContain('odoo_create_quotation');
    expect(stepTools(SALES, known, [])).toContain('odoo_list_customer_orders');
    const shown = stepTools(SALES, known, [ran('odoo_get_product')]);
    expect(shown).toContain('odoo_create_quotation');
    expect(shown).not.toContain('odoo_find_customers');
    expect(shown).not.toContain('odoo_upsert_customer');
    // A name typed in the chat (not verified) is no account to quote on.
    expect(
      stepTools(SALES, facts({ partner: { ...ana, verified: false } }), [ran('odoo_get_product')]),
    ).not.toContain('odoo_create_quotation');
  });

  it('shows a committing tool only while that confirmation is pending, and once per turn', () => {
    const pending = facts({
      partner: ana,
      quotation: { id: 5, name: 'S00005' },
      pendingConfirmation: { tool: 'odoo_confirm_quotation', target: { orderId: 5 } },
    });
    const shown = stepTools(SALES, pending, []);
    expect(shown).toContain('odoo_confirm_quotation');
    expect(shown).toContain('odoo_update_quotation_lines');
    expect(shown).not.toContain('odoo_cancel_quotation');
    expect(stepTools(SALES, pending, [ran('odoo_confirm_quotation')])).not.toContain(
      'odoo_confirm_quotation',
    );
    expect(stepTools(SALES, facts({ partner: ana }), [])).not.toContain('odoo_confirm_quotation');
  });

  it('leaves a staff member every tool but the committing ones nobody said yes to', () => {
    const staff = facts({ staff: { name: 'Laura' } });
    expect(stepTools(SALES, staff, [])).toEqual(
      SALES.filter((t) => t !== 'odoo_confirm_quotation' && t !== 'odoo_cancel_quotation'),
    );
  });
});
