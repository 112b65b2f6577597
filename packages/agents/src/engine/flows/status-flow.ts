import type { Language } from '@mcp-crew/core';
import { orderReference } from '../lexicon.js';
import { call, data, failedCall, resultOf, say, type FlowInput, type StepOutput } from '../step.js';
import { textsFor } from '../texts.js';

const NOT_FOUND = /MISSING_RECORD|not found|does not belong|another customer/i;

const STATE: Record<string, Partial<Record<Language, string>>> = {
  draft: { es: 'cotización (sin confirmar)', pt: 'orçamento (não confirmado)' },
  sent: { es: 'cotización enviada', pt: 'orçamento enviado' },
  sale: { es: 'pedido confirmado', pt: 'pedido confirmado' },
  done: { es: 'pedido cerrado', pt: 'pedido fechado' },
  cancel: { es: 'cancelado', pt: 'cancelado' },
};
const PHRASES: Record<string, Partial<Record<Language, string>>> = {
  'not delivered yet': { es: 'pendiente', pt: 'pendente' },
  'partially delivered': { es: 'parcial', pt: 'parcial' },
  'fully delivered': { es: 'entregado', pt: 'entregue' },
  'not confirmed yet': { es: 'aún sin confirmar', pt: 'ainda não confirmado' },
  'delivery status not available': { es: 'sin información', pt: 'sem informação' },
  'nothing to invoice': { es: 'nada por facturar', pt: 'nada a faturar' },
  'to be invoiced': { es: 'por facturar', pt: 'a faturar' },
  'fully invoiced': { es: 'facturado', pt: 'faturado' },
  'invoice status not available': { es: 'sin información', pt: 'sem informação' },
};

/**
 * "¿Cómo va mi pedido?": the order named in the message, else the conversation's quotation, else the
 * customer's latest order. The tools' guard keeps every read to the conversation's own customer.
 */
export function statusFlow({ view, language }: FlowInput): StepOutput {
  const t = textsFor(language);
  // An unknown reference, or someone else's order, is "not found under your name": nothing to hand over.
  const refused = resultOf(view, 'odoo_order_status');
  if (refused?.failed && NOT_FOUND.test(String(refused.output['error'] ?? '')))
    return say(t.orderNotFound(orderReference(view.text) ?? ''));
  const failed = failedCall(view);
  if (failed) return failed;
  const context = view.context;
  const reference = orderReference(view.text);
  let target: Record<string, unknown> | undefined = reference
    ? { order_name: reference }
    : context?.quotation
      ? { order_id: context.quotation.id }
      : undefined;
  if (!target && context?.partner?.verified) {
    const listed = resultOf(view, 'odoo_list_customer_orders');
    if (!listed)
      return call(view, [['odoo_list_customer_orders', { customer_id: context.partner.id, limit: 1 }]]);
    const latest = data(listed)?.orders[0];
    if (!latest) return say(t.noOrders);
    target = { order_id: latest.order_id };
  }
  if (!target) return say(t.askOrderRef);
  const status = resultOf(view, 'odoo_order_status');
  if (!status) return call(view, [['odoo_order_status', target]]);
  const found = data(status)!;
  const say1 = (value: string, table: typeof PHRASES) => table[value]?.[language] ?? value;
  return say(
    t.status(
      found.order.name,
      say1(found.order.state, STATE),
      say1(found.delivery, PHRASES),
      say1(found.invoicing, PHRASES),
    ),
  );
}
