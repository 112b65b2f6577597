import { foldText } from '@mcp-crew/core';
import type { AgentToolCall } from '../step.js';
import type { Intent } from '../detect-intent.js';
import { lookUpProduct } from '../flows/find-products.js';
import type { OrderResult } from '../flows/order-summary.js';
import { money, quantity } from '../format.js';
import { customerNameIn, type RequestedItem } from '../parse-items.js';
import type { FoundProduct } from '../rank-products.js';
import { call, data, failedCall, resultOf, say, type FlowInput, type StepOutput } from '../step.js';
import { onHand, staffTextsFor } from './staff-texts.js';

/** An order result with Odoo's own tax labels (MCP-Odoo's `tax_groups`). */
type StaffOrder = OrderResult & { tax_groups?: Array<{ name: string; amount: number }>; customer?: string };

interface Chosen {
  item: RequestedItem;
  product: FoundProduct;
}

/**
 * The offline engine's answers to a staff member in the Odoo copilot, for the intents that differ from a
 * customer conversation (a quotation for any named customer, confirming what was just shown). Undefined:
 * the customer flow answers (product questions, order status, rules).
 */
export function staffStep(input: FlowInput, intent: Intent): StepOutput | undefined {
  const t = staffTextsFor(input.language);
  switch (intent.kind) {
    case 'quote':
      return staffQuote(input, intent.items, intent.mode);
    case 'confirm':
      return input.view.context?.pendingConfirmation?.tool === 'odoo_book_appointment'
        ? undefined
        : staffConfirm(input);
    case 'nothing_pending':
      return say(t.nothingPending);
    case 'greeting':
    case 'thanks':
      return say(t.ready);
    default:
      return undefined;
  }
}

/** A quotation for the customer named in the request (or the partner open on screen), with exactly the products asked for. */
function staffQuote(
  { view, language }: FlowInput,
  items: RequestedItem[],
  mode: 'create' | 'add',
): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  const t = staffTextsFor(language);
  const pending: AgentToolCall[] = [];
  const working = view.context?.quotation;
  const adding = mode === 'add' && working !== undefined;

  let customer: { id: number; name: string } | undefined;
  if (!adding) {
    const name = customerNameIn(view.text);
    const onScreen = view.context?.staff?.record;
    if (name) {
      const found = resultOf(view, 'odoo_find_customers', { query: name });
      if (!found) pending.push(['odoo_find_customers', { query: name, limit: 5 }]);
      else {
        const list = data(found)?.customers ?? [];
        const exact = list.filter((c) => foldText(c.name) === foldText(name));
        customer = list.length === 1 ? list[0] : exact.length === 1 ? exact[0] : undefined;
        if (list.length === 0) return say(t.noCustomer(name));
        if (!customer) return say(t.manyCustomers(name));
      }
    } else if (onScreen?.model === 'res.partner') customer = { id: onScreen.id, name: '' };
    else return say(t.whichCustomer);
  }

  const chosen: Chosen[] = [];
  for (const item of items) {
    const lookup = lookUpProduct(view, item, customer?.id);
    if ('calls' in lookup) pending.push(...lookup.calls);
    else {
      const product = exactlyNamed(lookup.products, item) ?? lookup.products[0];
      if (!product) return say(t.noProduct(item.said));
      chosen.push({ item, product });
    }
  }
  if (pending.length > 0) return call(view, pending);

  const lines = chosen.map((c) => ({ product_id: c.product.id, quantity: c.item.quantity }));
  const tool = adding ? 'odoo_update_quotation_lines' : 'odoo_create_quotation';
  const done = resultOf(view, tool);
  if (!done)
    return call(
      view,
      adding
        ? [['odoo_update_quotation_lines', { order_id: working.id, add: lines }]]
        : [['odoo_create_quotation', { customer_id: customer!.id, lines }]],
    );
  const order = data(done)!;
  const intro = adding
    ? t.updated(order.name)
    : t.created(order.name, order.customer ?? customer?.name ?? '');
  return say(staffSummary(order, chosen, language, intro));
}

/**
 * The product named exactly as asked (words equal, ignoring case, accents and the [CODE] prefix), in stock or
 * not: a staff member who asks for "Office Chair" gets that product, never a dearer "Office Chair Black".
 */
export function exactlyNamed(
  products: FoundProduct[],
  item: Pick<RequestedItem, 'words'>,
): FoundProduct | undefined {
  const wanted = item.words.map((w) => foldText(w)).join(' ');
  return products.find((p) => {
    const name = foldText(p.name.replace(/^\[[^\]]*\]\s*/, ''))
      .replace(/[^a-z0-9/]+/g, ' ')
      .trim();
    return name === wanted || name.split(' ').map(singular).join(' ') === wanted;
  });
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Lines, subtotal, each tax by Odoo's own name, total; products short of stock named as such; the question. */
export function staffSummary(
  order: StaffOrder,
  chosen: Chosen[],
  language: FlowInput['language'],
  intro: string,
): string {
  const t = staffTextsFor(language);
  const m = (n: number) => money(n, language, order.currency);
  const taxes = order.tax_groups?.length
    ? order.tax_groups.map((g) => `${g.name}: ${m(g.amount)}`)
    : [`${t.taxes}: ${m(order.amount_tax)}`];
  const short = chosen
    .filter((c) => c.product.stock_tracked && (c.product.qty_available ?? 0) < c.item.quantity)
    .map((c) => `${c.product.name} (${onHand(language, c.product.qty_available ?? 0, c.item.quantity)})`);
  return [
    intro,
    ...order.lines.map((l) => `• ${quantity(l.quantity, language)} × ${l.product}: ${m(l.subtotal)}`),
    `${t.subtotal}: ${m(order.amount_untaxed)}`,
    ...taxes,
    `${t.total}: ${m(order.amount_total)}`,
    ...(short.length > 0 ? ['', t.short(short.join('; '))] : []),
    '',
    t.askConfirm,
  ].join('\n');
}

/** "Sí, confírmala": runs the confirmation (or cancellation) the latest summary offered, for whichever customer. */
function staffConfirm({ view, language }: FlowInput): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  const t = staffTextsFor(language);
  const pending = view.context?.pendingConfirmation;
  if (!pending?.target.orderId || pending.tool === 'odoo_book_appointment') return say(t.nothingPending);
  const done = resultOf(view, pending.tool);
  if (!done) return call(view, [[pending.tool, { order_id: pending.target.orderId }]]);
  const order = data(done)!;
  return say(
    pending.tool === 'odoo_cancel_quotation'
      ? t.cancelled(order.name)
      : t.confirmed(order.name, money(order.amount_total, language, order.currency)),
  );
}
