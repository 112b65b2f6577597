import { editDistance, foldText, PAST_PURCHASE_WORDS, soundKey } from '@mcp-crew/core';
import { SMALL_NUMBER_WORDS } from '../guards/number-words.js';

/** One product the customer asked for: "2 galones de esmalte blanco" → 2, galon, "esmalte blanco". */
export interface RequestedItem {
  quantity: number;
  /** Canonical packaging unit when given: galon, cuarto, cunete. */
  unit?: 'galon' | 'cuarto' | 'cunete';
  /** "El grande", "las pequeñas": the largest or smallest packaging the product comes in, when no unit is named. */
  size?: 'largest' | 'smallest';
  /** "3 del vinilo": the product named with a definite article, as one already spoken of. */
  definite?: boolean;
  /** Folded, singular words that describe the product. */
  words: string[];
  /** What the customer wrote, for replies. */
  said: string;
}

// Item quantities: one to twelve from the figures check's table, without eleven ("once" is "one time" in
// English), and the English article ("a gallon").
export const NUMBER_WORDS: Record<string, number> = {
  ...Object.fromEntries(Object.entries(SMALL_NUMBER_WORDS).filter(([, n]) => n >= 1 && n <= 12 && n !== 11)),
  a: 1,
  an: 1,
};
/** The packaging a catalogue name states ("Vinilo Tipo 1 Blanco Galón" → galon), if any. */
export function packagingOf(productName: string): RequestedItem['unit'] {
  const name = foldText(productName);
  return name.includes('1/4')
    ? 'cuarto'
    : name.includes('cunete')
      ? 'cunete'
      : name.includes('galon')
        ? 'galon'
        : undefined;
}

export const UNITS: Record<string, RequestedItem['unit']> = {
  gal: 'galon',
  gl: 'galon',
  galon: 'galon',
  galones: 'galon',
  galao: 'galon',
  galoes: 'galon',
  gallon: 'galon',
  gallons: 'galon',
  cuarto: 'cuarto',
  cuartos: 'cuarto',
  quart: 'cuarto',
  quarts: 'cuarto',
  cunete: 'cunete',
  cunetes: 'cunete',
  balde: 'cunete',
  baldes: 'cunete',
  bucket: 'cunete',
  buckets: 'cunete',
  caneca: 'cunete',
  canecas: 'cunete',
  cubeta: 'cunete',
  cubetas: 'cunete',
};
// Packaging words that say nothing about the product.
const EMPTY_UNITS = new Set([
  'unidad',
  'unidades',
  'unidade',
  'unit',
  'units',
  'piece',
  'pieces',
  'pieza',
  'piezas',
  'und',
  'unds',
  'ud',
  'uds',
  'u',
  'lata',
  'latas',
  'tarro',
  'tarros',
  'bote',
  'botes',
  'pote',
  'potes',
  'pliego',
  'pliegos',
  'sheet',
  'sheets',
  'hoja',
  'hojas',
  'folha',
  'folhas',
  'rollo',
  'rollos',
  'roll',
  'rolls',
  'x',
]);
// Words that name a colour: "mejor en gris" changes only the colour of a line.
export const COLOURS: ReadonlySet<string> = new Set([
  'blanco',
  'blanca',
  'negro',
  'negra',
  'rojo',
  'roja',
  'azul',
  'gris',
  'verde',
  'amarillo',
  'amarilla',
  'marfil',
  'transparente',
  'oxido',
  'white',
  'black',
  'red',
  'blue',
  'grey',
  'gray',
  'green',
  'yellow',
  'branco',
  'branca',
  'preto',
  'preta',
  'vermelho',
  'cinza',
]);

