import { foldText } from '@mcp-crew/core';
import { COLOURS, packagingOf, type RequestedItem } from './parse-items.js';

/** The fields of an `odoo_search_products` result the engine reads. */
export interface FoundProduct {
  id: number;
  name: string;
  price: number;
  currency?: string;
  uom?: string;
  stock_tracked: boolean;
  qty_available?: number;
}

/** A display name without its `[CODE]` and its variant attributes: "[FURN_0096] Customizable Desk (Steel, White)" → "customizable desk". */
function baseName(name: string): string {
  return foldText(name.replace(/^\[[^\]]*\]\s*/, '').replace(/\s*\([^)]*\)\s*$/, '')).trim();
}

/** A name's words, without the `[CODE]` prefix Odoo puts in display names. */
function words(name: string): string[] {
  return foldText(name.replace(/^\[[^\]]*\]\s*/, ''))
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * Orders search results by how well they fit the request: the product's first word is the noun the
 * customer used, every requested word is in the name, the packaging matches, few extra words, and the
 * quantity is in stock. Ties keep Odoo's order, so the choice is deterministic.
 */
export function rankProducts(
  products: FoundProduct[],
  item: Pick<RequestedItem, 'words' | 'unit' | 'size' | 'quantity'>,
): FoundProduct[] {
  const scored = products.map((product, index) => ({ product, index, score: score(product, item) }));
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.product);
}

/**
 * The products of different kinds that fit the request equally well, when there are several ("3 galones de pintura blanca":
 * Vinilo Tipo 1, Vinilo Tipo 2, Esmalte…, all white gallons): the customer is asked which, never guessed for.
 * Empty when the best fit is alone.
 */
export function equallyGood(
  products: FoundProduct[],
  item: Pick<RequestedItem, 'words' | 'unit' | 'size' | 'quantity'>,
): FoundProduct[] {
  const scored = products.map((product) => ({ product, score: score(product, item) }));
  const best = Math.max(...scored.map((s) => s.score));
  const tied = scored.filter((s) => s.score === best).map((s) => s.product);
  // Products of one kind ("Rodillo de Felpa", "Rodillo de Espuma") for a request naming that kind: the
  // first is offered, and the summary shows which; different kinds ("Vinilo…", "Esmalte…"), or a request
  // naming no kind at all ("pintura blanca"), are asked about.
  const kinds = new Set(tied.map((p) => words(p.name)[0] ?? ''));
  const named = [...kinds].some((k) =>
    item.words.some((w) => k.length >= 4 && foldText(w).slice(0, 4) === k.slice(0, 4)),
  );
  // Variants of one product ("Customizable Desk (Steel, White)", "(Steel, Black)") differ only in the
  // attributes Odoo puts in parentheses: which one is the customer's choice too.
  const bases = new Set(tied.map((p) => baseName(p.name)));
  const variants = bases.size === 1 && tied.some((p) => p.name.includes('('));
  return tied.length > 1 && (kinds.size > 1 || !named || variants) ? tied : [];
}

// Packagings from small to large; a product sold otherwise (a bottle, a brush) counts as the smallest.
const PACKAGING_RANK: Record<string, number> = { '': 0, cuarto: 1, galon: 2, cunete: 3 };

function score(
  product: FoundProduct,
  item: Pick<RequestedItem, 'words' | 'unit' | 'size' | 'quantity'>,
): number {
  const name = words(product.name);
  const wanted = item.words.map((w) => foldText(w));
  const matched = wanted.filter((w) => name.some((n) => n.startsWith(w) || w.startsWith(n))).length;
  let value = matched * 10 - (name.length - matched);
  if (name[0] && wanted[0] && (name[0].startsWith(wanted[0]) || wanted[0].startsWith(name[0]))) value += 20;
  const quarter = name.includes('1/4');
  if (item.unit === 'galon') value += name.includes('galon') && !quarter ? 8 : -8;
  if (item.unit === 'cuarto') value += quarter ? 8 : -8;
  if (item.unit === 'cunete') value += name.includes('cunete') ? 8 : -8;
  if (item.size && !item.unit)
    value += (item.size === 'largest' ? 4 : -4) * (PACKAGING_RANK[packagingOf(product.name) ?? ''] ?? 0);
  if (product.stock_tracked && (product.qty_available ?? 0) < item.quantity) value -= 3;
  return value;
}

// Words that describe any product (or its packaging) rather than pick one: they need not be in the name.
const GENERIC = new Set([
  // Where it goes: the names do not say it.
  'exterior',
  'exteriores',
  'interior',
  'interiores',
  'outdoor',
  'indoor',
  'pintura',
  'paint',
  'tinta',
  'producto',
  'product',
  'pulgada',
  'pulgadas',
  'inch',
  'inches',
  'polegada',
  'color',
  'colour',
  'tipo',
  'type',
  'de',
  'para',
  'referencia',
  'ref',
  'marca',
  'galon',
  'cuarto',
  'cunete',
  'techo',
  'muro',
  'pared',
  'madera',
  'metal',
  'piso',
]);

/** Whether the product's name (or code) holds every distinctive word asked for, by its first four letters. */
export function namesAll(product: FoundProduct, asked: string[]): boolean {
  const name = [
    ...words(product.name),
    ...foldText(product.name)
      .replace(/[^a-z0-9]+/g, ' ')
      .split(' '),
  ];
  // "White primer": a colour asked of a product sold in one colour, which its name does not state.
  const coloured = name.some((n) => COLOURS.has(n));
  return asked
    .map((w) => foldText(w))
    .filter((w) => !GENERIC.has(w) && w.length > 0 && (coloured || !COLOURS.has(w)))
    .every((w) =>
      name.some((n) =>
        w.length < 4 || n.length < 4
          ? n === w || n.startsWith(w)
          : n.slice(0, 4) === respelled(w).slice(0, 4) || n.slice(0, 4) === w.slice(0, 4),
      ),
    );
}

function respelled(word: string): string {
  return word.replace(/n(?=[pb])/g, 'm').replace(/b/g, 'v');
}
