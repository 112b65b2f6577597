import type { Language } from '@mcp-crew/core';
import { money, quantity } from '../format.js';
import { textsFor } from '../texts.js';

/** The fields of an order result (odoo_create_quotation, odoo_get_order, ...) the engine reads. */
export interface OrderResult {
  order_id: number;
  name: string;
  state: string;
  state_label: string;
  currency?: string;
  amount_untaxed: number;
  amount_tax: number;
  amount_total: number;
  lines: Array<{ product: string; quantity: number; subtotal: number }>;
}

/** The summary a customer says yes to: reference, lines, taxes and total, all as Odoo returned them. */
export function orderSummary(order: OrderResult, language: Language, intro: string): string {
  const t = textsFor(language);
  const m = (n: number) => money(n, language, order.currency);
  return [
    intro,
    ...order.lines.map((l) => `• ${quantity(l.quantity, language)} × ${l.product}: ${m(l.subtotal)}`),
    `${t.subtotal}: ${m(order.amount_untaxed)}`,
    `${t.tax}: ${m(order.amount_tax)}`,
    `*${t.total}: ${m(order.amount_total)}*`,
    '',
    t.askConfirm,
  ].join('\n');
}