// "El grande / el pequeño": the largest or smallest packaging of the product asked for (a gallon of an enamel
// that comes in gallons and quarters; a bucket of a vinyl that also comes in buckets).
const SIZE_WORDS: Record<string, NonNullable<RequestedItem['size']>> = {
  grande: 'largest',
  grandes: 'largest',
  pequeno: 'smallest',
  pequenos: 'smallest',
  pequena: 'smallest',
  pequenas: 'smallest',
  chico: 'smallest',
  chicos: 'smallest',
  chica: 'smallest',
  chicas: 'smallest',
};
const STOP = new Set([
  'de',
  'del',
  'la',
  'el',
  'los',
  'las',
  'para',
  'con',
  'por',
  'favor',
  'porfa',
  'do',
  'da',
  'dos',
  'das',
  'of',
  'for',
  'too',
  'pra',
  'pro',
  'the',
  'some',
  'mas',
  'more',
  'mejor',
  'porfa',
  'porfis',
  'porfavor',
  'plis',
  'plz',
  'pls',
  'please',
  'thanks',
  'gracias',
  'obrigado',
  'obrigada',
  'bendiciones',
  'd',
  'xfa',
  'hoy',
  'urgente',
]);
// "Vinilo tipo 1", "lija grano 220": the number belongs to the product's name, not the quantity.
const PART_OF_NAME = new Set(['tipo', 'type', 'grano', 'numero', 'no', 'calibre', 'referencia', 'ref']);
// "Crea una cotización para…" (a back-office request through the Odoo copilot): "una" counts a document, not a product.
const DOCUMENTS = new Set([
  'cotizacion',
  'cotizaciones',
  'orden',
  'pedido',
  'orcamento',
  'quotation',
  'quote',
  'order',
]);
const SPLIT = /[,;\n]|[.?!¿¡](?=\s|$)|\s+(?:y|e|and|mas|plus|tambien|also)\s+/;

/**
 * The quantities and products in a message: each clause with a quantity is one item. Clauses without a
 * quantity ("hola", "soy Ana Gómez") are not items.
 */
