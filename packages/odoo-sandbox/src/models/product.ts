import {
  binary,
  boolean,
  char,
  float,
  html,
  integer,
  many2many,
  many2one,
  one2many,
  selection,
  text,
} from '../orm/fields.js';
import type { Env, FieldDef, ModelDef, Row } from '../orm/types.js';
import { qtyAvailable, qtyOutgoing } from './stock-levels.js';

const storable = (row: Row) => row['is_storable'] === true;
const onHand = (env: Env, row: Row) => (storable(row) ? qtyAvailable(env, row.id) : 0);
const outgoing = (env: Env, row: Row) => (storable(row) ? qtyOutgoing(env, row.id) : 0);

/** "[CODE] Name", Odoo's product display name. */
export function productDisplayName(_env: Env, row: Row): string {
  const code = row['default_code'];
  return typeof code === 'string' && code ? `[${code}] ${String(row['name'])}` : String(row['name'] ?? '');
}

/** Fields of the product template; product.product shares them (one variant per template, same id). */
const templateFields: Record<string, FieldDef> = {
  name: char('Name', { required: true }),
  default_code: char('Internal Reference'),
  barcode: char('Barcode'),
  type: selection(
    'Product Type',
    [
      ['consu', 'Goods'],
      ['service', 'Service'],
      ['combo', 'Combo'],
    ],
    { required: true, default: 'consu' },
  ),
  is_storable: boolean('Track Inventory', { default: false }),
  sale_ok: boolean('Can be Sold', { default: true }),
  purchase_ok: boolean('Can be Purchased', { default: true }),
  active: boolean('Active', { default: true }),
  list_price: float('Sales Price', { default: 1, help: 'Price at which the product is sold to customers.' }),
  standard_price: float('Cost'),
  categ_id: many2one('product.category', 'Product Category', { default: () => 1 }),
  uom_id: many2one('uom.uom', 'Unit of Measure', { required: true, default: () => 1 }),
  uom_po_id: many2one('uom.uom', 'Purchase Unit', { required: true, default: () => 1 }),
  taxes_id: many2many('account.tax', 'Sales Taxes', { default: () => [1] }),
  supplier_taxes_id: many2many('account.tax', 'Purchase Taxes'),
  description: html('Description'),
  description_sale: text('Sales Description', {
    help: 'A description of the Product that you want to communicate to your customers.',
  }),
  weight: float('Weight'),
  volume: float('Volume'),
  currency_id: many2one('res.currency', 'Currency', { compute: () => 1 }),
  company_id: many2one('res.company', 'Company'),
  image_1920: binary('Image'),
  qty_available: float('Quantity On Hand', { compute: onHand }),
  virtual_available: float('Forecasted Quantity', {
    compute: (env, row) => onHand(env, row) - outgoing(env, row),
  }),
  free_qty: float('Free To Use Quantity ', { compute: onHand }),
  incoming_qty: float('Incoming', { compute: () => 0 }),
  outgoing_qty: float('Outgoing', { compute: outgoing }),
};

export const PRODUCT_MODELS: ModelDef[] = [
  {
    name: 'product.template',
    description: 'Product',
    order: 'is_favorite desc, name, id',
    table: 'product',
    displayName: productDisplayName,
    writeGroup: 'Inventory/Administrator',
    fields: {
      ...templateFields,
      is_favorite: boolean('Favorite'),
      product_variant_ids: one2many('product.product', 'product_tmpl_id', 'Products'),
      product_variant_id: many2one('product.product', 'Product', { compute: (_e, r) => r.id }),
      product_variant_count: integer('# Product Variants', { compute: () => 1 }),
    },
  },
  {
    name: 'product.product',
    description: 'Product Variant',
    order: 'is_favorite desc, default_code, name, id',
    table: 'product',
    displayName: productDisplayName,
    writeGroup: 'Inventory/Administrator',
    fields: {
      ...templateFields,
      is_favorite: boolean('Favorite'),
      product_tmpl_id: many2one('product.template', 'Product Template', { compute: (_e, r) => r.id }),
      lst_price: float('Sales Price', { compute: (_e, r) => Number(r['list_price'] ?? 0) }),
      code: char('Reference', { compute: (_e, r) => r['default_code'] ?? false }),
      stock_quant_ids: one2many('stock.quant', 'product_id', 'Stock Quants'),
    },
  },
  {
    name: 'account.tax',
    description: 'Tax',
    order: 'sequence,id',
    fields: {
      name: char('Tax Name', { required: true }),
      description: char('Label on Invoices'),
      amount_type: selection(
        'Tax Computation',
        [
          ['group', 'Group of Taxes'],
          ['fixed', 'Fixed'],
          ['percent', 'Percentage'],
          ['division', 'Percentage Tax Included'],
        ],
        { required: true, default: 'percent' },
      ),
      amount: float('Amount', { required: true }),
      type_tax_use: selection(
        'Tax Type',
        [
          ['sale', 'Sales'],
          ['purchase', 'Purchases'],
          ['none', 'None'],
        ],
        { required: true, default: 'sale' },
      ),
      price_include_override: selection('Included in Price', [
        ['tax_included', 'Tax Included'],
        ['tax_excluded', 'Tax Excluded'],
      ]),
      price_include: boolean('Price Include', {
        compute: (_e, r) => r['price_include_override'] === 'tax_included',
      }),
      sequence: integer('Sequence', { default: 1 }),
      active: boolean('Active', { default: true }),
      company_id: many2one('res.company', 'Company', { required: true, default: () => 1 }),
    },
  },
  {
    name: 'product.pricelist',
    description: 'Pricelist',
    order: 'sequence, id, name',
    fields: {
      name: char('Pricelist Name', { required: true }),
      active: boolean('Active', { default: true }),
      sequence: integer('Sequence', { default: 16 }),
      currency_id: many2one('res.currency', 'Currency', { required: true, default: () => 1 }),
      company_id: many2one('res.company', 'Company'),
      item_ids: one2many('product.pricelist.item', 'pricelist_id', 'Pricelist Rules'),
    },
  },
  {
    name: 'product.pricelist.item',
    description: 'Pricelist Rule',
    order: 'applied_on, min_quantity desc, categ_id desc, id desc',
    recName: 'applied_on',
    fields: {
      pricelist_id: many2one('product.pricelist', 'Pricelist', { required: true, ondelete: 'cascade' }),
      applied_on: selection(
        'Apply On',
        [
          ['3_global', 'All Products'],
          ['2_product_category', 'Product Category'],
          ['1_product', 'Product'],
          ['0_product_variant', 'Product Variant'],
        ],
        { required: true, default: '3_global' },
      ),
      product_tmpl_id: many2one('product.template', 'Product', { ondelete: 'cascade' }),
      product_id: many2one('product.product', 'Variant', { ondelete: 'cascade' }),
      categ_id: many2one('product.category', 'Product Category', { ondelete: 'cascade' }),
      min_quantity: float('Min. Quantity'),
      compute_price: selection(
        'Price Type',
        [
          ['fixed', 'Fixed Price'],
          ['percentage', 'Discount'],
          ['formula', 'Formula'],
        ],
        { required: true, default: 'fixed' },
      ),
      fixed_price: float('Fixed Price'),
      percent_price: float('Percentage Price'),
      date_start: char('Start Date'),
      date_end: char('End Date'),
    },
  },
];
