import { z } from 'zod';
import { CrewError } from '@mcp-crew/core';
import { bounded } from './lists.js';
import { explainMissing } from './missing-records.js';
import {
  describeOrder,
  orderSchema,
  orderShape,
  orderSummary,
  readOrder,
  resolveOrderId,
  STATE_LABELS,
} from './orders.js';
import { defineTool, type ToolContext } from './tool.js';
import { currentWriteKey, ORDER_KEY_PREFIX } from '../idempotent-writes.js';

const lineInput = z.object({
  product_id: z.number().int().positive(),
  quantity: z.number().positive(),
  uom_id: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("unit of measure; default: the product's sales unit"),
});
const orderRef = {
  order_id: z.number().int().positive().optional(),
  order_name: z.string().min(2).optional().describe('Odoo reference such as S00012'),
};

async function lineValues(
  ctx: ToolContext,
  line: z.infer<typeof lineInput>,
): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = { product_id: line.product_id, product_uom_qty: line.quantity };
  if (line.uom_id) values[await ctx.schema.lineUomField()] = line.uom_id;
  return values;
}

async function requireDraft(ctx: ToolContext, orderId: number, action: string): Promise<void> {
  const [order] = await ctx.api.read('sale.order', [orderId], ['state', 'name']);
  if (!order)
    throw new CrewError('ODOO_MISSING_RECORD', `sales order ${orderId} does not exist`, {
      domain: 'odoo',
      category: 'user',
    });
  if (order['state'] !== 'draft' && order['state'] !== 'sent') {
    const label = STATE_LABELS[String(order['state'])] ?? String(order['state']);
    throw new CrewError(
      'ODOO_NOT_A_QUOTATION',
      `cannot ${action} ${String(order['name'])}: it is a ${label}`,
      { domain: 'odoo', category: 'user', details: { state: order['state'] } },
    );
  }
}

export const createQuotation = defineTool({
  name: 'odoo_create_quotation',
  title: 'Create a quotation',
  description:
    "Create a customer's draft quotation with product lines; returns its reference, lines and Odoo's totals (the customer's pricelist).",
  kind: 'write',
  input: {
    customer_id: z.number().int().positive(),
    lines: z.array(lineInput).min(1).max(100),
    customer_reference: z.string().max(120).optional(),
  },
  output: orderShape,
  async run({ customer_id, lines, customer_reference }, ctx) {
    const values: Record<string, unknown> = {
      partner_id: customer_id,
      order_line: await Promise.all(lines.map(async (l) => [0, 0, await lineValues(ctx, l)])),
    };
    if (customer_reference) values['client_order_ref'] = customer_reference;
    // The write's idempotency key, so a retry after a crash between this write and its record finds it.
    const key = currentWriteKey();
    if (key) values['origin'] = `${ORDER_KEY_PREFIX}${key}`;
    const id = await ctx.api
      .create('sale.order', values)
      .catch((error: unknown) =>
        explainMissing(ctx, error, { customerId: customer_id, productIds: lines.map((l) => l.product_id) }),
      );
    const order = await readOrder(ctx, id);
    return { result: order, text: `Created ${describeOrder(order)}` };
  },
});

export const updateQuotationLines = defineTool({
  name: 'odoo_update_quotation_lines',
  title: "Change a quotation's lines",
  description: "Add lines to a draft quotation, change a line's quantity, or remove lines.",
  kind: 'write',
  input: {
    ...orderRef,
    add: z.array(lineInput).default([]),
    update: z
      .array(z.object({ line_id: z.number().int().positive(), quantity: z.number().positive() }))
      .default([]),
    remove: z.array(z.number().int().positive()).default([]).describe('line ids to delete'),
  },
  output: orderShape,
  async run({ add, update, remove, ...ref }, ctx) {
    const orderId = await resolveOrderId(ctx, ref);
    if (add.length + update.length + remove.length === 0) {
      throw new CrewError('ODOO_VALIDATION_ERROR', 'nothing to change: give add, update or remove', {
        domain: 'odoo',
        category: 'user',
      });
    }
    await requireDraft(ctx, orderId, 'change');
    const commands = [
      ...(await Promise.all(add.map(async (l) => [0, 0, await lineValues(ctx, l)]))),
      ...update.map((u) => [1, u.line_id, { product_uom_qty: u.quantity }]),
      ...remove.map((id) => [2, id]),
    ];
    await ctx.api
      .write('sale.order', [orderId], { order_line: commands })
      .catch((error: unknown) => explainMissing(ctx, error, { productIds: add.map((l) => l.product_id) }));
    const order = await readOrder(ctx, orderId);
    return { result: order, text: `Updated ${describeOrder(order)}` };
  },
});

