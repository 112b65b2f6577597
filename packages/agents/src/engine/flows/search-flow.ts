import { tokenize } from '@mcp-crew/core';
import { money, quantity } from '../format.js';
import { LEXICON, squeeze } from '../lexicon.js';
import { singular } from '../parse-items.js';
import { call, failedCall, say, type FlowInput, type StepOutput } from '../step.js';
import { textsFor } from '../texts.js';
import { lookUpProduct } from './find-products.js';

const UNIT_WORDS: Record<string, 'galon' | 'cuarto' | 'cunete'> = {
  galon: 'galon',
  galones: 'galon',
  galao: 'galon',
  galoes: 'galon',
  gallon: 'galon',
  gallons: 'galon',
  gal: 'galon',
  gl: 'galon',
  quart: 'cuarto',
  quarts: 'cuarto',
  bucket: 'cunete',
  buckets: 'cunete',
  balde: 'cunete',
  cuarto: 'cuarto',
  cunete: 'cunete',
  cunetes: 'cunete',
};
const NOISE = new Set([
  ...LEXICON.product.flatMap((p) => p.split(' ')),
  ...LEXICON.greeting.flatMap((p) => p.split(' ')),
  'de',
  'del',
  'el',
  'la',
  'los',
  'las',
  'un',
  'una',
  'en',
  'para',
  'con',
  'que',
  'me',
  'se',
  'y',
  'o',
  'por',
  'favor',
  'usted',
  'ustedes',
  'quiero',
  'quisiera',
  'necesito',
  'saber',
  'cual',
  'es',
  'esta',
  'algun',
  'alguna',
  'tipo',
  'o',
  'a',
  'do',
  'da',
  'vcs',
  'voces',
  'voce',
  'you',
  'the',
  'of',
  'is',
  'are',
  'any',
  'i',
  'want',
  'need',
  'what',
  'much',
  'how',
  'cost',
  'costs',
  'does',
  'have',
  'cuanta',
  'cuantos',
  'cuantas',
  'hay',
  'precio',
  'color',
  'colores',
  'colors',
  'colours',
  'cores',
  'como',
  'sale',
  'q',
  'k',
  'en',
  // Portuguese and English question words.
  'custa',
  'custam',
  'qual',
  'quais',
  'valor',
  'o',
  'os',
  'um',
  'uma',
  'e',
  'it',
  'your',
  'my',
  'for',
  'please',
  'can',
  'get',
  'do',
  'does',
  'sell',
  'much',
]);

/** "¿Tienen esmalte blanco?", "¿cuánto cuesta…?", "¿hay stock de…?": products with price and stock from Odoo. */
export function searchFlow({ view, language }: FlowInput): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  const t = textsFor(language);
  const tokens = tokenize(view.text);
  const unit = tokens.map((w) => UNIT_WORDS[w]).find(Boolean);
  // "holiii", "buenaas": stretched greetings are noise too.
  const words = tokens
    .filter((w) => !NOISE.has(w) && !NOISE.has(squeeze(w)) && !UNIT_WORDS[w] && !/^\d+$/.test(w))
    .map(singular);
  if (words.length === 0) return say(t.noProduct(view.text.trim()));
  const lookup = lookUpProduct(view, { words, unit, quantity: 1 }, view.context?.partner?.id);
  if ('call' in lookup) return call(view, [lookup.call]);
  if (lookup.products.length === 0) return say(t.noProduct(words.join(' ')));
  const lines = lookup.products.slice(0, 5).map((p) => {
    const stock = !p.stock_tracked
      ? ''
      : (p.qty_available ?? 0) > 0
        ? `, ${t.inStock(quantity(p.qty_available ?? 0, language))}`
        : `, ${t.outOfStock}`;
    return `• ${p.name}: ${money(p.price, language, p.currency)} ${t.beforeTax}${stock}`;
  });
  return say([t.found, ...lines].join('\n'));
}
