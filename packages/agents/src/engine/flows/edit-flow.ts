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
    case 'remove-named': {
      // "Remove the masking tape": the words looked up like an order's, then matched to a line by product.
      const lookup = lookUpProduct(view, { words: edit.words, quantity: 1 }, view.context?.partner?.id);
      if ('calls' in lookup) return call(view, lookup.calls);
      const ids = new Set(lookup.products.map((p) => p.id));
      const lines = order.lines.filter((l) => l.product_id !== undefined && ids.has(l.product_id));
      if (lines.length === 0)
        return say(
          t.whichChange(
            order.name,
            order.lines.map((l) => `${l.quantity} × ${l.product}`),
          ),
        );
      return call(view, [[UPDATE_TOOL, { order_id: order.order_id, remove: lines.map((l) => l.line_id) }]]);
    }
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
      if ('calls' in lookup) return call(view, lookup.calls);
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

/**
 * "Cancélala, ya no la necesito": the working quotation named back; the cancellation itself waits for the customer's yes (the conversation remembers it as pending, the guard
 * checks it), like a confirmation.
 */
export function cancelFlow({ view, language }: FlowInput): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  const t = textsFor(language);
  const quotation = view.context?.quotation;
  if (!quotation) return say(t.notUnderstood);
  // Named without its reference: the figures check accepts only what this turn's tools returned.
  return say(t.askCancel());
}
