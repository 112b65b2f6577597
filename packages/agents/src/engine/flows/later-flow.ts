import { call, data, failedCall, resultOf, say, type FlowInput, type StepOutput } from '../step.js';
import { textsFor } from '../texts.js';
import { describeDay } from '../when.js';

/**
 * "No, todavía no", "lo pienso", "después te confirmo": nothing is cancelled. The quotation stays a draft
 * (its validity date read from Odoo, so the customer knows how long it holds); a visit offer is let go.
 */
export function laterFlow({ view, language }: FlowInput): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  const t = textsFor(language);
  const context = view.context;
  const orderId = context?.pendingConfirmation?.target.orderId ?? context?.quotation?.id;
  if (context?.pendingConfirmation?.tool === 'odoo_book_appointment' || orderId === undefined)
    return say(t.visitLater);
  const found = resultOf(view, 'odoo_get_order', { order_id: orderId });
  if (!found) return call(view, [['odoo_get_order', { order_id: orderId }]]);
  const order = data(found);
  if (!order) return say(t.visitLater);
  return say(
    t.keepDraft(
      order.name,
      order.validity_date ? describeDay(order.validity_date.slice(0, 10), language) : undefined,
    ),
  );
}