export const getOrder = defineTool({
  name: 'odoo_get_order',
  title: 'Get a quotation or order',
  description:
    'A quotation or order by id or reference: lines, taxes, totals, state and the customer portal link.',
  kind: 'read',
  input: orderRef,
  output: orderShape,
  async run(ref, ctx) {
    const order = await readOrder(ctx, await resolveOrderId(ctx, ref), { portal: true });
    return { result: order, text: describeOrder(order) };
  },
});

export const confirmQuotation = defineTool({
  name: 'odoo_confirm_quotation',
  title: 'Confirm a quotation',
  description:
    'Confirm a draft quotation as a sales order. Commits the business: only after the customer said yes to its summary.',
  kind: 'destructive',
  input: orderRef,
  output: orderShape,
  async run(ref, ctx) {
    const orderId = await resolveOrderId(ctx, ref);
    await requireDraft(ctx, orderId, 'confirm');
    await ctx.api.call('sale.order', 'action_confirm', [[orderId]]);
    const order = await readOrder(ctx, orderId, { portal: true });
    return { result: order, text: `Confirmed ${describeOrder(order)}` };
  },
});

export const cancelQuotation = defineTool({
  name: 'odoo_cancel_quotation',
  title: 'Cancel a quotation',
  description: 'Cancel a draft or sent quotation (a confirmed order is cancelled by a person in Odoo).',
  kind: 'destructive',
  input: orderRef,
  output: orderShape,
  async run(ref, ctx) {
    const orderId = await resolveOrderId(ctx, ref);
    await requireDraft(ctx, orderId, 'cancel');
    // Without this context Odoo may answer with a wizard instead of cancelling.
    await ctx.api.call('sale.order', 'action_cancel', [[orderId]], {
      context: { disable_cancel_warning: true },
    });
    const order = await readOrder(ctx, orderId);
    return { result: order, text: `Cancelled ${describeOrder(order)}` };
  },
});

const summaryShape = z.object({
  order_id: z.number().int(),
  name: z.string(),
  state: z.string(),
  state_label: z.string(),
  date_order: z.string().optional(),
  amount_total: z.number(),
  currency: z.string().optional(),
  invoice_status: z.string().optional(),
  delivery_status: z.string().optional(),
});

export const listCustomerOrders = defineTool({
  name: 'odoo_list_customer_orders',
  title: "List a customer's recent orders",
  description: "The customer's most recent quotations and orders, newest first, with state and total.",
  kind: 'read',
  input: { customer_id: z.number().int().positive(), limit: z.number().int().min(1).max(20).default(5) },
  output: {
    orders: z.array(summaryShape),
    count: z.number().int(),
    truncated: z.boolean(),
    hint: z.string().optional(),
  },
  async run({ customer_id, limit }, ctx) {
    const fields = await ctx.schema.pick('sale.order', [
      'name',
      'state',
      'date_order',
      'amount_total',
      'currency_id',
      'invoice_status',
      'delivery_status',
    ]);
    const domain = [['partner_id', 'child_of', customer_id] as [string, string, unknown]];
    const [rows, count] = await Promise.all([
      ctx.api.searchRead('sale.order', domain, { fields, limit, order: 'date_order desc, id desc' }),
      ctx.api.searchCount('sale.order', domain),
    ]);
    const orders = rows.map(orderSummary);
    const list = bounded(orders, count, limit, 'ask for a specific order by its reference');
    const lines = list.items.map((o) =>
      `${o.name} (${o.date_order ?? '?'}): ${o.state_label}, total ${o.amount_total} ${o.currency ?? ''}`.trim(),
    );
    return {
      result: { orders: list.items, count, truncated: list.truncated, hint: list.hint },
      text: lines.length ? [...lines, list.hint].filter(Boolean).join('\n') : 'This customer has no orders.',
    };
  },
});

export const orderStatus = defineTool({
  name: 'odoo_order_status',
  title: 'Order delivery and invoice status',
  description: 'Whether an order is delivered and invoiced.',
  kind: 'read',
  input: orderRef,
  output: { order: orderSchema, delivery: z.string(), invoicing: z.string() },
  async run(ref, ctx) {
    const order = await readOrder(ctx, await resolveOrderId(ctx, ref));
    const delivery =
      DELIVERY[order.delivery_status ?? ''] ??
      (order.state === 'sale' ? 'delivery status not available' : 'not confirmed yet');
    const invoicing = INVOICING[order.invoice_status ?? ''] ?? 'invoice status not available';
    return {
      result: { order, delivery, invoicing },
      text: `${order.name} (${order.state_label}): ${delivery}; ${invoicing}.`,
    };
  },
});

const DELIVERY: Record<string, string> = {
  pending: 'not delivered yet',
  started: 'partially delivered',
  partial: 'partially delivered',
  full: 'fully delivered',
};
const INVOICING: Record<string, string> = {
  no: 'nothing to invoice',
  'to invoice': 'to be invoiced',
  invoiced: 'fully invoiced',
  upselling: 'upselling opportunity',
};
