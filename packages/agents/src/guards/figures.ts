import { isJoiner, isNumberWord, multiplierOf, plainWord, valueOfWords } from './number-words.js';

/** The result of comparing a reply's figures with what the conversation's tools returned. */
export type FiguresCheck = { ok: true } | { ok: false; unknown: string[] };

/**
 * Figures the conversation's tools returned in earlier turns, kept with the conversation so a reply may
 * repeat a total shown before ("¿confirmo los $286.195?").
 */
export interface KnownFigures {
  numbers: number[];
  /** Values seen as percentages ("IVA 19%", a line's discount, "5% de descuento" in the rules). */
  percents: number[];
  /** Order references (S00012). */
  refs: string[];
}

/** How many values of each kind a conversation keeps (the newest). */
const KEEP = 400;

const ORDER_REF = /\bS\d{4,}\b/g;
// Digits (with their separators), words, and the signs that give a number its meaning.
const TOKEN = /\d[\d.,]*\d|\d|[\p{L}]+|\$|%/gu;
const CURRENCY_WORDS = new Set([
  'peso',
  'pesos',
  'cop',
  'real',
  'reales',
  'reais',
  'brl',
  'dolar',
  'dolares',
  'dollar',
  'dollars',
  'usd',
  'mxn',
  'euro',
  'euros',
]);
// A percentage in one word, as people write it too ("5 porciento", "5 pct").
const PERCENT_WORDS = new Set(['%', 'percent', 'porciento', 'porcento', 'pct']);
// Keys of structured results whose numbers are percentages.
const PERCENT_KEY = /discount|percent|pct|rate/i;
// Words that are numbers only in context: "once" (en), "doce" (pt: sweet), "mil gracias", "un", "a", "Lucas"
// (a name; "9 lucas" is money).
const AMBIGUOUS_ALONE = new Set([
  'once',
  'doce',
  'mil',
  'k',
  'un',
  'una',
  'uno',
  'um',
  'uma',
  'one',
  'luca',
  'lucas',
]);

type Kind = 'plain' | 'money' | 'percent';
interface Mention {
  token: string;
  values: number[];
  kind: Kind;
  /** Written in words only, as one ambiguous word ("once", "mil"): a number only with a currency or a %. */
  ambiguous: boolean;
}

/**
 * Figures in a reply must come from what the conversation's tools returned (this turn's `sources`, and
 * `earlier` turns'), or from the customer's own words: order references, prices, totals and stock (every
 * number from 10 up, in digits or in words: "9 mil pesos", "ciento diez mil"), any amount of money, and
 * any percentage, small ones included ("5% de descuento"). A reply that states a figure from nowhere is
 * refused. Counts under 10 without a currency or a % ("2 galones") pass.
 */
export function checkFigures(
  reply: string,
  sources: unknown[],
  customerText: string,
  earlier?: KnownFigures,
): FiguresCheck {
  const known = mergeFigures(earlier, collectFigures([...sources, customerText]), Infinity);
  const numbers = new Set(known.numbers);
  const percents = new Set(known.percents);
  const refs = new Set(known.refs);

  const unknown: string[] = [];
  for (const ref of reply.match(ORDER_REF) ?? []) if (!refs.has(ref)) unknown.push(ref);
  for (const mention of mentions(reply.replace(ORDER_REF, ' '))) {
    if (mention.kind === 'percent') {
      if (!mention.values.some((v) => hasClose(percents, v))) unknown.push(mention.token);
      continue;
    }
    if (mention.kind === 'plain' && (mention.ambiguous || mention.values.every((v) => v < 10))) continue;
    if (!mention.values.some((v) => hasClose(numbers, v))) unknown.push(mention.token);
  }
  return unknown.length === 0 ? { ok: true } : { ok: false, unknown };
}

/** The figures in tool results and texts: every number, the percentages, the order references. */
export function collectFigures(sources: unknown[]): KnownFigures {
  const found: KnownFigures = { numbers: [], percents: [], refs: [] };
  for (const source of sources) collect(source, undefined, found);
  return found;
}

/** Earlier figures plus new ones, each kind unique and at most `keep` long (the newest kept). */
export function mergeFigures(
  earlier: KnownFigures | undefined,
  added: KnownFigures,
  keep = KEEP,
): KnownFigures {
  const merge = <T>(a: T[] = [], b: T[]): T[] => {
    const all = [...new Set([...a.filter((x) => !b.includes(x)), ...b])];
    return Number.isFinite(keep) ? all.slice(-keep) : all;
  };
  return {
    numbers: merge(earlier?.numbers, added.numbers),
    percents: merge(earlier?.percents, added.percents),
    refs: merge(earlier?.refs, added.refs),
  };
}

