import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, connectStack, ok, startOdooSandbox, type OdooSandbox } from './stack.js';

// The sales path over each wire format the client speaks: the tools must not depend on one.
let sandbox: OdooSandbox;
beforeAll(async () => {
  sandbox = await startOdooSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

describe.each(['jsonrpc', 'xmlrpc', 'json2'] as const)('MCP-Odoo over %s', (protocol) => {
  it('finds, quotes, changes, confirms and cancels', async () => {
    const stack = await connectStack(sandbox, { client: { protocol } });
    try {
      const { data: found } = await ok(stack.client, 'odoo_find_customers', { query: 'Ferretería Sol' });
      const customer = found.customers[0];
      expect(customer).toMatchObject({ id: 10, pricelist: expect.stringContaining('Mayorista') });

      // Wholesale: 12% off, and the white cuñete at a fixed 229.900 from 2 units (Odoo's own pricing).
      const { data: quote } = await ok(stack.client, 'odoo_create_quotation', {
        customer_id: customer.id,
        lines: [
          { product_id: 3, quantity: 2 },
          { product_id: 2, quantity: 1 },
        ],
      });
      expect(quote.lines.map((l: { unit_price: number }) => l.unit_price)).toEqual([229900, 55352]);
      expect(quote.amount_untaxed).toBe(2 * 229900 + 55352);

      const { data: changed } = await ok(stack.client, 'odoo_update_quotation_lines', {
        order_id: quote.order_id,
        update: [{ line_id: quote.lines[1].line_id, quantity: 3 }],
      });
      expect(changed.lines[1].quantity).toBe(3);

      const { data: confirmed } = await ok(stack.client, 'odoo_confirm_quotation', {
        order_name: quote.name,
      });
      expect(confirmed).toMatchObject({
        state: 'sale',
        portal_url: expect.stringContaining('access_token='),
      });

      const { data: draft } = await ok(stack.client, 'odoo_create_quotation', {
        customer_id: customer.id,
        lines: [{ product_id: 2, quantity: 1 }],
      });
      expect((await ok(stack.client, 'odoo_cancel_quotation', { order_id: draft.order_id })).data.state).toBe(
        'cancel',
      );

      const missing = await call(stack.client, 'odoo_get_order', { order_id: 987_654 });
      expect(missing.text).toMatch(/^ODOO_MISSING_RECORD: /);
    } finally {
      await stack.close();
    }
  });
});
