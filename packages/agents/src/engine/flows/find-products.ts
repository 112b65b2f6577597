import { foldText } from '@mcp-crew/core';
import type { PromptView } from '../prompt-view.js';
import type { AgentToolCall } from '../step.js';
import { namesAll, rankProducts, type FoundProduct } from '../rank-products.js';
import { packagingOf, UNITS, type RequestedItem } from '../parse-items.js';
import { catalogueWords } from '../catalogue-words.js';
import { data, resultOf } from '../step.js';

export const SEARCH_TOOL = 'odoo_search_products';
const KNOWLEDGE_TOOL = 'search_knowledge';

type Item = Pick<RequestedItem, 'words' | 'unit' | 'size' | 'quantity'>;

/** Where the search for one item stands: a call still to make, or the ranked products (maybe none). */
export type ProductLookup = { calls: AgentToolCall[] } | { products: FoundProduct[] };

/**
 * Looks an item up through `odoo_search_products`: first with all its words, then, when that finds
 * nothing, with its first word only (Odoo's ilike is accent-sensitive; the ranking here is not). When Odoo
 * knows no such name ("tiner", "cinta de carrocero", "black enamel"), the business's product collection,
 * which lists how customers also call each product, names it, and Odoo is searched again by that name.
 */
export function lookUpProduct(view: PromptView, asked: Item, customerId?: number): ProductLookup {
  // "black enamel", "tinta vinílica branca": searched in Odoo with the catalogue's own words.
  const item = { ...asked, words: catalogueWords(asked.words) };
  if (item.words.length === 0) return byCatalogueName(view, asked, customerId);
  const customer = customerId ? { customer_id: customerId } : {};
  const search = (query: string): AgentToolCall => [SEARCH_TOOL, { query, ...customer, limit: 20 }];
  // Only products that carry every distinctive word asked for: an unknown product is not answered with others.
  const matching = (query: string) => {
    const found = resultOf(view, SEARCH_TOOL, { query });
    return found ? (data(found)?.products ?? []).filter((p) => namesAll(p, item.words)) : undefined;
  };
  const full = item.words.join(' ');
  const exact = matching(full);
  if (!exact) return { calls: [search(full)] };
  if (exact.length > 0) return { products: rankProducts(exact, item) };
  // Then, all at once: the first word, its stem as typed and as commonly misspelt ("inpermeabilisante",
  // "anticorrosibo"), and the catalogue knowledge (for words Odoo does not know at all).
  const first = item.words[0]!;
  const stems = first.length >= 6 ? [first.slice(0, 5), respell(first).slice(0, 5)] : [];
  const fallbacks = [...new Set([first, ...stems])].filter((q) => q !== full);
  const calls = fallbacks.filter((q) => !resultOf(view, SEARCH_TOOL, { query: q })).map(search);
  // The collection lists how customers call each product, in their words: searched with what they wrote.
  const known = knowledgeCall(view, asked.words.join(' '));
  if (calls.length > 0 || known) return { calls: [...calls, ...(known ? [known] : [])] };
  for (const query of fallbacks) {
    const products = matching(query) ?? [];
    if (products.length > 0) return { products: rankProducts(products, item) };
  }
  return byCatalogueName(view, asked, customerId);
}

/** The product-collection search for the item's words, unless done or unavailable. */
function knowledgeCall(view: PromptView, query: string): AgentToolCall | undefined {
  if (!view.tools.has(KNOWLEDGE_TOOL) || resultOf(view, KNOWLEDGE_TOOL, { collection: 'products', query }))
    return undefined;
  return [KNOWLEDGE_TOOL, { collection: 'products', query, topK: 5 }];
}

/** The product the business's catalogue knowledge names for words Odoo does not know, searched in Odoo by its name. */
function byCatalogueName(view: PromptView, item: Item, customerId?: number): ProductLookup {
  const query = item.words.join(' ');
  if (!view.tools.has(KNOWLEDGE_TOOL)) return { products: [] };
  const found = resultOf(view, KNOWLEDGE_TOOL, { collection: 'products', query });
  if (!found) return { calls: [knowledgeCall(view, query)!] };
  const hits = data(found)?.results ?? [];
  // The entry must mention every word asked for (in its name or in how customers also call it).
  const covering = hits.filter((h) => h.title && covers(`${h.title}\n${h.text}`, item.words));
  // Of those, the one in the size asked for ("2 galões de verniz": the gallon, not the quarter of another colour).
  const hit = covering.find((h) => item.unit && packagingOf(h.title!) === item.unit) ?? covering[0];
  if (!hit?.title) return { products: [] };
  const name = familyName(hit.title);
  if (!name) return { products: [] };
  const again = resultOf(view, SEARCH_TOOL, { query: name });
  if (!again)
    return {
      calls: [[SEARCH_TOOL, { query: name, ...(customerId ? { customer_id: customerId } : {}), limit: 20 }]],
    };
  const words = tokens(hit.title).filter((w) => !UNITS[w] && !/\d/.test(w));
  const products = (data(again)?.products ?? []).filter((p) => namesAll(p, words));
  return { products: rankProducts(products, { ...item, words }) };
}

function tokens(text: string): string[] {
  return foldText(text)
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

// Words of a catalogue name that give its size, not its kind: "Vinilo Tipo 1 Blanco Galón" → "Vinilo Tipo 1 Blanco".
const SIZE =
  /\s*(?:\b1\/4 de gal[oó]n|\bcu[nñ]ete(?: \d+ galones)?|\bgal[oó]n(?:es)?|\bbotella [\d.,]+ ?ml|\b\d+(?:[.,]\d+)? ?(?:ml|l|lt|kg|g)\b)\s*/giu;

function familyName(title: string): string {
  return title.replace(SIZE, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether the text holds every distinctive word, by its first four letters or as respelt. */
function covers(text: string, asked: string[]): boolean {
  const have = tokens(text);
  return asked
    .filter((w) => w.length >= 3 && !/^\d+$/.test(w))
    .every((w) =>
      have.some((h) =>
        w.length < 4 || h.length < 4
          ? h === w
          : // Five letters when both have them: "tinte" (a stain) is not "tinta" (paint).
            h.slice(0, 5) === w.slice(0, 5) ||
            // A short word only with a plural-like ending: "lija"/"lijas", not "wall"/"wallpaper".
            ((w.length < 5 || h.length < 5) &&
              h.slice(0, 4) === w.slice(0, 4) &&
              Math.abs(h.length - w.length) <= 2) ||
            sound(h) === sound(w),
      ),
    );
}

/** A spelling-blind key: silent h, doubled letters, b/v, s/z/soft c, y/ll. */
function sound(word: string): string {
  return word
    .replace(/(?<!c)h/g, '')
    .replace(/ll/g, 'y')
    .replace(/v/g, 'b')
    .replace(/z|c(?=[ei])/g, 's')
    .replace(/(.)\1+/g, '$1');
}

/** Spanish spelling slips: "np"/"nb" for "mp"/"mb", "v" and "b" swapped. */
function respell(word: string): string {
  return word.replace(/n(?=[pb])/g, 'm').replace(/b/g, 'v');
}
