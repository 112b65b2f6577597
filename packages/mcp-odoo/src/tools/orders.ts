import { z } from 'zod';
import { CrewError, isCrewError } from '@mcp-crew/core';
import type { OdooRecord } from '../odoo/odoo-api.js';
import { m2oId, m2oName, num, text } from '../odoo/values.js';
import { taxGroups } from './tax-groups.js';
import type { ToolContext } from './tool.js';

const ORDER_FIELDS = [
  'name',
  'partner_id',
  'state',
  'date_order',
  'validity_date',
  'amount_untaxed',
  'amount_tax',
  'amount_total',
  'currency_id',
  'order_line',
  'invoice_status',
  'delivery_status',
  'client_order_ref',
  'locked',
  'tax_totals',
];
const LINE_FIELDS = [
  'order_id',
  'product_id',
  'name',
  'product_uom_qty',
  'price_unit',
  'discount',
  'price_subtotal',
  'price_total',
  'free_qty_today',
  'display_type',
];

export const STATE_LABELS: Record<string, string> = {
  draft: 'quotation (draft)',
  sent: 'quotation sent',
  sale: 'confirmed sales order',
  done: 'locked sales order',
  cancel: 'cancelled',
};

export const lineShape = {
  line_id: z.number().int(),
  product_id: z.number().int().optional(),
  product: z.string(),
  quantity: z.number(),
  uom: z.string().optional(),
  unit_price: z.number(),
  discount: z.number(),
  subtotal: z.number().describe('before taxes'),
  total: z.number().describe('with taxes'),
  taxes: z.array(z.number().int()),
  free_qty_today: z.number().optional(),
};

export const orderShape = {
  order_id: z.number().int(),
  name: z.string().describe('Odoo reference, e.g. S00012'),
  state: z.string(),
  state_label: z.string(),
  customer_id: z.number().int().optional(),
  customer: z.string().optional(),
  date_order: z.string().optional(),
  validity_date: z.string().optional(),
  currency: z.string().optional(),
  amount_untaxed: z.number(),
  amount_tax: z.number(),
  /** Odoo's own labels for the taxes (tax groups, as its quotation prints them); empty when the order has none. */
  tax_groups: z.array(z.object({ name: z.string(), amount: z.number() })),
  amount_total: z.number(),
  invoice_status: z.string().optional(),
  delivery_status: z.string().optional(),
  lines: z.array(z.object(lineShape)),
  form_url: z.string(),
  portal_url: z.string().optional(),
  warnings: z.array(z.string()),
};
export const orderSchema = z.object(orderShape);
export type Order = z.infer<typeof orderSchema>;

/** Reads an order and its lines in two calls, with the field names this Odoo version uses. */
export async function readOrder(
  ctx: ToolContext,
  orderId: number,
  options: { portal?: boolean } = {},
): Promise<Order> {
  const [orderFields, lineFields, uomField, taxField] = await Promise.all([
    ctx.schema.pick('sale.order', ORDER_FIELDS),
    ctx.schema.pick('sale.order.line', LINE_FIELDS),
    ctx.schema.lineUomField(),
    ctx.schema.lineTaxesField(),
  ]);
  // The three reads are independent: one round trip.
  const [[order], lines, portal] = await Promise.all([
    ctx.api.read('sale.order', [orderId], orderFields),
    ctx.api.searchRead('sale.order.line', [['order_id', '=', orderId]], {
      fields: [...lineFields, uomField, taxField],
      order: 'sequence asc, id asc',
    }),
    options.portal ? portalUrl(ctx, orderId).catch(() => undefined) : undefined,
  ]);
  if (!order)
    throw new CrewError('ODOO_MISSING_RECORD', `sales order ${orderId} does not exist`, {
      domain: 'odoo',
      category: 'user',
    });
  return toOrder(
    ctx,
    order,
    lines.filter((l) => !l['display_type']),
    uomField,
    taxField,
    portal,
  );
}

