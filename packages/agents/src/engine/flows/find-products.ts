import type { PromptView } from '../prompt-view.js';
import { rankProducts, type FoundProduct } from '../rank-products.js';
import type { RequestedItem } from '../parse-items.js';
import { data, resultOf } from '../step.js';

export const SEARCH_TOOL = 'odoo_search_products';

/** Where the search for one item stands: a call still to make, or the ranked products (maybe none). */
export type ProductLookup = { call: [string, Record<string, unknown>] } | { products: FoundProduct[] };

/**
 * Looks an item up through `odoo_search_products`: first with all its words, then, when that finds
 * nothing, with its first word only (Odoo's ilike is accent-sensitive; the ranking here is not).
 */
export function lookUpProduct(view: PromptView, item: Pick<RequestedItem, 'words' | 'unit' | 'quantity'>, customerId?: number): ProductLookup {
  const queries = [...new Set([item.words.join(' '), item.words[0]!])];
  for (const query of queries) {
    const found = resultOf(view, SEARCH_TOOL, { query });
    if (!found) return { call: [SEARCH_TOOL, { query, ...(customerId ? { customer_id: customerId } : {}), limit: 20 }] };
    const products = data<{ products: FoundProduct[] }>(found)?.products ?? [];
    if (products.length > 0) return { products: rankProducts(products, item) };
  }
  return { products: [] };
}
