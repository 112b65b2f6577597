import { createHash } from 'node:crypto';
import { userError } from '../rpc/faults.js';
import { formatDate, formatDatetime } from '../rpc/py.js';
import { writeRecords } from '../orm/crud.js';
import {
  boolean,
  char,
  datetime,
  date,
  float,
  html,
  integer,
  many2many,
  many2one,
  monetary,
  one2many,
  selection,
  text,
} from '../orm/fields.js';
import { search } from '../orm/search.js';
import type { Env, MethodSpec, ModelDef, Row } from '../orm/types.js';
import { productDisplayName } from './product.js';
import { lineAmounts, pricelistPrice, round2 } from './pricing.js';

const STATES: [string, string][] = [
  ['draft', 'Quotation'],
  ['sent', 'Quotation Sent'],
  ['sale', 'Sales Order'],
  ['cancel', 'Cancelled'],
];

const orderLines = (env: Env, order: Row) => search(env, 'sale.order.line', [['order_id', '=', order.id]]);
const sumLines = (env: Env, order: Row, key: 'subtotal' | 'tax' | 'total') =>
  round2(orderLines(env, order).reduce((acc, line) => acc + lineAmounts(env, line)[key], 0));

/** A stable uuid-shaped portal token per order, so portal links are deterministic in tests. */
export function accessToken(id: number): string {
  const h = createHash('sha256').update(`odoo-sandbox:sale.order:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const orderMethod = (
  run: (env: Env, orders: Row[], kw: Record<string, unknown>) => unknown,
  params: string[] = [],
): MethodSpec => ({
  recordset: true,
  params,
  run: (env, _model, ids, kw) =>
    run(
      env,
      ids.map((id) => env.db.row('sale.order', id)).filter((r): r is Row => !!r),
      kw,
    ),
});

const ORDER_METHODS: Record<string, MethodSpec> = {
  action_confirm: orderMethod((env, orders) => {
    const blocked = orders.filter((o) => o['state'] !== 'draft' && o['state'] !== 'sent');
    if (blocked.length) {
      throw userError(
        `The following orders are not in a state requiring confirmation: ${blocked.map((o) => o['name']).join(', ')}`,
      );
    }
    writeRecords(
      env,
      'sale.order',
      orders.map((o) => o.id),
      { state: 'sale', date_order: formatDatetime(env.db.now()) },
    );
    return true;
  }),
  action_quotation_sent: orderMethod((env, orders) => {
    const drafts = orders.filter((o) => o['state'] === 'draft');
    return writeRecords(
      env,
      'sale.order',
      drafts.map((o) => o.id),
      { state: 'sent' },
    );
  }),
  action_draft: orderMethod((env, orders) => {
    const back = orders.filter((o) => o['state'] === 'cancel' || o['state'] === 'sent');
    return writeRecords(
      env,
      'sale.order',
      back.map((o) => o.id),
      { state: 'draft' },
    );
  }),
  action_cancel: orderMethod((env, orders) => {
    if (orders.some((o) => o['locked']))
      throw userError('You cannot cancel a locked order. Please unlock it first.');
    // Odoo's _show_cancel_wizard: a non-draft order gets the "send a cancellation e-mail" wizard unless
    // the caller passes context {'disable_cancel_warning': True}.
    if (!env.context['disable_cancel_warning'] && orders.some((o) => o['state'] !== 'draft')) {
      return {
        name: 'Cancel Sales Order',
        view_mode: 'form',
        res_model: 'sale.order.cancel',
        view_id: 1220,
        type: 'ir.actions.act_window',
        context: {
          default_template_id: 20,
          default_order_id: orders[0]!.id,
          mark_so_as_canceled: true,
          default_email_layout_xmlid: 'mail.mail_notification_layout_with_responsible_signature',
          model_description: 'Sales Order',
        },
        target: 'new',
      };
    }
    return writeRecords(
      env,
      'sale.order',
      orders.map((o) => o.id),
      { state: 'cancel' },
    );
  }),
  // Both return None in Odoo 18: XML-RPC answers a "cannot marshal None" fault after committing.
  action_lock: orderMethod((env, orders) => {
    writeRecords(
      env,
      'sale.order',
      orders.map((o) => o.id),
      { locked: true },
    );
    return undefined;
  }),
  action_unlock: orderMethod((env, orders) => {
    writeRecords(
      env,
      'sale.order',
      orders.map((o) => o.id),
      { locked: false },
    );
    return undefined;
  }),
  get_portal_url: orderMethod(
    (_env, orders, kw) => {
      const order = orders[0];
      if (!order) return false;
      const suffix = typeof kw['suffix'] === 'string' ? kw['suffix'] : '';
      return `/my/orders/${order.id}${suffix}?access_token=${String(order['access_token'])}`;
    },
    ['suffix', 'report_type', 'download', 'query_string', 'anchor'],
  ),
};

/** Fills name, price, unit and taxes of a line from its product and its order's pricelist. */
function fillFromProduct(env: Env, line: Row, vals: Record<string, unknown>): void {
  const product =
    typeof line['product_id'] === 'number' ? env.db.row('product.product', line['product_id']) : undefined;
  if (!product) return;
  const order = env.db.row('sale.order', line['order_id'] as number);
  if (!('name' in vals)) {
    const description = product['description_sale'];
    line['name'] =
      productDisplayName(env, product) +
      (typeof description === 'string' && description ? `\n${description}` : '');
  }
  if (!('product_uom' in vals)) line['product_uom'] = product['uom_id'] ?? false;
  if (!('price_unit' in vals))
    line['price_unit'] = pricelistPrice(
      env,
      (order?.['pricelist_id'] as number) ?? false,
      product,
      Number(line['product_uom_qty'] ?? 1),
    );
  if (!('tax_id' in vals)) line['tax_id'] = [...((product['taxes_id'] as number[]) ?? [])];
}

export const SALE_MODELS: ModelDef[] = [
  {
    name: 'sale.order',
    description: 'Sales Order',
    order: 'date_order desc, id desc',
    writeGroup: 'Sales/User: Own Documents Only',
    methods: ORDER_METHODS,
    fields: {
      name: char('Order Reference', { required: true, default: 'New' }),
      state: selection('Status', STATES, { readonly: true, default: 'draft' }),
      locked: boolean('Locked', { default: false, help: 'Locked orders cannot be modified.' }),
      partner_id: many2one('res.partner', 'Customer', { required: true }),
      partner_invoice_id: many2one('res.partner', 'Invoice Address', { required: true }),
      partner_shipping_id: many2one('res.partner', 'Delivery Address', { required: true }),
      company_id: many2one('res.company', 'Company', { required: true, default: () => 1 }),
      client_order_ref: char('Customer Reference'),
      origin: char('Source Document'),
      date_order: datetime('Order Date', {
        required: true,
        default: (env: Env) => formatDatetime(env.db.now()),
      }),
      validity_date: date('Expiration'),
      commitment_date: datetime('Delivery Date'),
      note: html('Terms and conditions'),
      pricelist_id: many2one('product.pricelist', 'Pricelist'),
      currency_id: many2one('res.currency', 'Currency', { readonly: true, compute: () => 1 }),
      user_id: many2one('res.users', 'Salesperson', { default: (env: Env) => env.uid }),
      team_id: many2one('crm.team', 'Sales Team', { default: () => 1 }),
      opportunity_id: many2one('crm.lead', 'Opportunity'),
      tag_ids: many2many('crm.tag', 'Tags'),
      order_line: one2many('sale.order.line', 'order_id', 'Order Lines'),
      amount_untaxed: monetary('Untaxed Amount', {
        readonly: true,
        compute: (env, r) => sumLines(env, r, 'subtotal'),
      }),
      amount_tax: monetary('Taxes', { readonly: true, compute: (env, r) => sumLines(env, r, 'tax') }),
      amount_total: monetary('Total', { readonly: true, compute: (env, r) => sumLines(env, r, 'total') }),
      access_url: char('Portal Access URL', { readonly: true, compute: (_e, r) => `/my/orders/${r.id}` }),
      access_token: char('Security Token'),
      require_signature: boolean('Online signature', { default: true }),
      require_payment: boolean('Online payment', { default: false }),
      invoice_status: selection(
        'Invoice Status',
        [
          ['upselling', 'Upselling Opportunity'],
          ['invoiced', 'Fully Invoiced'],
          ['to invoice', 'To Invoice'],
          ['no', 'Nothing to Invoice'],
        ],
        { readonly: true, compute: (_e, r) => (r['state'] === 'sale' ? 'to invoice' : 'no') },
      ),
      is_expired: boolean('Is Expired', {
        readonly: true,
        compute: (env, r) =>
          r['state'] !== 'sale' &&
          typeof r['validity_date'] === 'string' &&
          r['validity_date'] < formatDate(env.db.now()),
      }),
      type_name: char('Type Name', {
        readonly: true,
        compute: (_e, r) => (r['state'] === 'sale' || r['state'] === 'cancel' ? 'Sales Order' : 'Quotation'),
      }),
    },
    prepareCreate: (env, row, vals) => {
      if (!vals['name'] || vals['name'] === 'New' || vals['name'] === '/')
        row['name'] = `S${String(env.db.nextSequence('sale.order')).padStart(5, '0')}`;
      const partner = env.db.row('res.partner', row['partner_id'] as number);
      if (!('pricelist_id' in vals)) row['pricelist_id'] = partner?.['property_product_pricelist'] ?? 1;
      if (!('partner_invoice_id' in vals)) row['partner_invoice_id'] = row['partner_id'];
      if (!('partner_shipping_id' in vals)) row['partner_shipping_id'] = row['partner_id'];
      if (!('validity_date' in vals)) {
        const base = new Date(`${String(row['date_order']).replace(' ', 'T')}Z`);
        row['validity_date'] = formatDate(new Date(base.getTime() + 30 * 86_400_000));
      }
      row['access_token'] = accessToken(row.id);
    },
    beforeUnlink: (_env, rows) => {
      if (rows.some((r) => r['state'] !== 'draft' && r['state'] !== 'cancel')) {
        throw userError(
          'You can not delete a sent quotation or a confirmed sales order. You must first cancel it.',
        );
      }
    },
  },
  {
    name: 'sale.order.line',
    description: 'Sales Order Line',
    order: 'order_id, sequence, id',
    writeGroup: 'Sales/User: Own Documents Only',
    displayName: (env, row) => {
      const order = env.db.row('sale.order', row['order_id'] as number);
      return `${String(order?.['name'] ?? '')} - ${String(row['name'] ?? '').split('\n')[0]}`;
    },
    fields: {
      order_id: many2one('sale.order', 'Order Reference', { required: true, ondelete: 'cascade' }),
      sequence: integer('Sequence', { default: 10 }),
      name: text('Description', { required: true }),
      display_type: selection('Display Type', [
        ['line_section', 'Section'],
        ['line_note', 'Note'],
      ]),
      product_id: many2one('product.product', 'Product'),
      product_template_id: many2one('product.template', 'Product Template', {
        compute: (_e, r) => r['product_id'] ?? false,
      }),
      product_uom_qty: float('Quantity', { default: 1 }),
      product_uom: many2one('uom.uom', 'Unit of Measure'),
      price_unit: float('Unit Price'),
      discount: float('Discount (%)'),
      tax_id: many2many('account.tax', 'Taxes'),
      price_subtotal: monetary('Subtotal', {
        readonly: true,
        compute: (env, r) => lineAmounts(env, r).subtotal,
      }),
      price_tax: float('Total Tax', { readonly: true, compute: (env, r) => lineAmounts(env, r).tax }),
      price_total: monetary('Total', { readonly: true, compute: (env, r) => lineAmounts(env, r).total }),
      price_reduce_taxexcl: monetary('Price Reduce Tax excl', {
        readonly: true,
        compute: (env, r) => {
          const q = Number(r['product_uom_qty']);
          return q ? round2(lineAmounts(env, r).subtotal / q) : 0;
        },
      }),
      qty_delivered: float('Delivery Quantity'),
      qty_invoiced: float('Invoiced Quantity', { readonly: true }),
      customer_lead: float('Lead Time'),
      is_downpayment: boolean('Is a down payment'),
      state: selection('Order Status', STATES, {
        readonly: true,
        compute: (env, r) => env.db.row('sale.order', r['order_id'] as number)?.['state'] ?? false,
      }),
      order_partner_id: many2one('res.partner', 'Customer', {
        compute: (env, r) => env.db.row('sale.order', r['order_id'] as number)?.['partner_id'] ?? false,
      }),
      salesman_id: many2one('res.users', 'Salesperson', {
        compute: (env, r) => env.db.row('sale.order', r['order_id'] as number)?.['user_id'] ?? false,
      }),
      currency_id: many2one('res.currency', 'Currency', { compute: () => 1 }),
      company_id: many2one('res.company', 'Company', { compute: () => 1 }),
    },
    prepareCreate: (env, row, vals) => {
      fillFromProduct(env, row, vals);
      if (!row['name'] && !row['product_id']) row['name'] = '';
    },
    beforeWrite: (env, rows, vals) => {
      if (!('product_id' in vals)) return;
      for (const row of rows) {
        const next: Row = { ...row, product_id: vals['product_id'] };
        fillFromProduct(env, next, vals);
        env.db.update(row, {
          name: next['name'],
          product_uom: next['product_uom'],
          price_unit: next['price_unit'],
          tax_id: next['tax_id'],
        });
      }
    },
    beforeUnlink: (env, rows) => {
      const confirmed = rows.filter(
        (r) => !r['display_type'] && env.db.row('sale.order', r['order_id'] as number)?.['state'] === 'sale',
      );
      if (confirmed.length) {
        throw userError(
          "Once a sales order is confirmed, you can't remove one of its lines (we need to track if something gets invoiced or delivered).\n" +
            'Set the quantity to 0 instead.',
        );
      }
    },
  },
];
