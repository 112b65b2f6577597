import { describe, expect, it } from '@jest/globals';
import { StaffGuard } from './staff-guard.js';

const state = {
  partner: { id: 10, name: 'Deco Addict', verified: false },
  quotation: { id: 25, name: 'S00025' },
  orderIds: [25],
  pendingConfirmation: {
    tool: 'odoo_confirm_quotation' as const,
    target: { orderId: 25 },
    summary: 'S00025…',
    at: '2026-11-30T02:00:00Z',
  },
};

describe('StaffGuard (the Odoo copilot)', () => {
  it('quotes for any customer, reads any order and keeps contact data, unlike a customer conversation', () => {
    const guard = new StaffGuard(state, 'create a quotation for Azure Interior');
    expect(guard.before('odoo_create_quotation', { customer_id: 15, lines: [] })).toEqual({
      run: { customer_id: 15, lines: [] },
    });
    expect(guard.before('odoo_update_quotation_lines', { order_id: 99 })).toEqual({ run: { order_id: 99 } });
    expect(guard.before('odoo_list_customer_orders', { customer_id: 15 })).toEqual({
      run: { customer_id: 15 },
    });
    const found = {
      text: '#15 Azure Interior, azure@example.com',
      result: { customers: [{ id: 15, name: 'Azure Interior', email: 'azure@example.com' }] },
    };
    expect(guard.after('odoo_find_customers', {}, found)).toEqual({ pass: found });
  });

  it('confirms only the quotation just shown, on an explicit yes, once per message', () => {
    const yes = new StaffGuard(state, 'sí, confírmala');
    expect(yes.before('odoo_confirm_quotation', { order_id: 25 })).toEqual({ run: { order_id: 25 } });
    expect(yes.before('odoo_confirm_quotation', { order_id: 25 })).toEqual({
      refuse: 'only one committing action per message',
    });
    expect(
      new StaffGuard(state, 'sí, confírmala').before('odoo_confirm_quotation', { order_id: 26 }),
    ).toHaveProperty('refuse');
    expect(
      new StaffGuard(state, '¿cuánto suma?').before('odoo_confirm_quotation', { order_id: 25 }),
    ).toHaveProperty('refuse');
    expect(
      new StaffGuard({ ...state, pendingConfirmation: undefined }, 'sí').before('odoo_confirm_quotation', {
        order_id: 25,
      }),
    ).toHaveProperty('refuse');
  });

  it("refuses what the staff member's own Odoo access rights do not allow", () => {
    const guard = new StaffGuard(state, 'sí', {
      'sale.order': ['read'],
      'res.partner': ['read', 'write', 'create'],
    });
    expect(guard.before('odoo_create_quotation', { customer_id: 15 })).toEqual({
      refuse: 'your Odoo access rights do not allow create on sale.order',
    });
    expect(guard.before('odoo_confirm_quotation', { order_id: 25 })).toEqual({
      refuse: 'your Odoo access rights do not allow write on sale.order',
    });
    expect(guard.before('odoo_get_order', { order_id: 25 })).toEqual({ run: { order_id: 25 } });
    // A model the connector did not report is left to Odoo.
    expect(guard.before('odoo_create_lead', { title: 'x' })).toEqual({ run: { title: 'x' } });
  });
});
