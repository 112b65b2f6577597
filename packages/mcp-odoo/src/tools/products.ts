import { z } from 'zod';
import { CrewError } from '@mcp-crew/core';
import type { OdooDomain, OdooRecord } from '../odoo/odoo-api.js';
import { m2oName, num, plain, text } from '../odoo/values.js';
import { bounded } from './lists.js';
import { customerPricelist, pricesFor } from './pricing.js';
import { rankByName } from './product-relevance.js';
import { defineTool, type ToolContext } from './tool.js';

const PRODUCT_FIELDS = [
  'display_name',
  'name',
  'default_code',
  'barcode',
  'list_price',
  'currency_id',
  'uom_id',
  'qty_available',
  'virtual_available',
  'description_sale',
  'product_tmpl_id',
  'categ_id',
  'is_storable',
  'detailed_type',
  'type',
];

export const productShape = {
  id: z.number().int(),
  name: z.string(),
  default_code: z.string().optional(),
  barcode: z.string().optional(),
  price: z.number().describe('unit price for the customer (their pricelist), before taxes'),
  currency: z.string().optional(),
  pricelist: z.string().optional(),
  uom: z.string().optional(),
  stock_tracked: z.boolean(),
  qty_available: z.number().optional().describe('on hand, when stock is tracked'),
  forecast: z.number().optional().describe('on hand minus reserved plus incoming'),
  description: z.string().optional(),
};
const productSchema = z.object(productShape);
export type Product = z.infer<typeof productSchema>;

async function productFields(ctx: ToolContext): Promise<string[]> {
  return ctx.schema.pick('product.product', PRODUCT_FIELDS);
}

function isTracked(r: OdooRecord): boolean {
  return r['is_storable'] === true || r['detailed_type'] === 'product' || r['type'] === 'product';
}

function toProduct(r: OdooRecord, price: { price: number; pricelist?: string }): Product {
  const tracked = isTracked(r);
  return {
    id: r.id,
    name: String(r['display_name'] ?? r['name'] ?? ''),
    default_code: text(r['default_code']),
    barcode: text(r['barcode']),
    price: price.price,
    currency: m2oName(r['currency_id']),
    pricelist: price.pricelist,
    uom: m2oName(r['uom_id']),
    stock_tracked: tracked,
    qty_available: tracked ? num(r['qty_available']) : undefined,
    forecast: tracked ? num(r['virtual_available']) : undefined,
    description: plain(r['description_sale']),
  };
}

/** Every word must appear in the name, internal reference, barcode or sales description. */
export function productDomain(query: string): OdooDomain {
  const words = query
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 1);
  const groups = words.flatMap(
    (w) =>
      [
        '|',
        '|',
        '|',
        ['name', 'ilike', w],
        ['default_code', 'ilike', w],
        ['barcode', '=', w],
        ['description_sale', 'ilike', w],
      ] as OdooDomain,
  );
  // n word groups plus the sale_ok leaf are n + 1 terms: n prefix ANDs.
  return [...Array<string>(words.length).fill('&'), ['sale_ok', '=', true], ...groups];
}

/** Rows read per search before ranking (the tool's own limit is at most 50). */
const SEARCH_WINDOW = 80;

/** Sellable products named exactly as the query, or with it as internal reference (case-insensitive). */
function exactProductDomain(query: string): OdooDomain {
  const q = query.trim();
  return ['&', ['sale_ok', '=', true], '|', ['name', '=ilike', q], ['default_code', '=ilike', q]];
}

export async function loadProducts(ctx: ToolContext, ids: number[], customerId?: number): Promise<Product[]> {
  const pricelist = customerId === undefined ? undefined : customerPricelist(ctx, customerId);
  pricelist?.catch(() => undefined); // awaited below; keeps an early product failure from leaving it unhandled
  const rows = await ctx.api.read('product.product', ids, await productFields(ctx));
  const prices = await pricesFor(ctx, rows, pricelist);
  return rows.map((r) => toProduct(r, prices.get(r.id) ?? { price: num(r['list_price']) }));
}

