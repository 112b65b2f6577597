import type { Env } from '../orm/types.js';

/** On hand: quants of the product in internal locations (Odoo's `qty_available`). */
export function qtyAvailable(env: Env, productId: number): number {
  let total = 0;
  for (const quant of env.db.table('stock.quant').values()) {
    if (quant['product_id'] !== productId) continue;
    const location = env.db.row('stock.location', quant['location_id'] as number);
    if (location?.['usage'] === 'internal') total += Number(quant['quantity'] ?? 0);
  }
  return total;
}

/** Still to deliver on confirmed orders (the sandbox has no pickings: a confirmed line is an outgoing move). */
export function qtyOutgoing(env: Env, productId: number): number {
  let total = 0;
  for (const line of env.db.table('sale.order.line').values()) {
    if (line['product_id'] !== productId) continue;
    const order = env.db.row('sale.order', line['order_id'] as number);
    if (order?.['state'] === 'sale')
      total += Math.max(0, Number(line['product_uom_qty'] ?? 0) - Number(line['qty_delivered'] ?? 0));
  }
  return total;
}