function collect(value: unknown, key: string | undefined, into: KnownFigures): void {
  if (typeof value === 'number') {
    into.numbers.push(value);
    if (key && PERCENT_KEY.test(key)) into.percents.push(value);
  } else if (typeof value === 'string') {
    for (const ref of value.match(ORDER_REF) ?? []) into.refs.push(ref);
    for (const mention of mentions(value.replace(ORDER_REF, ' '))) {
      into.numbers.push(...mention.values);
      if (mention.kind === 'percent') into.percents.push(...mention.values);
    }
  } else if (Array.isArray(value)) for (const item of value) collect(item, key, into);
  else if (value !== null && typeof value === 'object')
    for (const [k, item] of Object.entries(value)) collect(item, k, into);
}

/** The numbers a text states, in digits or words, with what each one is (money, a percentage, a count). */
function mentions(text: string): Mention[] {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({
    raw: m[0],
    // Digits and signs are their own plain form; only words need folding.
    word: isDigit(m[0]) || m[0] === '$' || m[0] === '%' ? m[0] : plainWord(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const found: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    let values: number[];
    let end = i + 1;
    let ambiguous = false;
    if (isDigit(first.raw)) {
      values = readNumber(first.raw);
      const times = multiplierOf(tokens[end]?.word ?? '');
      if (times !== undefined) {
        values = values.map((v) => v * times);
        end += 1;
      }
    } else if (isNumberWord(first.word) && first.word !== 'k') {
      const words = [first.word];
      while (
        end < tokens.length &&
        (isNumberWord(tokens[end]!.word) ||
          (isJoiner(tokens[end]!.word) && isNumberWord(tokens[end + 1]?.word ?? '')))
      ) {
        words.push(tokens[end]!.word);
        end += 1;
      }
      values = [valueOfWords(words)];
      ambiguous = words.length === 1 && AMBIGUOUS_ALONE.has(first.word);
    } else {
      i += 1;
      continue;
    }
    const sign = tokens[i - 1]?.raw === '$' ? tokens[i - 1] : undefined;
    const kind = contextOf(tokens.slice(end, end + 3).map((t) => t.word));
    end += kind.words;
    found.push({
      token: text.slice((sign ?? first).start, tokens[end - 1]!.end),
      values,
      kind: kind.percent ? 'percent' : kind.words > 0 || sign ? 'money' : 'plain',
      ambiguous,
    });
    i = end;
  }
  return found;
}

function isDigit(token: string): boolean {
  const code = token.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** Whether the words after a number make it a percentage or an amount of money, and how many words say so. */
function contextOf(next: string[]): { percent: boolean; words: number } {
  if (next[0] !== undefined && PERCENT_WORDS.has(next[0])) return { percent: true, words: 1 };
  if ((next[0] === 'por' || next[0] === 'per') && /^(ciento|cien|cento|cent)$/.test(next[1] ?? ''))
    return { percent: true, words: 2 };
  if (CURRENCY_WORDS.has(next[0] ?? '')) return { percent: false, words: 1 };
  if (next[0] === 'de' && CURRENCY_WORDS.has(next[1] ?? '')) return { percent: false, words: 2 };
  return { percent: false, words: 0 };
}

function hasClose(values: Set<number>, v: number): boolean {
  if (values.has(v)) return true;
  for (const a of values) if (Math.abs(a - v) < 0.005) return true;
  return false;
}

/**
 * Every value a written number may mean: "219.800" and "219,800" are thousands, "1.234,50" and
 * "1,234.50" decimals; "1.500" could be either, so both count.
 */
export function readNumber(token: string): number[] {
  const t = token.replace(/^\$/, '').replace(/[.,]+$/, '');
  if (/^\d+$/.test(t)) return [Number(t)];
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t)) return [Number(t.replace(/\./g, '').replace(',', '.'))];
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(t)) return [Number(t.replace(/,/g, ''))];
  const values: number[] = [];
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) values.push(Number(t.replace(/[.,]/g, '')));
  if (/^\d+[.,]\d+$/.test(t)) values.push(Number(t.replace(',', '.')));
  return values.length > 0 ? values : [Number.NaN];
}
