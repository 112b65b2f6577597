import { tokenize } from '@mcp-crew/core';
import { money, quantity } from '../format.js';
import { LEXICON, squeeze } from '../lexicon.js';
import { parseItems, singular, UNITS } from '../parse-items.js';
import { call, failedCall, say, type FlowInput, type StepOutput } from '../step.js';
import { textsFor } from '../texts.js';
import { lookUpProduct } from './find-products.js';

// The packaging words are the item parser's ("cubeta", "caneca", "galões"…): one list for both.
const UNIT_WORDS = UNITS;
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
  'todo',
  'total',
  'got',
  'any',
  'in',
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
  'necesitamos',
  'ocupo',
  'hoy',
  'manana',
  'ya',
  'semana',
  'lunes',
  'martes',
  'miercoles',
  'jueves',
  'viernes',
  'sabado',
  'domingo',
  'urgente',
  'today',
  'tomorrow',
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

/** The words of a product question that name a product ("¿tienen laca negra?" → laca, negra); none in "vale". */
export function searchWords(text: string): string[] {
  const tokens = tokenize(text);
  return (
    tokens
      // "holiii", "buenaas": stretched greetings are noise too; a number is a quantity unless it sizes the
      // product ("la brocha de 3 pulgadas", "3 inch brush", "vinilo tipo 1").
      .filter(
        (w, i) =>
          !NOISE.has(w) &&
          !NOISE.has(squeeze(w)) &&
          !NOISE.has(singular(w)) &&
          !UNIT_WORDS[w] &&
          (!/^\d+$/.test(w) ||
            SIZES_A_NUMBER.has(tokens[i + 1] ?? '') ||
            NAMES_A_NUMBER.has(tokens[i - 1] ?? '')),
      )
      .map(singular)
  );
}

const SIZES_A_NUMBER = new Set(['inch', 'inches', 'in', 'pulgada', 'pulgadas', 'polegada', 'polegadas']);
const NAMES_A_NUMBER = new Set(['tipo', 'type', 'grano', 'numero']);

/** "¿Tienen esmalte blanco?", "¿cuánto cuesta…?", "¿hay stock de…?": products with price and stock from Odoo. */
export function searchFlow({ view, language }: FlowInput): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  const t = textsFor(language);
  const tokens = tokenize(view.text);
  const unit = tokens.map((w) => UNIT_WORDS[w]).find(Boolean);
  const words = searchWords(view.text);
  if (words.length === 0) return say(t.noProduct(view.text.trim()));
  // "¿Tienen 20 galones de…?": how many were asked for, to say when there are fewer.
  const wanted = parseItems(view.text)[0]?.quantity ?? 1;
  const lookup = lookUpProduct(view, { words, unit, quantity: wanted }, view.context?.partner?.id);
  if ('calls' in lookup) return call(view, lookup.calls);
  if (lookup.products.length === 0) return say(t.noProduct(words.join(' ')));
  const best = lookup.products[0]!;
  const short =
    wanted > 1 && best.stock_tracked && (best.qty_available ?? 0) < wanted
      ? t.notEnough(best.name, quantity(best.qty_available ?? 0, language), quantity(wanted, language))
      : undefined;
  const lines = lookup.products.slice(0, 5).map((p) => {
    const stock = !p.stock_tracked
      ? ''
      : (p.qty_available ?? 0) > 0
        ? `, ${t.inStock(quantity(p.qty_available ?? 0, language))}`
        : `, ${t.outOfStock}`;
    return `• ${p.name}: ${money(p.price, language, p.currency)} ${t.beforeTax}${stock}`;
  });
  return say([...(short ? [short, ''] : []), t.found, ...lines].join('\n'));
}
