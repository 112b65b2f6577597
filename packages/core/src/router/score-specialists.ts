import { KEYWORD_WEIGHTS, type SpecialistKeywords } from '../crew/vocabulary.js';
import { SPECIALIST_KINDS, type SpecialistKind } from '../tenant/tenant.js';
import { tokenize } from './fold-text.js';
import { editDistance, soundKey, stemKey } from './sound-key.js';

/** How strongly a text points at one specialist, and the lexicon terms that said so. */
export interface SpecialistScore {
  score: number;
  evidence: string[];
}

interface WordPattern {
  key: string;
  prefix: boolean;
}

interface Term {
  label: string;
  weight: number;
  specialist: SpecialistKind;
  words: WordPattern[];
}

interface Token {
  key: string;
  stem: string;
}

/** "2 galones de vinilo", "tres rodillos": a quantity right before a product word is an order, whatever else the message asks. */
export const ORDER_WEIGHT = 4;
const ORDER_LABEL = 'quantity + product';
// Quantities in words (es / pt / en). "Un/una" counts only right before the product word ("un galón", not "un problema con la pintura").
const QUANTITY_WORDS = new Set(
  'dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta cuarenta cincuenta cien media docena dois duas quatro sete oito nove dez doze vinte two three four five six seven eight nine ten twelve twenty dozen'.split(
    ' ',
  ),
);
const ONE_WORDS = new Set(['un', 'una', 'uno', 'um', 'uma', 'one', 'a', 'an']);
/** "Compré un galón…", "I bought 2 gallons": a purchase told as past is the story of a problem, not an order. */
export const PAST_PURCHASE_WORDS: ReadonlySet<string> = new Set(
  'compre compramos compraron pedi pedimos comprei compraram bought ordered purchased'.split(' '),
);
// How far after the quantity the product word may come: "2 latas de pintura", "3 cuñetes grandes de vinilo".
const ORDER_REACH = 3;

// Below this key length a one-letter typo too often turns a word into another word (cita/cinta).
const FUZZY_MIN_LENGTH = 7;

function compile(keywords: SpecialistKeywords): Term[] {
  const terms: Term[] = [];
  for (const specialist of SPECIALIST_KINDS) {
    for (const [group, weight] of Object.entries(KEYWORD_WEIGHTS)) {
      for (const label of keywords[specialist]?.[group as keyof typeof KEYWORD_WEIGHTS] ?? []) {
        const words = tokenize(label.replace(/\*$/, '')).map((word, i, all) => {
          const prefix = label.endsWith('*') && i === all.length - 1;
          return { key: prefix ? soundKey(word) : stemKey(soundKey(word)), prefix };
        });
        if (words.length > 0) terms.push({ label, weight, specialist, words });
      }
    }
  }
  return terms;
}

// Keywords are compiled once per vocabulary (a crew's, loaded at startup), not per message.
const COMPILED = new WeakMap<SpecialistKeywords, Term[]>();

function termsOf(keywords: SpecialistKeywords): Term[] {
  let terms = COMPILED.get(keywords);
  if (!terms) {
    terms = compile(keywords);
    COMPILED.set(keywords, terms);
  }
  return terms;
}

function wordMatches(pattern: WordPattern, token: Token): boolean {
  if (pattern.prefix) return token.key.startsWith(pattern.key);
  if (token.stem === pattern.key) return true;
  return (
    pattern.key.length >= FUZZY_MIN_LENGTH &&
    token.stem[0] === pattern.key[0] &&
    editDistance(token.stem, pattern.key, 1) <= 1
  );
}

function matchesAt(term: Term, tokens: Token[], start: number): boolean {
  return term.words.every((word, i) => {
    const token = tokens[start + i];
    return token !== undefined && wordMatches(word, token);
  });
}

/**
 * Scores a customer's text for every specialist against a crew's keywords. Longer phrases take their words
 * away from shorter terms ("horario de visita" counts for scheduling only); each term counts once however
 * often it appears.
 */
export function scoreSpecialists(
  text: string,
  keywords: SpecialistKeywords,
): Record<SpecialistKind, SpecialistScore> {
  const tokens = tokenize(text).map((word) => {
    const key = soundKey(word);
    return { key, stem: stemKey(key) };
  });
  const found: Array<{ term: Term; start: number }> = [];
  for (const term of termsOf(keywords)) {
    for (let start = 0; start + term.words.length <= tokens.length; start++) {
      if (matchesAt(term, tokens, start)) found.push({ term, start });
    }
  }

  const words = tokenize(text);
  const order = found.some(
    ({ term, start }) =>
      term.specialist === 'sales' &&
      term.weight === 1 &&
      words.slice(Math.max(0, start - ORDER_REACH), start).some((w, i, before) => {
        const distance = before.length - i;
        const quantity = /^\d+$/.test(w) || QUANTITY_WORDS.has(w) || (distance === 1 && ONE_WORDS.has(w));
        return quantity && !PAST_PURCHASE_WORDS.has(words[start - distance - 1] ?? '');
      }),
  );

  const used = new Array<boolean>(tokens.length).fill(false);
  const accepted = new Set<Term>();
  const lengths = [...new Set(found.map((f) => f.term.words.length))].sort((a, b) => b - a);
  for (const length of lengths) {
    const group = found.filter((f) => f.term.words.length === length);
    const fresh = group.filter((f) => used.slice(f.start, f.start + length).every((u) => !u));
    for (const f of fresh) accepted.add(f.term);
    // Terms of the same length may share words (a word listed for two specialists counts for both).
    for (const f of fresh) used.fill(true, f.start, f.start + length);
  }

  const result = Object.fromEntries(
    SPECIALIST_KINDS.map((k) => [k, { score: 0, evidence: [] as string[] }]),
  ) as Record<SpecialistKind, SpecialistScore>;
  if (order) {
    result.sales.score += ORDER_WEIGHT;
    result.sales.evidence.push(ORDER_LABEL);
  }
  const byWeight = [...accepted].sort((a, b) => b.weight - a.weight);
  for (const term of byWeight) {
    result[term.specialist].score += term.weight;
    result[term.specialist].evidence.push(term.label);
  }
  return result;
}