export const searchProducts = defineTool({
  name: 'odoo_search_products',
  title: 'Search products',
  description:
    "Sellable products matching every word (name, reference, barcode, description): unit price (the customer's pricelist when given) and stock.",
  kind: 'read',
  input: {
    query: z.string().min(2),
    customer_id: z.number().int().positive().optional().describe("prices follow this customer's pricelist"),
    in_stock_only: z.boolean().default(false),
    limit: z.number().int().min(1).max(50).default(10),
  },
  output: {
    products: z.array(productSchema),
    count: z.number().int(),
    truncated: z.boolean(),
    hint: z.string().optional(),
  },
  async run({ query, customer_id, in_stock_only, limit }, ctx) {
    const domain = productDomain(query);
    if (in_stock_only) domain.unshift('&', ['qty_available', '>', 0]);
    const pricelist = customer_id === undefined ? undefined : customerPricelist(ctx, customer_id);
    pricelist?.catch(() => undefined); // awaited below; keeps an early search failure from leaving it unhandled
    const fields = await productFields(ctx);
    // Odoo orders by name, so a wider window is read and ranked here: the product named exactly as asked
    // comes first ("Office Chair" before "Chair floor protection"). A full window may hide that product:
    // then it is looked up by exact name as well. One row more than asked tells whether there are more.
    const window = Math.min(SEARCH_WINDOW, Math.max(limit + 1, 40));
    let rows = await ctx.api.searchRead('product.product', domain, {
      fields,
      limit: window,
      order: 'name asc',
    });
    if (rows.length === window) {
      const exact = await ctx.api.searchRead('product.product', exactProductDomain(query), {
        fields,
        limit: 5,
        order: 'name asc',
      });
      rows = [...exact, ...rows.filter((r) => !exact.some((e) => e.id === r.id))];
    }
    rows = rankByName(rows, query);
    const shown = rows.slice(0, limit);
    const [prices, count] = await Promise.all([
      pricesFor(ctx, shown, pricelist),
      rows.length > limit ? ctx.api.searchCount('product.product', domain) : rows.length,
    ]);
    const list = bounded(
      shown.map((r) => toProduct(r, prices.get(r.id) ?? { price: num(r['list_price']) })),
      count,
      limit,
      'add words (colour, size) to narrow it',
    );
    const text =
      list.items.length === 0
        ? `No product matches "${query}".`
        : [...list.items.map(describeProduct), list.hint].filter(Boolean).join('\n');
    return {
      result: { products: list.items, count: list.count, truncated: list.truncated, hint: list.hint },
      text,
    };
  },
});

export const getProduct = defineTool({
  name: 'odoo_get_product',
  title: 'Get a product',
  description: "One product by id: name, reference, the customer's price, stock and description.",
  kind: 'read',
  input: { product_id: z.number().int().positive(), customer_id: z.number().int().positive().optional() },
  output: productShape,
  async run({ product_id, customer_id }, ctx) {
    const [product] = await loadProducts(ctx, [product_id], customer_id);
    if (!product)
      throw new CrewError('ODOO_MISSING_RECORD', `product ${product_id} does not exist`, {
        domain: 'odoo',
        category: 'user',
      });
    // One product's details: its description belongs in the text a model reads, not only in the result.
    const text = product.description
      ? `${describeProduct(product)}\n${product.description}`
      : describeProduct(product);
    return { result: product, text };
  },
});

export const checkStock = defineTool({
  name: 'odoo_check_stock',
  title: 'Check stock for a quantity',
  description: 'Whether a quantity of a product is on hand now, or only by forecast.',
  kind: 'read',
  input: { product_id: z.number().int().positive(), quantity: z.number().positive() },
  output: {
    product_id: z.number().int(),
    name: z.string(),
    quantity: z.number(),
    stock_tracked: z.boolean(),
    qty_available: z.number().optional(),
    forecast: z.number().optional(),
    available_now: z.boolean(),
    available_by_forecast: z.boolean(),
  },
  async run({ product_id, quantity }, ctx) {
    const [product] = await loadProducts(ctx, [product_id]);
    if (!product)
      throw new CrewError('ODOO_MISSING_RECORD', `product ${product_id} does not exist`, {
        domain: 'odoo',
        category: 'user',
      });
    const now = !product.stock_tracked || (product.qty_available ?? 0) >= quantity;
    const later = !product.stock_tracked || (product.forecast ?? 0) >= quantity;
    const result = {
      product_id,
      name: product.name,
      quantity,
      stock_tracked: product.stock_tracked,
      qty_available: product.qty_available,
      forecast: product.forecast,
      available_now: now,
      available_by_forecast: later,
    };
    const text = !product.stock_tracked
      ? `${product.name}: stock is not tracked for this product.`
      : `${product.name}: ${product.qty_available} on hand, ${product.forecast} forecast; ${quantity} ${now ? 'available now' : later ? 'not on hand now, available by forecast' : 'NOT available'}.`;
    return { result, text };
  },
});

export function describeProduct(p: Product): string {
  // Odoo's display_name already starts with "[CODE]" when the product has a reference.
  const code = p.default_code && !p.name.includes(`[${p.default_code}]`) ? ` [${p.default_code}]` : '';
  const stock = p.stock_tracked ? `${p.qty_available} on hand, ${p.forecast} forecast` : 'stock not tracked';
  return `#${p.id} ${p.name}${code}: ${p.price} ${p.currency ?? ''}/${p.uom ?? 'unit'} before taxes${p.pricelist ? ` (${p.pricelist})` : ''}; ${stock}`;
}
