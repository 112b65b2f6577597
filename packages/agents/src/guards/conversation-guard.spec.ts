import { describe, expect, it } from '@jest/globals';
import type { PendingConfirmation } from '@mcp-crew/core';
import { offerSummary } from '../memory/offered-slots.js';
import { ConversationGuard } from './conversation-guard.js';

const pending: PendingConfirmation = {
  tool: 'odoo_confirm_quotation',
  target: { orderId: 12 },
  summary: 'S00012 …',
  at: '2026-01-01T00:00:00Z',
};
const ana = { id: 5, name: 'Ana Gómez', verified: true };

describe('ConversationGuard', () => {
  it('runs a committing tool once, on an explicit yes to the pending summary of exactly that order', () => {
    const guard = new ConversationGuard(
      { pendingConfirmation: pending, quotation: { id: 12, name: 'S00012' } },
      'sí, confírmala',
    );
    expect(guard.before('odoo_confirm_quotation', { order_id: 12 })).toEqual({ run: { order_id: 12 } });
    expect(guard.before('odoo_confirm_quotation', { order_id: 12 })).toHaveProperty('refuse');
  });

  it.each([
    ['its reference', { order_name: 'S00012' }],
    ['its reference in another case, with a "#"', { order_name: '#s00012 ' }],
    ['its id and its reference', { order_id: 12, order_name: 'S00012' }],
  ])('confirms the order shown when the model names it by %s, and runs the tool on its id', (_how, input) => {
    const guard = new ConversationGuard(
      { pendingConfirmation: pending, quotation: { id: 12, name: 'S00012' } },
      'sí, confírmala',
    );
    expect(guard.before('odoo_confirm_quotation', input)).toEqual({ run: { order_id: 12 } });
  });

  it('refuses confirming or cancelling a quotation whose lines this turn changed after the customer saw it', () => {
    for (const tool of ['odoo_confirm_quotation', 'odoo_cancel_quotation'] as const) {
      const guard = new ConversationGuard(
        { pendingConfirmation: { ...pending, tool }, quotation: { id: 12, name: 'S00012' } },
        'sí, dale',
      );
      const add = { order_id: 12, add: [{ product_id: 3, quantity: 20 }] };
      expect(guard.before('odoo_update_quotation_lines', add)).toEqual({ run: add });
      guard.after('odoo_update_quotation_lines', add, { text: 'Updated S00012', result: { order_id: 12 } });
      expect(guard.before(tool, { order_id: 12 })).toEqual({
        refuse: expect.stringContaining('changed after the customer saw its summary'),
      });
    }
  });

  it('changes the quotation named by its reference, and no other', () => {
    const guard = new ConversationGuard({ quotation: { id: 12, name: 'S00012' } }, 'mejor 4');
    const update = { update: [{ line_id: 3, quantity: 4 }] };
    expect(guard.before('odoo_update_quotation_lines', { ...update, order_name: 'S00012' })).toEqual({
      run: { ...update, order_id: 12 },
    });
    expect(guard.before('odoo_update_quotation_lines', { ...update, order_name: 'S00013' })).toHaveProperty(
      'refuse',
    );
  });

  it("shows a customer's model no back-office link, and keeps them in the records and for staff", () => {
    const output = {
      text: 'Created lead #4 "Bodega". http://127.0.0.1:8069/web#id=4&model=crm.lead&view_type=form',
      result: {
        lead_id: 4,
        form_url: 'http://127.0.0.1:8069/web#id=4&model=crm.lead&view_type=form',
        portal_url: 'http://127.0.0.1:8069/my/orders/4?access_token=abc',
        notes: ['see https://erp.example.com/odoo/crm/4'],
      },
    };
    const customer = new ConversationGuard({}, '').after('odoo_create_lead', {}, output);
    expect(customer).toEqual({
      pass: output,
      toModel: {
        text: 'Created lead #4 "Bodega".',
        result: {
          lead_id: 4,
          portal_url: 'http://127.0.0.1:8069/my/orders/4?access_token=abc',
          notes: ['see'],
        },
      },
    });
    expect(new ConversationGuard({}, '', { staff: true }).after('odoo_create_lead', {}, output)).toEqual({
      pass: output,
    });
  });

  it.each([
    ['no pending confirmation', {}, 'sí', { order_id: 12 }],
    ['not a yes', { pendingConfirmation: pending }, 'ok', { order_id: 12 }],
    ['another order', { pendingConfirmation: pending }, 'sí', { order_id: 13 }],
    [
      'an order named instead of the one shown',
      { pendingConfirmation: pending },
      'sí',
      { order_id: 12, order_name: 'S00013' },
    ],
    [
      'a reference that is not the quotation shown',
      { pendingConfirmation: pending, quotation: { id: 12, name: 'S00012' } },
      'sí',
      { order_name: 'S00013' },
    ],
  ])('refuses to confirm with %s', (_why, state, text, input) => {
    expect(new ConversationGuard(state, text).before('odoo_confirm_quotation', input)).toHaveProperty(
      'refuse',
    );
  });

  it('refuses cancelling and booking without their own pending confirmation', () => {
    const guard = new ConversationGuard({ pendingConfirmation: pending }, 'sí');
    expect(guard.before('odoo_cancel_quotation', { order_id: 12 })).toHaveProperty('refuse');
    expect(guard.before('odoo_book_appointment', { start: '2026-01-05 09:00' })).toHaveProperty('refuse');
  });

  it('lists orders only for the verified customer of the conversation', () => {
    expect(new ConversationGuard({ partner: ana }, '').before('odoo_list_customer_orders', {})).toEqual({
      run: { customer_id: 5 },
    });
    expect(
      new ConversationGuard({ partner: ana }, '').before('odoo_list_customer_orders', { customer_id: 6 }),
    ).toHaveProperty('refuse');
    expect(
      new ConversationGuard({ partner: { ...ana, verified: false } }, '').before(
        'odoo_list_customer_orders',
        { customer_id: 5 },
      ),
    ).toHaveProperty('refuse');
  });

  it("withholds another customer's order and passes the conversation's own", () => {
    const guard = new ConversationGuard({ partner: ana, orderIds: [12] }, '');
    expect(
      guard.after('odoo_get_order', {}, { text: 'S00007', result: { order_id: 7, customer_id: 6 } }),
    ).toHaveProperty('refuse');
    expect(
      guard.after('odoo_get_order', {}, { text: 'S00008', result: { order_id: 8, customer_id: 5 } }),
    ).toHaveProperty('pass');
    expect(
      new ConversationGuard({ orderIds: [12] }, '').after(
        'odoo_order_status',
        {},
        { text: '', result: { order: { order_id: 12, customer_id: 9 } } },
      ),
    ).toHaveProperty('pass');
  });

  it("lets a company's contact read and list the company's orders", () => {
    const pedro = { id: 16, name: 'Pedro Suárez', verified: true, companyId: 10 };
    const guard = new ConversationGuard({ partner: pedro }, '');
    expect(
      guard.after('odoo_order_status', {}, { text: '', result: { order: { order_id: 2, customer_id: 10 } } }),
    ).toHaveProperty('pass');
    expect(
      guard.after('odoo_order_status', {}, { text: '', result: { order: { order_id: 3, customer_id: 15 } } }),
    ).toHaveProperty('refuse');
    expect(guard.before('odoo_list_customer_orders', {})).toEqual({ run: { customer_id: 10 } });
  });

  it('strips contact data from customer searches', () => {
    const out = new ConversationGuard({}, '').after(
      'odoo_find_customers',
      {},
      {
        text: '#6 Carlos Pérez (carlos.perez@example.com, +57 311 234 5678)',
        result: {
          customers: [
            {
              id: 6,
              name: 'Carlos Pérez',
              email: 'carlos.perez@example.com',
              phone: '+57 311 234 5678',
              isCompany: false,
            },
          ],
        },
      },
    );
    expect(JSON.stringify(out)).not.toMatch(/carlos\.perez@|311/);
  });

  it("keeps quotations to the conversation's customer and its own quotation", () => {
    const guard = new ConversationGuard({ partner: ana, quotation: { id: 12, name: 'S00012' } }, '');
    expect(guard.before('odoo_create_quotation', { customer_id: 6, lines: [] })).toHaveProperty('refuse');
    expect(guard.before('odoo_update_quotation_lines', { order_id: 3, add: [] })).toHaveProperty('refuse');
    expect(guard.before('odoo_update_quotation_lines', { order_id: 12, add: [] })).toHaveProperty('run');
  });

  it("books only one of the offered slots, for the conversation's customer, on a yes", () => {
    const offer: PendingConfirmation = {
      tool: 'odoo_book_appointment',
      target: { start: '2026-11-24 08:00' },
      summary: offerSummary('…', ['2026-11-24 08:00', '2026-11-24 09:00']),
      at: '2026-11-22T00:00:00Z',
    };
    const input = (start: string, customer = 5) => ({
      start_local: start,
      customer_id: customer,
      title: 'Visita técnica',
    });
    expect(
      new ConversationGuard({ partner: ana, pendingConfirmation: offer }, 'sí, el de las 9').before(
        'odoo_book_appointment',
        input('2026-11-24 09:00'),
      ),
    ).toHaveProperty('run');
    expect(
      new ConversationGuard({ partner: ana, pendingConfirmation: offer }, 'sí').before(
        'odoo_book_appointment',
        input('2026-11-24 08:00'),
      ),
    ).toHaveProperty('run');
    expect(
      new ConversationGuard({ partner: ana, pendingConfirmation: offer }, 'sí').before(
        'odoo_book_appointment',
        input('2026-11-24 11:00'),
      ),
    ).toHaveProperty('refuse');
    expect(
      new ConversationGuard({ partner: ana, pendingConfirmation: offer }, 'sí').before(
        'odoo_book_appointment',
        input('2026-11-24 08:00', 6),
      ),
    ).toHaveProperty('refuse');
    expect(
      new ConversationGuard({ partner: ana, pendingConfirmation: offer }, 'el de las 9').before(
        'odoo_book_appointment',
        input('2026-11-24 09:00'),
      ),
    ).toHaveProperty('refuse');
  });

  describe('identity before writes', () => {
    const claimed = { id: 5, name: 'Ana Gómez', verified: false };
    const linked = { id: 5, name: 'Ana Gómez', verified: true };
    const slot = '2030-01-08 09:00';
    const booking = {
      tool: 'odoo_book_appointment' as const,
      target: { start: slot },
      summary: 'visita',
      at: new Date().toISOString(),
    };

    it('quotes only for the customer linked by the channel identity (or created by the conversation)', () => {
      const quote = { customer_id: 5, lines: [{ product_id: 1, quantity: 1 }] };
      expect(
        new ConversationGuard({ partner: claimed }, '').before('odoo_create_quotation', quote),
      ).toHaveProperty('refuse');
      expect(new ConversationGuard({}, '').before('odoo_create_quotation', quote)).toHaveProperty('refuse');
      expect(new ConversationGuard({ partner: linked }, '').before('odoo_create_quotation', quote)).toEqual({
        run: quote,
      });
      expect(
        new ConversationGuard({ partner: linked }, '').before('odoo_create_quotation', {
          ...quote,
          customer_id: 6,
        }),
      ).toHaveProperty('refuse');
    });

    it('books a visit only on the linked customer, even on an explicit yes to an offered slot', () => {
      const input = { customer_id: 5, start_local: slot, duration_minutes: 60, title: 'Visita' };
      expect(
        new ConversationGuard({ partner: claimed, pendingConfirmation: booking }, 'el martes a las 9').before(
          'odoo_book_appointment',
          input,
        ),
      ).toHaveProperty('refuse');
    });

    it('looks up a customer-specific price only for the linked customer', () => {
      expect(
        new ConversationGuard({ partner: claimed }, '').before('odoo_search_products', {
          query: 'esmalte',
          customer_id: 5,
        }),
      ).toEqual({ run: { query: 'esmalte' } });
      expect(
        new ConversationGuard({ partner: linked }, '').before('odoo_search_products', {
          query: 'esmalte',
          customer_id: 5,
        }),
      ).toEqual({ run: { query: 'esmalte', customer_id: 5 } });
    });

    it('links a customer this turn created, and only that one', () => {
      const guard = new ConversationGuard({}, 'soy Valentina Ospina, valen@example.com, 2 galones de vinilo');
      expect(
        guard.before('odoo_upsert_customer', { name: 'Valentina Ospina', email: 'valen@example.com' }),
      ).toHaveProperty('run');
      guard.after(
        'odoo_upsert_customer',
        {},
        { text: 'Created #21', result: { id: 21, name: 'Valentina Ospina', created: true } },
      );
      expect(guard.before('odoo_create_quotation', { customer_id: 21, lines: [] })).toHaveProperty('run');
      expect(guard.before('odoo_create_quotation', { customer_id: 5, lines: [] })).toHaveProperty('refuse');
    });

    it('lets an internal user (the Odoo copilot) act for the customer they name', () => {
      const quote = { customer_id: 10, lines: [{ product_id: 1, quantity: 1 }] };
      expect(new ConversationGuard({}, '', { staff: true }).before('odoo_create_quotation', quote)).toEqual({
        run: quote,
      });
    });
  });
});
