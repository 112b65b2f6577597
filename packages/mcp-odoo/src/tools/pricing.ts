import type { OdooRecord } from '../odoo/odoo-api.js';
import { m2oId, m2oName, num } from '../odoo/values.js';
import type { ToolContext } from './tool.js';

const SPECIFICITY = ['0_product_variant', '1_product', '2_product_category', '3_global'];
const RULE_FIELDS = [
  'applied_on',
  'product_id',
  'product_tmpl_id',
  'categ_id',
  'compute_price',
  'fixed_price',
  'percent_price',
  'price_discount',
  'price_surcharge',
  'base',
  'min_quantity',
];

export interface PriceQuote {
  price: number;
  pricelist?: string;
}

/**
 * Unit prices for a customer's pricelist. Odoo's own price computation is private over the external API,
 * so the common rules are applied here from `product.pricelist.item`: fixed price, percentage, and
 * formula on the list price (discount + surcharge), most specific rule first, honouring min quantity.
 * Other bases (cost, another pricelist) fall back to the list price; the quotation's figures always come
 * from Odoo itself.
 */
export async function pricesFor(
  ctx: ToolContext,
  products: OdooRecord[],
  customer?: number | Promise<CustomerPricelist | undefined>,
  quantity = 1,
): Promise<Map<number, PriceQuote>> {
  const quotes = new Map(products.map((p) => [p.id, { price: num(p['list_price']) } as PriceQuote]));
  if (customer === undefined) return quotes;
  const found = typeof customer === 'number' ? await customerPricelist(ctx, customer) : await customer;
  if (found === undefined || products.length === 0) return quotes;
  const { id: pricelistId, name: pricelist } = found;
  const ids = (key: string) => [
    ...new Set(products.map((p) => m2oId(p[key])).filter((v): v is number => v !== undefined)),
  ];
  const items = await ctx.api.searchRead(
    'product.pricelist.item',
    [
      ['pricelist_id', '=', pricelistId],
      '|',
      '|',
      '|',
      ['product_id', 'in', products.map((p) => p.id)],
      ['product_tmpl_id', 'in', ids('product_tmpl_id')],
      ['categ_id', 'in', ids('categ_id')],
      ['applied_on', '=', '3_global'],
    ],
    // Asking for a field this Odoo lacks is a fault: read only the rule fields it has (formula fields vary).
    { fields: await ctx.schema.pick('product.pricelist.item', RULE_FIELDS) },
  );
  for (const product of products) {
    const rule = items
      .filter((item) => applies(item, product) && num(item['min_quantity']) <= quantity)
      .sort(
        (a, b) => SPECIFICITY.indexOf(String(a['applied_on'])) - SPECIFICITY.indexOf(String(b['applied_on'])),
      )[0];
    if (rule) quotes.set(product.id, { price: apply(rule, num(product['list_price'])), pricelist });
  }
  return quotes;
}

export interface CustomerPricelist {
  id: number;
  name?: string;
}

/**
 * The customer's pricelist (one read). Callers may start it alongside the product search, since it
 * does not depend on it: one round trip less.
 */
export async function customerPricelist(
  ctx: ToolContext,
  customerId: number,
): Promise<CustomerPricelist | undefined> {
  const [partner] = await ctx.api.read('res.partner', [customerId], ['property_product_pricelist']);
  const id = m2oId(partner?.['property_product_pricelist']);
  return id === undefined ? undefined : { id, name: m2oName(partner?.['property_product_pricelist']) };
}

function applies(item: OdooRecord, product: OdooRecord): boolean {
  switch (item['applied_on']) {
    case '0_product_variant':
      return m2oId(item['product_id']) === product.id;
    case '1_product':
      return m2oId(item['product_tmpl_id']) === m2oId(product['product_tmpl_id']);
    case '2_product_category':
      return m2oId(item['categ_id']) === m2oId(product['categ_id']);
    default:
      return true;
  }
}

function apply(item: OdooRecord, listPrice: number): number {
  switch (item['compute_price']) {
    case 'fixed':
      return num(item['fixed_price']);
    case 'percentage':
      return round(listPrice * (1 - num(item['percent_price']) / 100));
    case 'formula':
      return item['base'] === 'list_price' || !item['base']
        ? round(listPrice * (1 - num(item['price_discount']) / 100) + num(item['price_surcharge']))
        : listPrice;
    default:
      return listPrice;
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
