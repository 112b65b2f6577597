import { search } from '../orm/search.js';
import type { Env, Row } from '../orm/types.js';

/**
 * The unit price of a product on a pricelist for a quantity, like Odoo's `_get_product_price`:
 * the first matching rule in the rules' order (variant, product, category, global; larger minimum
 * quantity first) gives a fixed price or a percentage off the list price; no rule, the list price.
 */
export function pricelistPrice(env: Env, pricelistId: number | false, product: Row, qty: number): number {
  const listPrice = Number(product['list_price'] ?? 0);
  if (typeof pricelistId !== 'number') return listPrice;
  const today = env.db.now().toISOString().slice(0, 10);
  const rules = search(env, 'product.pricelist.item', [['pricelist_id', '=', pricelistId]]);
  for (const rule of rules) {
    if (Number(rule['min_quantity'] ?? 0) > qty) continue;
    if (typeof rule['date_start'] === 'string' && rule['date_start'] > today) continue;
    if (typeof rule['date_end'] === 'string' && rule['date_end'] < today) continue;
    const appliesTo = rule['applied_on'];
    if (appliesTo === '0_product_variant' && rule['product_id'] !== product.id) continue;
    if (appliesTo === '1_product' && rule['product_tmpl_id'] !== product.id) continue;
    if (appliesTo === '2_product_category' && !inCategory(env, product['categ_id'], rule['categ_id']))
      continue;
    if (rule['compute_price'] === 'fixed') return Number(rule['fixed_price'] ?? 0);
    if (rule['compute_price'] === 'percentage')
      return round2(listPrice * (1 - Number(rule['percent_price'] ?? 0) / 100));
    return listPrice;
  }
  return listPrice;
}

function inCategory(env: Env, categ: unknown, wanted: unknown): boolean {
  let id = categ;
  while (typeof id === 'number') {
    if (id === wanted) return true;
    id = env.db.row('product.category', id)?.['parent_id'];
  }
  return false;
}

/** Rounds to the company currency's 0.01, half away from zero like Odoo's float_round. */
export function round2(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9)) / 100;
}

export interface LineAmounts {
  subtotal: number;
  tax: number;
  total: number;
}

/**
 * Line totals with percentage taxes, price-included or not per tax (Colombia's 19% IVA is usually
 * excluded from list prices; an included tax is taken out of the price first). Rounded per line.
 */
export function lineAmounts(env: Env, line: Row): LineAmounts {
  const qty = Number(line['product_uom_qty'] ?? 0);
  const unit = Number(line['price_unit'] ?? 0) * (1 - Number(line['discount'] ?? 0) / 100);
  const base = unit * qty;
  let included = 0;
  let excluded = 0;
  for (const id of (line['tax_id'] as number[] | undefined) ?? []) {
    const tax = env.db.row('account.tax', id);
    if (!tax || tax['amount_type'] !== 'percent') continue;
    if (tax['price_include_override'] === 'tax_included') included += Number(tax['amount']);
    else excluded += Number(tax['amount']);
  }
  const subtotal = round2(base / (1 + included / 100));
  const total = included
    ? round2(base * (1 + excluded / (100 + included)))
    : round2(subtotal * (1 + excluded / 100));
  return { subtotal, tax: round2(total - subtotal), total };
}
