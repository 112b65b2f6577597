/**
 * Numbers written in words in Spanish, Portuguese and English ("ciento diez mil", "nove mil", "two hundred
 * and ten"), accent- and case-insensitive: the figures check reads them like digits.
 */

// Keys without accents: words are compared after removing diacritics.
export const SMALL_NUMBER_WORDS: Record<string, number> = {
  cero: 0,
  zero: 0,
  un: 1,
  uno: 1,
  una: 1,
  um: 1,
  uma: 1,
  one: 1,
  dos: 2,
  dois: 2,
  duas: 2,
  two: 2,
  tres: 3,
  three: 3,
  cuatro: 4,
  quatro: 4,
  four: 4,
  cinco: 5,
  five: 5,
  seis: 6,
  six: 6,
  siete: 7,
  sete: 7,
  seven: 7,
  ocho: 8,
  oito: 8,
  eight: 8,
  nueve: 9,
  nove: 9,
  nine: 9,
  diez: 10,
  dez: 10,
  ten: 10,
  once: 11,
  onze: 11,
  eleven: 11,
  doce: 12,
  doze: 12,
  twelve: 12,
  trece: 13,
  treze: 13,
  thirteen: 13,
  catorce: 14,
  catorze: 14,
  quatorze: 14,
  fourteen: 14,
  quince: 15,
  quinze: 15,
  fifteen: 15,
  dieciseis: 16,
  dezesseis: 16,
  dezasseis: 16,
  sixteen: 16,
  diecisiete: 17,
  dezessete: 17,
  dezassete: 17,
  seventeen: 17,
  dieciocho: 18,
  dezoito: 18,
  eighteen: 18,
  diecinueve: 19,
  dezenove: 19,
  dezanove: 19,
  nineteen: 19,
  veinte: 20,
  vinte: 20,
  twenty: 20,
  veintiun: 21,
  veintiuno: 21,
  veintiuna: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  treinta: 30,
  trinta: 30,
  thirty: 30,
  cuarenta: 40,
  quarenta: 40,
  forty: 40,
  cincuenta: 50,
  cinquenta: 50,
  fifty: 50,
  sesenta: 60,
  sessenta: 60,
  sixty: 60,
  setenta: 70,
  seventy: 70,
  ochenta: 80,
  oitenta: 80,
  eighty: 80,
  noventa: 90,
  ninety: 90,
  cien: 100,
  ciento: 100,
  cem: 100,
  cento: 100,
  doscientos: 200,
  doscientas: 200,
  duzentos: 200,
  duzentas: 200,
  trescientos: 300,
  trescientas: 300,
  trezentos: 300,
  trezentas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quatrocentos: 400,
  quatrocentas: 400,
  quinientos: 500,
  quinientas: 500,
  quinhentos: 500,
  quinhentas: 500,
  seiscientos: 600,
  seiscientas: 600,
  seiscentos: 600,
  seiscentas: 600,
  setecientos: 700,
  setecientas: 700,
  setecentos: 700,
  setecentas: 700,
  ochocientos: 800,
  ochocientas: 800,
  oitocentos: 800,
  oitocentas: 800,
  novecientos: 900,
  novecientas: 900,
  novecentos: 900,
  novecentas: 900,
};

// "Lucas" is Colombian for thousands of pesos ("9 lucas" = $9.000). "Palo" (a million) is left out: it is
// also a pole, which a paint shop sells ("un palo para el rodillo").
const THOUSAND = new Set(['mil', 'thousand', 'k', 'luca', 'lucas']);
const MILLION = new Set(['millon', 'millones', 'milhao', 'milhoes', 'million', 'millions']);
const HUNDRED = 'hundred';
/** Words joining the parts of one number: "treinta y cinco", "vinte e cinco", "one hundred and ten". */
const JOINERS = new Set(['y', 'e', 'and']);

/** Lower case without diacritics, so "millón", "três" and "dieciséis" match their keys. */
export function plainWord(word: string): string {
  // Most words of a tool result are ASCII, which has no diacritics to strip: normalising them is the guard's
  // largest cost on long knowledge passages.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;

/** Whether a (plain) word is part of a number: a count, "hundred", a thousand or a million. */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORDS.has(word);
}

// One set lookup per word (`in` on the object also walked its prototype: "constructor" counted as a number).
const NUMBER_WORDS = new Set([...Object.keys(SMALL_NUMBER_WORDS), HUNDRED, ...THOUSAND, ...MILLION]);

/** Whether a word multiplies the number before it ("9 mil", "1,5 millones", "20k"). */
export function multiplierOf(word: string): number | undefined {
  if (THOUSAND.has(word)) return 1000;
  if (MILLION.has(word)) return 1_000_000;
  return undefined;
}

export function isJoiner(word: string): boolean {
  return JOINERS.has(word);
}

/**
 * The value of a run of number words (already plain): "ciento diez mil" → 110000, "dos millones trescientos
 * mil" → 2300000, "one hundred and ten" → 110. Joiners are skipped.
 */
export function valueOfWords(words: string[]): number {
  let total = 0;
  let current = 0;
  for (const word of words) {
    if (JOINERS.has(word)) continue;
    if (word === HUNDRED) current = (current || 1) * 100;
    else if (MILLION.has(word)) {
      total = (total + (current || 1)) * 1_000_000;
      current = 0;
    } else if (THOUSAND.has(word)) {
      total += (current || 1) * 1000;
      current = 0;
    } else current += SMALL_NUMBER_WORDS[word] ?? 0;
  }
  return total + current;
}