function toOrder(
  ctx: ToolContext,
  o: OdooRecord,
  lines: OdooRecord[],
  uomField: string,
  taxField: string,
  portal?: string,
): Order {
  const mapped = lines.map((l) => ({
    line_id: l.id,
    product_id: m2oId(l['product_id']),
    product: m2oName(l['product_id']) ?? String(l['name'] ?? ''),
    quantity: num(l['product_uom_qty']),
    uom: m2oName(l[uomField]),
    unit_price: num(l['price_unit']),
    discount: num(l['discount']),
    subtotal: num(l['price_subtotal']),
    total: num(l['price_total']),
    taxes: Array.isArray(l[taxField]) ? (l[taxField] as number[]) : [],
    free_qty_today: typeof l['free_qty_today'] === 'number' ? l['free_qty_today'] : undefined,
  }));
  const warnings = mapped
    .filter((l) => l.free_qty_today !== undefined && l.free_qty_today < l.quantity)
    .map((l) => `${l.product}: ${l.quantity} requested, only ${l.free_qty_today} free in stock today`);
  return {
    ...orderSummary(o),
    customer_id: m2oId(o['partner_id']),
    customer: m2oName(o['partner_id']),
    validity_date: text(o['validity_date']),
    amount_untaxed: num(o['amount_untaxed']),
    amount_tax: num(o['amount_tax']),
    tax_groups: taxGroups(o['tax_totals']),
    lines: mapped,
    form_url: formUrl(ctx, 'sale.order', o.id),
    portal_url: portal,
    warnings,
  };
}

/** The fields an order shows in a list and on its own: reference, state, date, total, invoicing, delivery. */
export function orderSummary(o: OdooRecord) {
  const state = String(o['state'] ?? 'draft');
  return {
    order_id: o.id,
    name: String(o['name'] ?? ''),
    state,
    state_label: STATE_LABELS[state] ?? state,
    date_order: text(o['date_order']),
    amount_total: num(o['amount_total']),
    currency: m2oName(o['currency_id']),
    invoice_status: text(o['invoice_status']),
    delivery_status: text(o['delivery_status']),
  };
}

/** The customer-facing link (with its access token), where the portal module is installed. */
async function portalUrl(ctx: ToolContext, orderId: number): Promise<string | undefined> {
  try {
    const path = await ctx.api.call('sale.order', 'get_portal_url', [[orderId]]);
    return typeof path === 'string' ? new URL(path, ctx.settings.baseUrl).toString() : undefined;
  } catch (error) {
    if (isCrewError(error, 'ODOO_UNKNOWN_METHOD')) return undefined;
    throw error;
  }
}

/** Finds an order by id or by its reference (S00012). */
export async function resolveOrderId(
  ctx: ToolContext,
  ref: { order_id?: number; order_name?: string },
): Promise<number> {
  if (ref.order_id) return ref.order_id;
  if (!ref.order_name)
    throw new CrewError('ODOO_VALIDATION_ERROR', 'give order_id or order_name', {
      domain: 'odoo',
      category: 'user',
    });
  const [found] = await ctx.api.searchRead('sale.order', [['name', '=ilike', ref.order_name.trim()]], {
    fields: ['id'],
    limit: 1,
  });
  if (!found)
    throw new CrewError('ODOO_MISSING_RECORD', `no sales order named ${ref.order_name}`, {
      domain: 'odoo',
      category: 'user',
    });
  return found.id;
}

/**
 * The order as a model reads it: besides the figures, the ids a next call needs (the order, each line to
 * change or remove, each product) and Odoo's tax labels, so the text alone is enough to act on.
 */
export function describeOrder(o: Order): string {
  const lines = o.lines.map(
    (l) =>
      `- line ${l.line_id}: ${l.quantity} × ${l.product}${l.product_id ? ` (product ${l.product_id})` : ''} @ ${l.unit_price}${l.discount ? ` (-${l.discount}%)` : ''} = ${l.subtotal}`,
  );
  const groups = o.tax_groups.map((g) => `${g.name} ${g.amount}`).join(', ');
  const totals =
    `Untaxed ${o.amount_untaxed}, taxes ${o.amount_tax}${groups ? ` (${groups})` : ''}, total ${o.amount_total} ${o.currency ?? ''}`.trim();
  const extra = [
    ...o.warnings.map((w) => `Warning: ${w}`),
    o.portal_url ? `Customer link: ${o.portal_url}` : '',
  ].filter(Boolean);
  return [
    `${o.name} (order id ${o.order_id}) — ${o.state_label} for ${o.customer ?? 'unknown customer'}${o.customer_id !== undefined ? ` (customer ${o.customer_id})` : ''}`,
    ...lines,
    totals,
    ...extra,
  ].join('\n');
}

/** A link to the record's form in Odoo's web client (this form works from 16 to 19). */
export function formUrl(ctx: ToolContext, model: string, id: number): string {
  return `${ctx.settings.baseUrl}/web#id=${id}&model=${model}&view_type=form`;
}
