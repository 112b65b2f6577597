import { firstName } from '../format.js';
import type { AgentToolCall } from '../step.js';
import type { RequestedItem } from '../parse-items.js';
import { customerForQuote, givenName, type QuoteCustomer } from './quote-customer.js';
import { bigOrderFlow, isBigOrder } from './big-order.js';
import { call, data, failedCall, resultOf, say, type FlowInput, type StepOutput } from '../step.js';
import { textsFor } from '../texts.js';
import { lookUpProduct } from './find-products.js';
import { equallyGood, type FoundProduct } from '../rank-products.js';
import { money } from '../format.js';
import { orderSummary } from './order-summary.js';

/**
 * A quotation from a message such as "soy Ana Gómez, necesito 2 galones de esmalte blanco y 3 rodillos":
 * find the customer, resolve every product, create the quotation (or add the lines to the working one),
 * and show the summary Odoo computed.
 */
export function quoteFlow(
  { view, language }: FlowInput,
  items: RequestedItem[],
  mode: 'create' | 'add',
): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  const t = textsFor(language);
  const context = view.context;
  const pending: AgentToolCall[] = [];

  // Products first: nobody is registered, and nothing is quoted, for a request that cannot be served.
  const chosen: Array<{ item: RequestedItem; productId: number; product: FoundProduct }> = [];
  const soldOut: string[] = [];
  const unclear: string[] = [];
  for (const item of items) {
    const lookup = lookUpProduct(view, item, context?.partner?.verified ? context.partner.id : undefined);
    if ('calls' in lookup) pending.push(...lookup.calls);
    else if (!lookup.products[0]) return say(t.noProduct(item.said));
    else if (equallyGood(lookup.products, item).length > 1) {
      // "3 galones de pintura blanca": several products fit equally; the customer picks, nothing is guessed.
      const options = equallyGood(lookup.products, item).slice(0, 5);
      unclear.push(
        t.whichProduct(
          item.said,
          options.map((p) => `${p.name}: ${money(p.price, language, p.currency)}`),
        ),
      );
    } else if (isSoldOut(lookup.products[0])) {
      // Named as sold out, with what is in stock of the same kind; never silently swapped for another product.
      const others = lookup.products
        .filter((p) => !isSoldOut(p))
        .slice(0, 3)
        .map((p) => p.name);
      soldOut.push(t.soldOutWithAlternatives(lookup.products[0].name, others));
    } else chosen.push({ item, productId: lookup.products[0].id, product: lookup.products[0] });
  }
  if (pending.length > 0) return call(view, pending);
  if (soldOut.length > 0 || unclear.length > 0) return say([...unclear, ...soldOut].join('\n\n'));

  // Above the tenant's big-order threshold a salesperson quotes: a CRM lead, and the conversation goes to them.
  if (isBigOrder(chosen, context?.bigOrder)) {
    const partner = context?.partner?.verified ? context.partner : undefined;
    return bigOrderFlow({ view, language }, chosen, {
      ...(partner ? { customerId: partner.id } : {}),
      name: partner?.name ?? givenName(view),
    });
  }

  let customer: QuoteCustomer | undefined;
  if (mode === 'create') {
    const step = customerForQuote(view);
    if ('ask' in step) return say(step.ask === 'contact' ? t.askContact : t.askCustomer);
    if ('registered' in step) return say(t.writeFromRegistered(step.registered));
    if ('calls' in step) return call(view, step.calls);
    customer = step.customer;
  }

  const lines = chosen.map((c) => ({ product_id: c.productId, quantity: c.item.quantity }));
  const tool = mode === 'create' ? 'odoo_create_quotation' : 'odoo_update_quotation_lines';
  const done = resultOf(view, tool);
  if (!done) {
    return mode === 'create'
      ? call(view, [['odoo_create_quotation', { customer_id: customer!.id, lines }]])
      : call(view, [['odoo_update_quotation_lines', { order_id: context!.quotation!.id, add: lines }]]);
  }
  const order = data(done)!;
  const intro =
    mode === 'create'
      ? t.quoteIntro(firstName(customer?.name) ?? '', order.name)
      : t.quoteUpdated(order.name);
  return say(orderSummary(order, language, intro));
}

function isSoldOut(product: FoundProduct): boolean {
  return product.stock_tracked && (product.qty_available ?? 0) <= 0;
}
