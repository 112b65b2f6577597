import { boolean, char, float, many2one, selection } from '../orm/fields.js';
import type { Env, ModelDef, Row } from '../orm/types.js';

function locationName(env: Env, row: Row): string {
  const own = String(row['name'] ?? '');
  const parent =
    typeof row['location_id'] === 'number' ? env.db.row('stock.location', row['location_id']) : undefined;
  // Odoo's rule: a view location is named on its own; any other one after its parent ("WH/Stock").
  return parent && row['usage'] !== 'view' ? `${locationName(env, parent)}/${own}` : own;
}

/** Minimal stock: locations and quants; on-hand and forecast quantities are computed on products. */
export const STOCK_MODELS: ModelDef[] = [
  {
    name: 'stock.location',
    description: 'Inventory Locations',
    order: 'complete_name, id',
    parentField: 'location_id',
    displayName: locationName,
    fields: {
      name: char('Location Name', { required: true }),
      complete_name: char('Full Location Name', { compute: locationName }),
      location_id: many2one('stock.location', 'Parent Location', { ondelete: 'cascade' }),
      usage: selection(
        'Location Type',
        [
          ['supplier', 'Vendor'],
          ['view', 'Virtual'],
          ['internal', 'Internal'],
          ['customer', 'Customer'],
          ['inventory', 'Inventory Loss'],
          ['production', 'Production'],
          ['transit', 'Transit'],
        ],
        { required: true, default: 'internal' },
      ),
      active: boolean('Active', { default: true }),
      barcode: char('Barcode'),
      company_id: many2one('res.company', 'Company'),
    },
  },
  {
    name: 'stock.quant',
    description: 'Quants',
    order: 'id',
    writeGroup: 'Inventory/Administrator',
    displayName: (env, row) => {
      const loc = env.db.row('stock.location', row['location_id'] as number);
      return loc ? locationName(env, loc) : '';
    },
    fields: {
      product_id: many2one('product.product', 'Product', { required: true, ondelete: 'restrict' }),
      product_tmpl_id: many2one('product.template', 'Product Template', {
        compute: (_e, r) => r['product_id'] ?? false,
      }),
      location_id: many2one('stock.location', 'Location', { required: true, ondelete: 'restrict' }),
      quantity: float('Quantity', { readonly: true }),
      reserved_quantity: float('Reserved Quantity', { readonly: true }),
      available_quantity: float('Available Quantity', {
        compute: (_e, r) => Number(r['quantity'] ?? 0) - Number(r['reserved_quantity'] ?? 0),
      }),
      inventory_quantity: float('Counted Quantity'),
      product_uom_id: many2one('uom.uom', 'Unit', {
        compute: (env, r) => env.db.row('product.product', r['product_id'] as number)?.['uom_id'] ?? false,
      }),
      in_date: char('Incoming Date'),
      company_id: many2one('res.company', 'Company', { compute: () => 1 }),
    },
  },
];
