import { money } from '../format.js';
import { call, data, failedCall, handoff, resultOf, say, type FlowInput, type StepOutput } from '../step.js';
import { textsFor } from '../texts.js';
import { bookFlow } from './booking-flow.js';

/** "Sí, confírmala" after a summary: run exactly the action the summary offered, nothing else. */
export function confirmFlow({ view, language }: FlowInput): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  const pending = view.context?.pendingConfirmation;
  if (pending?.tool === 'odoo_book_appointment') return bookFlow({ view, language });
  if (!pending?.target.orderId) {
    return handoff(
      view,
      'out_of_scope',
      'The customer said yes, but there was nothing pending to confirm that the offline engine can run.',
    );
  }
  const done = resultOf(view, pending.tool);
  if (!done) return call(view, [[pending.tool, { order_id: pending.target.orderId }]]);
  const order = data(done)!;
  const t = textsFor(language);
  return say(
    pending.tool === 'odoo_cancel_quotation'
      ? t.cancelled(order.name)
      : t.confirmed(order.name, money(order.amount_total, language, order.currency)),
  );
}