export function parseItems(text: string): RequestedItem[] {
  const items: RequestedItem[] = [];
  // "2gal", "3und": a quantity glued to its unit.
  // "De una" means "right away", not one of something.
  const spaced = foldText(text)
    .replace(/\bde una\b/g, ' ')
    // "Media docena", "meia dúzia", "half a dozen": the number of it.
    .replace(/\b(?:media docena|meia duzia|half a dozen)\b/g, '6')
    .replace(/\b(?:una docena|uma duzia|a dozen|one dozen)\b/g, '12')
    .replace(/\b(\d+)(gal|gl|galones|galon|und|unds|uds|ud|u)\b/g, '$1 $2');
  let correcting = false;
  for (const clause of spaced.split(SPLIT)) {
    const words = clause
      .replace(/[^a-z0-9/"]+/g, ' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    // "2 galões de verniz... quer dizer, laca catalizada": the words after the correction replace the item's.
    const corrected =
      CORRECTION.exec(words.join(' ')) ?? (correcting ? /^mejor\b/.exec(words.join(' ')) : null);
    if (corrected) correcting = true;
    const rest0 = corrected ? words.join(' ').slice(corrected[0].length).trim() : words.join(' ');
    const last = items.at(-1);
    if (correcting && last && rest0 && !/\d/.test(rest0)) {
      const replaced = rest0
        .split(' ')
        .filter((w) => !STOP.has(w) && !UNITS[w])
        .map(singular);
      if (replaced.length > 0) {
        // "…amarillo no, mejor azul": a colour alone corrects only the colour.
        const words = replaced.every((w) => COLOURS.has(w))
          ? [...last.words.filter((w) => !COLOURS.has(w) && !COLOURS.has(`${w}s`)), ...replaced]
          : replaced;
        items[items.length - 1] = { ...last, words, said: `${last.said}, ${rest0}` };
        correcting = false;
        continue;
      }
    }
    const at = words.findIndex(
      (w, i) =>
        sizeAfterOne(words, i) ||
        (items.length > 0 && anotherOfIt(words, i)) ||
        (/^\d+$/.test(w) && !PART_OF_NAME.has(words[i - 1] ?? '')) ||
        (w in NUMBER_WORDS &&
          w !== 'a' &&
          w !== 'an' &&
          !DOCUMENTS.has(words[i + 1] ?? '') &&
          (!ONE.has(w) || askedForOne(words, i))) ||
        ((w === 'a' || w === 'an') && englishArticle(words, i)),
    );
    if (at < 0) continue;
    // "Compré un galón de vinilo y vino cortado": a past purchase is the story, not a request.
    if (words.slice(0, at).some((w) => PAST_PURCHASE_WORDS.has(w))) continue;
    const another = ANOTHER.has(words[at]!);
    const quantity = /^\d+$/.test(words[at]!) ? Number(words[at]) : another ? 1 : NUMBER_WORDS[words[at]!]!;
    // "3 galon d esmalte negro q necesito pa hoy": the item ends where the sentence goes on about something else.
    const end = words.findIndex(
      (w, i) =>
        i > at &&
        (ITEM_END.has(w) || (w === 'pa' && WHEN.has(words[i + 1] ?? '')) || purposeStarts(words, i)),
    );
    let rest = words.slice(at + 1, end < 0 ? undefined : end).map(respeltUnit);
    const definite = /^(?:del|de (?:la|las|los|el)|of the|do|da|dos|das) /.test(`${rest.join(' ')} `);
    let unit: RequestedItem['unit'];
    let size: RequestedItem['size'];
    if (rest[0] && UNITS[rest[0]]) unit = UNITS[rest.shift()!];
    else if (rest[0] && EMPTY_UNITS.has(rest[0])) rest.shift();
    // "2 latas de un galón de laca", "1 esmalte blanco grande": the size may come after the container or the name.
    rest = rest.filter((w, i) => {
      // "2 galones de esmalte rojo en cuarto": the packaging named last, after "en", is the one meant.
      if (UNITS[w] && ['en', 'in', 'em'].includes(rest[i - 1] ?? '')) return ((unit = UNITS[w]), false);
      if (['en', 'in', 'em'].includes(w) && UNITS[rest[i + 1] ?? '']) return false;
      if (UNITS[w] && !unit) return ((unit = UNITS[w]), false);
      if (SIZE_WORDS[w] && !unit) return ((size = SIZE_WORDS[w]), false);
      return !(
        EMPTY_UNITS.has(w) ||
        ((w === 'un' || w === 'una' || w === 'um' || w === 'a') && UNITS[rest[i + 1] ?? ''])
      );
    });
    // "En vez de 2 mejor ponme 3": a request verb after the number names no product.
    rest = rest.filter((w) => !STOP.has(w) && !SIZE_WORDS[w] && !REQUEST_VERBS.has(w)).map(singular);
    // "Del vinilo tipo 1 blanco quiero 2 de las grandes": the product named first, then how many of it.
    if (rest.length === 0 && /^(?:del|de (?:la|las|los|el)|do|da|dos|das) /.test(`${words.join(' ')} `))
      rest = words
        .slice(0, at)
        .filter((w) => !STOP.has(w) && !LEAD.has(w) && !UNITS[w])
        .map(singular);
    // A number alone ("en vez de 2, ponme 3") names no product.
    // "…amarillo no, mejor azul": a trailing "no" takes the item back, the next clause corrects it.
    if (rest.at(-1) === 'no' && rest.length > 1) {
      rest = rest.slice(0, -1);
      correcting = true;
    }
    // "Un cuarto de esmalte rojo, otro de azul", "2 galones de vinilo blanco y 3 de gris": a colour alone is the
    // item before in that colour; "otro" also in its packaging.
    const before = items.at(-1);
    if (before && rest.length > 0 && rest.every(isColourWord)) {
      rest = [...before.words.filter((w) => !isColourWord(w)), ...rest];
      if (another || !unit) unit = unit ?? before.unit;
    } else if (before && another && !unit) unit = before.unit;
    if (quantity > 0 && rest.some((w) => /[a-z]/.test(w)))
      items.push({
        quantity,
        unit,
        ...(size && !unit ? { size } : {}),
        ...(definite ? { definite } : {}),
        words: rest,
        said: words.slice(at).join(' '),
      });
  }
  return items;
}

// Verbs of asking; a product's name never holds them.
const REQUEST_VERBS = new Set(
  'ponme pongame dame deme mandame regalame necesito quiero quisiera cotizame agregale sumale anade preciso quero'.split(
    ' ',
  ),
);

// "…, otro de azul", "otra en gris": one more of the item before, told apart by what follows.
const ANOTHER = new Set(['otro', 'otra', 'outro', 'outra', 'another']);
function anotherOfIt(words: string[], at: number): boolean {
  const next = words[at + 1] ?? '';
  return ANOTHER.has(words[at]!) && (['de', 'en', 'em', 'in', 'of'].includes(next) || isColourWord(next));
}
function isColourWord(word: string): boolean {
  return COLOURS.has(word) || COLOURS.has(`${word}s`);
}

// "A 4 inch brush", "una de 3 pulgadas": after "one", a number of inches is the item's size, not how many.
const ONE_BEFORE_SIZE = new Set(['a', 'an', 'one', 'un', 'una', 'um', 'uma']);
const INCHES = new Set(['inch', 'inches', 'pulgada', 'pulgadas', 'polegada', 'polegadas', '"']);
function sizeAfterOne(words: string[], at: number): boolean {
  return (
    ONE_BEFORE_SIZE.has(words[at]!) &&
    /^\d+"?$/.test(words[at + 1] ?? '') &&
    (/"$/.test(words[at + 1]!) || INCHES.has(words[at + 2] ?? ''))
  );
}

// "Para pintar…", "para un conjunto…", "para el baño": what the item is for, not its name ("Imprimante para Muros").
const PURPOSE_NEXT = new Set(
  'un una unos unas el la los las mi mis su sus nuestro nuestra nuestros nuestras este esta ese esa que'.split(
    ' ',
  ),
);

// "For my fence", "pra minha casa": the same in English and Portuguese.
const PURPOSE_NEXT_OTHER = new Set(
  'me us my the a an our your his her o os as meu minha meus minhas nossa nosso'.split(' '),
);

function purposeStarts(words: string[], at: number): boolean {
  const next = words[at + 1] ?? '';
  if (words[at] === 'for' || words[at] === 'pra') return PURPOSE_NEXT_OTHER.has(next) || /ing$/.test(next);
  return (
    (words[at] === 'para' || words[at] === 'pa') &&
    (PURPOSE_NEXT.has(next) ||
      (words[at] === 'para' && PURPOSE_NEXT_OTHER.has(next) && next.length > 1) ||
      (next.length > 4 && /(?:ar|er|ir)$/.test(next)))
  );
}

/** A misspelt packaging word ("galnes", "galoness", "cuñetes") read as the unit it is one slip away from. */
function respeltUnit(word: string): string {
  if (UNITS[word] || word.length < 5 || /\d/.test(word)) return word;
  // "Galoncito", "baldecito", "cuartico": the unit in its diminutive.
  const small = [word.replace(/cit[oa]s?$/, ''), word.replace(/(?:it|ic)([oa])s?$/, '$1')].find(
    (w) => UNITS[w],
  );
  if (small) return small;
  const key = soundKey(word);
  return UNIT_KEYS.find(([u, k]) => k === key || editDistance(word, u, 1) <= 1)?.[0] ?? word;
}

// The longer packaging words with their sound keys, computed once.
const UNIT_KEYS: ReadonlyArray<readonly [string, string]> = Object.keys(UNITS)
  .filter((u) => u.length >= 5)
  .map((u) => [u, soundKey(u)] as const);

// What a customer says before correcting the product they just named.
const CORRECTION =
  /^(?:quer dizer|quero dizer|quiero decir|quise decir|digo|mejor dicho|o sea|perdon|i mean|sorry)\b/;

const ONE = new Set(['un', 'una', 'uno', 'um', 'uma', 'one']);
// Words that may come before "un/una" when it counts one: "necesito una brocha", "y un rodillo", "me regalas un galón".
const LEAD = new Set(
  'y e and tambien ademas mas plus also me nos regala regalame regalas das dame deme manda mandame mandas pon ponme pongame agrega agregale anade suma sumale necesito necesitamos quiero quisiera queria ocupo busco llevo compro cotiza cotizame cotizas preciso quero manda i need want like would get porfa xfa hola buenas buenos dias tardes noches ok listo vale bueno entonces'.split(
    ' ',
  ),
);
// Words that end an item: "que", "porque", "cuando"… start another thought.
const ITEM_END = new Set([
  'que',
  'q',
  'k',
  'porque',
  'pq',
  'xq',
  'cuando',
  'pero',
  'because',
  'but',
  'since',
  'which',
]);
const WHEN = new Set([
  'hoy',
  'manana',
  'ya',
  'el',
  'la',
  'ahora',
  'esta',
  'este',
  'lunes',
  'martes',
  'miercoles',
  'jueves',
  'viernes',
  'sabado',
  'domingo',
]);

/**
 * "Un/una" counts one only when it starts the request ("una brocha y…", "necesito un rodillo") or comes
 * with a unit ("un galón"); in a story ("pintamos con un vinilo que no me gustó") it is an article.
 */
function askedForOne(words: string[], at: number): boolean {
  return !!UNITS[respeltUnit(words[at + 1] ?? '')] || words.slice(0, at).every((w) => LEAD.has(w));
}

// "I need a roller": "a" counts one only in English ("hacen domicilio a Itagüí" is a Spanish preposition).
const ENGLISH_ASK = new Set([
  'need',
  'want',
  'like',
  'order',
  'quote',
  'buy',
  'get',
  'add',
  'plus',
  'and',
  'also',
]);

function englishArticle(words: string[], at: number): boolean {
  const next = words[at + 1] ?? '';
  if (!next || DOCUMENTS.has(next)) return false;
  return !!UNITS[next] || EMPTY_UNITS.has(next) || words.slice(0, at).some((w) => ENGLISH_ASK.has(w));
}

/** Spanish/Portuguese/English plural to singular, for search words ("rodillos" → "rodillo", "brochas" → "brocha"). */
export function singular(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ces')) return `${word.slice(0, -3)}z`;
  if (/(?:ones|ores|ales|eles)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

// "Sou a Beatriz", "soy la señora…": an article may stand between the words and the name.
const NAME_INTRO =
  /(?:\bcotizaci[oó]n para|\bpedido para|\bor[cç]amento para|\bquot(?:ation|e) for|\bsoy|\bme llamo|\bmi nombre es|\bhabla|\bsou|\bme chamo|\bmeu nome [eé]|\bi am|\bi'm|\bmy name is|\bthis is)\s+(?:(?:a|o|la|el)\s+)?/iu;
const NAME =
  /^(?:[A-ZÁÉÍÓÚÑÃÕÂÊÔÇ][\p{L}'-]+)(?:\s+(?:(?:de|del|da|dos)\s+)?[A-ZÁÉÍÓÚÑÃÕÂÊÔÇ][\p{L}'-]+){0,3}/u;

/** "Sara Gil": a message that is a person's name and nothing else (two to four capitalised words). */
export function isOnlyAName(text: string): boolean {
  return /^[\p{Lu}][\p{L}'-]+(?:\s+(?:(?:de|del|da|dos)\s+)?[\p{Lu}][\p{L}'-]+){1,3}$/u.test(text.trim());
}

/** The name a customer gives for themselves: "soy Ana Gómez", "me llamo…", "sou…", "I'm…", "my name is…". */
export function customerNameIn(text: string): string | undefined {
  const intro = NAME_INTRO.exec(text);
  if (!intro) return undefined;
  return NAME.exec(text.slice(intro.index + intro[0].length))?.[0];
}
