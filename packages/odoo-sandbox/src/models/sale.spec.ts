import { describe, expect, it } from '@jest/globals';
import { callKw } from '../orm/methods.js';
import { PyFloat } from '../rpc/py.js';
import { adminEnv } from '../test-support.js';

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('sale.order', () => {
  it('creates with line commands, computes 19% IVA totals and names the order from the sequence', () => {
    const env = adminEnv();
    const call = (model: string, method: string, args: unknown[], kw = {}) =>
      plain(callKw(env, model, method, args, kw));
    // 2 × Vinilo Tipo 1 Blanco Galón (62.900) + 1 × Brocha 3" (11.900), IVA 19% excluded.
    const id = call('sale.order', 'create', [
      {
        partner_id: 5,
        order_line: [
          [0, 0, { product_id: 2, product_uom_qty: 2 }],
          [0, 0, { product_id: 37 }],
        ],
      },
    ]) as number;
    const [order] = call('sale.order', 'read', [
      [id],
      [
        'name',
        'state',
        'amount_untaxed',
        'amount_tax',
        'amount_total',
        'order_line',
        'pricelist_id',
        'date_order',
        'access_url',
      ],
    ]) as Record<string, unknown>[];
    expect(order).toMatchObject({
      name: 'S00005',
      state: 'draft',
      amount_untaxed: 137700,
      amount_tax: 26163,
      amount_total: 163863,
      pricelist_id: [1, 'Precio público (COP)'],
      date_order: '2026-02-01 10:00:00',
      access_url: `/my/orders/${id}`,
    });
    const lines = call('sale.order.line', 'read', [
      order!['order_line'],
      ['name', 'price_unit', 'price_subtotal', 'price_total', 'tax_id', 'product_uom'],
    ]) as Record<string, unknown>[];
    expect(lines[0]).toMatchObject({
      price_unit: 62900,
      price_subtotal: 125800,
      price_total: 149702,
      tax_id: [1],
      product_uom: [1, 'Unidades'],
    });
    expect(String(lines[0]!['name'])).toMatch(/^\[VT1-BLA-GL\] Vinilo Tipo 1 Blanco Galón\nPintura vinílica/);
  });

  it('applies [1,id,vals], [2,id], [0,0,vals], [5] and [6,0,ids] commands in one write', () => {
    const env = adminEnv();
    const call = (model: string, method: string, args: unknown[], kw = {}) =>
      plain(callKw(env, model, method, args, kw));
    const id = call('sale.order', 'create', [
      {
        partner_id: 6,
        order_line: [
          [0, 0, { product_id: 2 }],
          [0, 0, { product_id: 36 }],
        ],
      },
    ]) as number;
    const [first, second] = (
      call('sale.order', 'read', [[id], ['order_line']]) as { order_line: number[] }[]
    )[0]!.order_line;
    expect(
      call('sale.order', 'write', [
        [id],
        {
          order_line: [
            [1, first, { product_uom_qty: 5 }],
            [2, second],
            [0, 0, { product_id: 42, product_uom_qty: 1, tax_id: [[6, 0, [2]]] }],
          ],
        },
      ]),
    ).toBe(true);
    const lines = call('sale.order.line', 'search_read', [
      [['order_id', '=', id]],
      ['product_id', 'product_uom_qty', 'price_subtotal', 'tax_id'],
    ]) as Record<string, unknown>[];
    expect(lines.map((l) => [(l['product_id'] as [number, string])[0], l['product_uom_qty']])).toEqual([
      [2, 5],
      [42, 1],
    ]);
    // IVA included in the price: 32.900 is the total, 27.647,06 before tax.
    expect(lines[1]).toMatchObject({ tax_id: [2], price_subtotal: 27647.06 });
    expect(call('sale.order.line', 'search_count', [[['id', '=', second]]])).toBe(0);
    call('sale.order', 'write', [[id], { order_line: [[5]] }]);
    expect(call('sale.order', 'read', [[id], ['order_line', 'amount_total']])).toEqual([
      { id, order_line: [], amount_total: 0 },
    ]);
  });

  it('prices from the partner pricelist: wholesale discount and fixed price from a quantity', () => {
    const env = adminEnv();
    const call = (model: string, method: string, args: unknown[], kw = {}) =>
      plain(callKw(env, model, method, args, kw));
    const id = call('sale.order', 'create', [
      {
        partner_id: 10,
        order_line: [
          [0, 0, { product_id: 2, product_uom_qty: 1 }],
          [0, 0, { product_id: 3, product_uom_qty: 2 }],
          [0, 0, { product_id: 3, product_uom_qty: 1 }],
        ],
      },
    ]) as number;
    const lines = call('sale.order.line', 'search_read', [[['order_id', '=', id]], ['price_unit']]) as {
      price_unit: number;
    }[];
    expect(lines.map((l) => l.price_unit)).toEqual([55352, 229900, 237512]);
  });

  it('moves through draft → sale → locked → cancel → draft and guards unlink', () => {
    const env = adminEnv();
    const call = (model: string, method: string, args: unknown[], kw = {}) =>
      callKw(env, model, method, args, kw);
    const id = call('sale.order', 'create', [
      { partner_id: 5, order_line: [[0, 0, { product_id: 2 }]] },
    ]) as number;
    const state = () => plain(call('sale.order', 'read', [[id], ['state', 'locked']]));
    expect(call('sale.order', 'action_confirm', [[id]])).toBe(true);
    expect(state()).toEqual([{ id, state: 'sale', locked: false }]);
    expect(() => call('sale.order', 'action_confirm', [[id]])).toThrow(
      'not in a state requiring confirmation',
    );
    expect(() => call('sale.order', 'unlink', [[id]])).toThrow(
      'You can not delete a sent quotation or a confirmed sales order',
    );
    expect(call('sale.order', 'action_lock', [[id]])).toBeUndefined();
    expect(() =>
      call('sale.order', 'action_cancel', [[id]], { context: { disable_cancel_warning: true } }),
    ).toThrow('locked');
    expect(call('sale.order', 'action_unlock', [[id]])).toBeUndefined();
    expect(call('sale.order', 'action_cancel', [[id]])).toMatchObject({
      res_model: 'sale.order.cancel',
      type: 'ir.actions.act_window',
    });
    expect(state()).toEqual([{ id, state: 'sale', locked: false }]);
    expect(call('sale.order', 'action_cancel', [[id]], { context: { disable_cancel_warning: true } })).toBe(
      true,
    );
    expect(call('sale.order', 'action_draft', [[id]])).toBe(true);
    expect(state()).toEqual([{ id, state: 'draft', locked: false }]);
    expect(call('sale.order', 'unlink', [[id]])).toBe(true);
    expect(call('sale.order.line', 'search_count', [[['order_id', '=', id]]])).toBe(0);
  });

  it('confirmed orders lower the forecast, not the stock on hand', () => {
    const env = adminEnv();
    const call = (model: string, method: string, args: unknown[], kw = {}) =>
      plain(callKw(env, model, method, args, kw));
    const before = (
      call('product.product', 'read', [[16], ['qty_available', 'virtual_available']]) as Record<
        string,
        number
      >[]
    )[0]!;
    const id = call('sale.order', 'create', [
      { partner_id: 5, order_line: [[0, 0, { product_id: 16, product_uom_qty: 3 }]] },
    ]) as number;
    call('sale.order', 'action_confirm', [[id]]);
    const after = (
      call('product.product', 'read', [[16], ['qty_available', 'virtual_available']]) as Record<
        string,
        number
      >[]
    )[0]!;
    expect(after.qty_available).toBe(before.qty_available);
    expect(after.virtual_available).toBe(before.virtual_available! - 3);
  });

  it('gives a portal link with a stable access token', () => {
    const env = adminEnv();
    expect(callKw(env, 'sale.order', 'get_portal_url', [[1]], {})).toMatch(
      /^\/my\/orders\/1\?access_token=[0-9a-f-]{36}$/,
    );
  });

  it('rolls back a failing call completely', () => {
    const env = adminEnv();
    const count = () => callKw(env, 'sale.order.line', 'search_count', [[]], {});
    const before = count();
    expect(() =>
      callKw(
        env,
        'sale.order',
        'create',
        [
          {
            partner_id: 5,
            order_line: [
              [0, 0, { product_id: 2 }],
              [0, 0, { product_id: 2, no_such_field: 1 }],
            ],
          },
        ],
        {},
      ),
    ).toThrow('Invalid field');
    expect(count()).toBe(before);
  });

  it('reads floats as Python floats', () => {
    const env = adminEnv();
    const [row] = callKw(env, 'sale.order', 'read', [[1], ['amount_tax']], {}) as Record<string, unknown>[];
    expect(row!['amount_tax']).toBeInstanceOf(PyFloat);
  });
});
