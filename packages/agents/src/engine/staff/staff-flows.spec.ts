import { describe, expect, it } from '@jest/globals';
import type { PromptView, SeenToolResult } from '../prompt-view.js';
import { exactlyNamed, staffStep, staffSummary } from './staff-flows.js';

const chair = {
  id: 5,
  name: '[FURN_7777] Office Chair',
  price: 70,
  currency: 'USD',
  stock_tracked: true,
  qty_available: 0,
};
const black = {
  id: 25,
  name: '[FURN_0269] Office Chair Black',
  price: 120.5,
  currency: 'USD',
  stock_tracked: true,
  qty_available: 10,
};
const order = {
  order_id: 30,
  name: 'S00030',
  state: 'draft',
  state_label: 'quotation (draft)',
  currency: 'USD',
  customer: 'Deco Addict',
  amount_untaxed: 140,
  amount_tax: 21,
  amount_total: 161,
  tax_groups: [{ name: 'Tax 15%', amount: 21 }],
  lines: [{ product: '[FURN_7777] Office Chair', quantity: 2, subtotal: 140 }],
};

function view(
  results: SeenToolResult[],
  text = 'crea una cotización para Deco Addict con 2 Office Chair',
): PromptView {
  const tools = new Set([
    'odoo_find_customers',
    'odoo_search_products',
    'odoo_create_quotation',
    'odoo_confirm_quotation',
    'handoff_to_human',
  ]);
  return {
    context: {
      language: 'es',
      business: 'Demo',
      greeting: 'Hola',
      contact: { name: 'Laura' },
      staff: { name: 'Laura' },
    },
    text,
    earlier: [],
    results,
    tools,
  };
}

const seen = (toolName: string, input: Record<string, unknown>, result: unknown): SeenToolResult => ({
  toolCallId: toolName,
  toolName,
  input,
  output: { result },
  failed: false,
});

describe('the offline engine for a staff member (Odoo copilot)', () => {
  const intent = {
    kind: 'quote' as const,
    items: [{ quantity: 2, words: ['office', 'chair'], said: '2 Office Chair' }],
    mode: 'create' as const,
  };

  it('finds the named customer and the products, then quotes the product named exactly as asked even without stock', () => {
    const first = staffStep({ view: view([]), language: 'es' }, intent)!;
    expect(first.map((c) => (c.type === 'tool-call' ? [c.toolName, JSON.parse(c.input)] : c))).toEqual([
      ['odoo_find_customers', { query: 'Deco Addict', limit: 5 }],
      ['odoo_search_products', { query: 'office chair', limit: 20 }],
    ]);
    const found = [
      seen('odoo_find_customers', { query: 'Deco Addict' }, { customers: [{ id: 10, name: 'Deco Addict' }] }),
      seen('odoo_search_products', { query: 'office chair' }, { products: [black, chair] }),
    ];
    const second = staffStep({ view: view(found), language: 'es' }, intent)!;
    expect(second[0]).toMatchObject({ type: 'tool-call', toolName: 'odoo_create_quotation' });
    expect(JSON.parse((second[0] as { input: string }).input)).toEqual({
      customer_id: 10,
      lines: [{ product_id: 5, quantity: 2 }],
    });
    const third = staffStep(
      { view: view([...found, seen('odoo_create_quotation', {}, order)]), language: 'es' },
      intent,
    )!;
    const text = (third[0] as { text: string }).text;
    expect(text).toMatch(/^Creé la cotización S00030 para Deco Addict:/);
    expect(text).toContain('Tax 15%: $21 USD');
    expect(text).not.toContain('IVA');
    expect(text).toContain('Sin stock suficiente: [FURN_7777] Office Chair (0 disponibles, se piden 2).');
  });

  it('asks which customer when none is named and no partner is open on screen', () => {
    const out = staffStep({ view: view([], 'cotiza 2 Office Chair'), language: 'es' }, intent)!;
    expect((out[0] as { text: string }).text).toMatch(/^¿Para qué cliente\?/);
  });

  it('matches exact names only, ignoring case, accents and the code prefix', () => {
    expect(exactlyNamed([black, chair], { words: ['office', 'chair'] })?.id).toBe(5);
    expect(exactlyNamed([black], { words: ['office', 'chair'] })).toBeUndefined();
  });

  it('labels taxes generically when Odoo reports no tax group, in the language asked', () => {
    const text = staffSummary(
      { ...order, tax_groups: [], amount_tax: 0, amount_total: 140 },
      [],
      'en',
      'I created quotation S00030 for Deco Addict:',
    );
    expect(text).toContain('Taxes: $0 USD');
    expect(text.endsWith('Shall I confirm it as a sales order? Reply "yes" to confirm.')).toBe(true);
  });

  it('confirms exactly the order pending confirmation', () => {
    const pending = {
      ...view([], 'sí, confírmala'),
      context: {
        ...view([]).context!,
        pendingConfirmation: { tool: 'odoo_confirm_quotation' as const, target: { orderId: 30 } },
      },
    };
    const out = staffStep({ view: pending, language: 'es' }, { kind: 'confirm' })!;
    expect(JSON.parse((out[0] as { input: string }).input)).toEqual({ order_id: 30 });
    const done = staffStep(
      {
        view: {
          ...pending,
          results: [seen('odoo_confirm_quotation', { order_id: 30 }, { ...order, state: 'sale' })],
        },
        language: 'es',
      },
      { kind: 'confirm' },
    )!;
    expect((done[0] as { text: string }).text).toBe('Confirmé el pedido de venta S00030 (total $161 USD).');
  });
});
