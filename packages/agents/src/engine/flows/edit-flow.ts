import { parseCartEdit } from '../cart-edit.js';
import { call, data, failedCall, resultOf, say, type FlowInput, type StepOutput } from '../step.js';
import { textsFor } from '../texts.js';
import { lookUpProduct } from './find-products.js';
import { orderSummary } from './order-summary.js';

const UPDATE_TOOL = 'odoo_update_quotation_lines';

/**
 * The working quotation as a cart: "quítale los rodillos", "mejor que sean 4", "no el esmalte, el vinilo",
 * "mejor en gris". Reads the quotation's lines, makes the change in ONE Odoo write, and shows the new total
 * Odoo computed. A change it cannot place is asked about, never guessed.
 */
export function editFlow({ view, language }: FlowInput): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  const t = textsFor(language);
  const quotation = view.context?.quotation;
  if (!quotation) return say(t.notUnderstood);
  const done = data(resultOf(view, UPDATE_TOOL));
  if (done) return say(orderSummary(done, language, t.quoteUpdated(done.name)));
  const read = resultOf(view, 'odoo_get_order', { order_id: quotation.id });
  if (!read) return call(view, [['odoo_get_order', { order_id: quotation.id }]]);
  const order = data(read);
  if (!order || (order.state !== 'draft' && order.state !== 'sent'))
    return say(t.notEditable(quotation.name));
  const edit = parseCartEdit(view.text, order.lines);
  switch (edit.kind) {
    case 'unclear':
      return say(
        t.whichChange(
          order.name,
          order.lines.map((l) => `${l.quantity} × ${l.product}`),
        ),
      );
    case 'remove':
      return call(view, [[UPDATE_TOOL, { order_id: order.order_id, remove: [edit.line.line_id] }]]);
    case 'quantity':
      return call(view, [
        [
          UPDATE_TOOL,
          { order_id: order.order_id, update: [{ line_id: edit.line.line_id, quantity: edit.quantity }] },
        ],
      ]);
    case 'replace': {
      const lookup = lookUpProduct(
        view,
        { words: edit.words, unit: edit.unit, quantity: edit.line.quantity },
        view.context?.partner?.id,
      );
      if ('call' in lookup) return call(view, [lookup.call]);
      const product = lookup.products.find((p) => p.id !== edit.line.product_id);
      if (!product) return say(t.noProduct(edit.words.join(' ')));
      if (product.stock_tracked && (product.qty_available ?? 0) <= 0)
        return say(t.outOfStockNamed(product.name));
      return call(view, [
        [
          UPDATE_TOOL,
          {
            order_id: order.order_id,
            remove: [edit.line.line_id],
            add: [{ product_id: product.id, quantity: edit.line.quantity }],
          },
        ],
      ]);
    }
  }
}
