import type { PromptView } from '../prompt-view.js';
import type { AgentToolCall } from '../step.js';
import { namesAll, rankProducts, type FoundProduct } from '../rank-products.js';
import type { RequestedItem } from '../parse-items.js';
import { catalogueWords } from '../catalogue-words.js';
import { data, resultOf } from '../step.js';

export const SEARCH_TOOL = 'odoo_search_products';

/** Where the search for one item stands: a call still to make, or the ranked products (maybe none). */
export type ProductLookup = { call: AgentToolCall } | { products: FoundProduct[] };

/**
 * Looks an item up through `odoo_search_products`: first with all its words, then, when that finds
 * nothing, with its first word only (Odoo's ilike is accent-sensitive; the ranking here is not).
 */
export function lookUpProduct(
  view: PromptView,
  asked: Pick<RequestedItem, 'words' | 'unit' | 'quantity'>,
  customerId?: number,
): ProductLookup {
  // "black enamel", "tinta vinílica branca": searched with the catalogue's own words.
  const item = { ...asked, words: catalogueWords(asked.words) };
  const first = item.words[0]!;
  // Then the first word's stem as typed, and as commonly misspelt ("inpermeabilisante", "anticorrosibo").
  const stems = first.length >= 6 ? [first.slice(0, 5), respell(first).slice(0, 5)] : [];
  const queries = [...new Set([item.words.join(' '), first, ...stems])];
  for (const query of queries) {
    const found = resultOf(view, SEARCH_TOOL, { query });
    if (!found)
      return {
        call: [SEARCH_TOOL, { query, ...(customerId ? { customer_id: customerId } : {}), limit: 20 }],
      };
    // Only products that carry every distinctive word asked for: an unknown product is not answered with others.
    const products = (data(found)?.products ?? []).filter((p) => namesAll(p, item.words));
    if (products.length > 0) return { products: rankProducts(products, item) };
  }
  return { products: [] };
}

/** Spanish spelling slips: "np"/"nb" for "mp"/"mb", "v" and "b" swapped. */
function respell(word: string): string {
  return word.replace(/n(?=[pb])/g, 'm').replace(/b/g, 'v');
}
