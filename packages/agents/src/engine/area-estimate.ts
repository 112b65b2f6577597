import { foldText, type Language } from '@mcp-crew/core';
import { catalogueWords } from './catalogue-words.js';

/** One coverage line of the knowledge: "- Vinilo Tipo 1: 35 a 40 m² por galón a dos manos." */
interface Coverage {
  product: string;
  /** Square metres per gallon, the low and the high figure (the same when one is given). */
  low: number;
  high: number;
  /** What the line says about coats ("a dos manos"), as written. */
  coats: string;
}

const AREA =
  /(\d+(?:[.,]\d+)?)\s*(?:m2|m²|mt2|mts2|metros? cuadrados?|metros? quadrados?|square met(?:er|re)s?|sq\.? ?m|sqm)\b/i;
const SIDES =
  /(\d+(?:[.,]\d+)?)\s*(?:m|mts?|metros?)?\s*(?:x|por|by)\s*(\d+(?:[.,]\d+)?)\s*(?:m|mts?|metros?)\b/i;
const COVERAGE =
  /^[-•*]\s*(.+?):\s*(\d+(?:[.,]\d+)?)(?:\s*(?:a|to)\s*(\d+(?:[.,]\d+)?))?\s*m²\s*(?:por|per)\s*gal(?:ón|on|lon|ão|ao)\b(.*)$/i;
// A bucket (cuñete) holds five gallons: large amounts are said in buckets and gallons.
const BUCKET = 5;

const TEXTS = {
  es: {
    need: (area: string, product: string, rate: string, amount: string) =>
      `Para ${area} de ${product} (rinde ${rate} m² por galón) necesitas unos ${amount}.`,
    gallons: (n: number) => (n === 1 ? '1 galón' : `${n} galones`),
    buckets: (n: number) => (n === 1 ? '1 cuñete' : `${n} cuñetes`),
    and: ' y ',
    big: 'Para un área de ese tamaño, un asesor te ayuda a calcular la cantidad exacta y el mejor precio por volumen.',
  },
  pt: {
    need: (area: string, product: string, rate: string, amount: string) =>
      `Para ${area} de ${product} (rende ${rate} m² por galão) você precisa de uns ${amount}.`,
    gallons: (n: number) => (n === 1 ? '1 galão' : `${n} galões`),
    buckets: (n: number) => (n === 1 ? '1 balde (cuñete)' : `${n} baldes (cuñetes)`),
    and: ' e ',
    big: 'Para uma área desse tamanho, um atendente ajuda a calcular a quantidade exata e o melhor preço por volume.',
  },
  en: {
    need: (area: string, product: string, rate: string, amount: string) =>
      `For ${area} of ${product} (it covers ${rate} m² per gallon) you need about ${amount}.`,
    gallons: (n: number) => (n === 1 ? '1 gallon' : `${n} gallons`),
    buckets: (n: number) => (n === 1 ? '1 bucket (cuñete)' : `${n} buckets (cuñetes)`),
    and: ' and ',
    big: 'For an area that size, an advisor will help you work out the exact amount and the best volume price.',
  },
} satisfies Record<Language, unknown>;

/** The area the customer gives ("40 m2", "40 metros cuadrados", a wall's sides "3 x 4 m") and how they said it. */
export function areaIn(text: string): { value: number; said: string } | undefined {
  const area = AREA.exec(text);
  if (area) return { value: Number(area[1]!.replace(',', '.')), said: `${area[1]} m²` };
  const sides = SIDES.exec(text);
  if (!sides) return undefined;
  const value = Number(sides[1]!.replace(',', '.')) * Number(sides[2]!.replace(',', '.'));
  return { value, said: `${sides[1]} x ${sides[2]} m` };
}

function coverages(knowledge: string): Coverage[] {
  return knowledge.split('\n').flatMap((line) => {
    const m = COVERAGE.exec(line.trim());
    if (!m) return [];
    const low = Number(m[2]!.replace(',', '.'));
    const high = m[3] ? Number(m[3].replace(',', '.')) : low;
    return [{ product: m[1]!.trim(), low, high, coats: m[4]!.replace(/[.\s]+$/, '').trim() }];
  });
}

/**
 * "¿Cuánto vinilo tipo 1 necesito para 40 m² a dos manos?": the gallons for that area from the product's
 * coverage as the knowledge states it (rounded up on the low coverage). Only the product the customer names is
 * estimated; none named, or an area the knowledge has no coverage for, gives nothing. Figures the reply adds are
 * under ten (the rest is in buckets) so every larger figure is the customer's or the knowledge's own.
 */
export function estimateFromArea(
  question: string,
  knowledge: string,
  language: Language,
): string | undefined {
  const area = areaIn(question);
  if (!area || area.value <= 0) return undefined;
  // "latex type 1" is the catalogue's "vinilo tipo 1".
  const asked = ` ${catalogueWords(
    foldText(question)
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  ).join(' ')} `;
  const lines = coverages(knowledge).map((c) => ({
    c,
    words: foldText(c.product)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .split(' '),
  }));
  const has = (w: string) => asked.includes(` ${w} `) || asked.includes(` ${w}s `);
  // The product named in full, else the first of its kind ("vinilo" → Vinilo Tipo 1, as the knowledge lists it).
  const named =
    lines.filter(({ words }) => words.every(has)).sort((a, b) => b.words.length - a.words.length)[0]?.c ??
    lines.find(({ words }) => has(words[0]!))?.c;
  if (!named) return undefined;
  const t = TEXTS[language];
  const gallons = Math.ceil(area.value / named.low - 1e-9);
  const buckets = Math.floor(gallons / BUCKET);
  if (buckets >= 10) return t.big;
  const rest = gallons - buckets * BUCKET;
  const amount =
    buckets === 0
      ? t.gallons(gallons)
      : rest === 0
        ? t.buckets(buckets)
        : `${t.buckets(buckets)}${t.and}${t.gallons(rest)}`;
  const rate =
    named.low === named.high
      ? String(named.low)
      : `${named.low}${language === 'en' ? ' to ' : ' a '}${named.high}`;
  const product = named.coats ? `${named.product} ${named.coats}` : named.product;
  return t.need(area.said, product, rate, amount);
}
