import { foldText } from '@mcp-crew/core';
import { catalogueWords } from './catalogue-words.js';
import { COLOURS, NUMBER_WORDS, packagingOf, singular, UNITS } from './parse-items.js';

export { COLOURS };

/** A line of the working quotation, as `odoo_get_order` returns it. */
export interface CartLine {
  line_id: number;
  product_id?: number;
  product: string;
  quantity: number;
}

/** What the customer wants done to the working quotation. */
export type CartEdit =
  | { kind: 'remove'; line: CartLine }
  | { kind: 'quantity'; line: CartLine; quantity: number }
  | { kind: 'replace'; line: CartLine; words: string[]; unit?: 'galon' | 'cuarto' | 'cunete' }
  /** "Remove the masking tape": words that name no line by its Odoo name; the catalogue resolves them. */
  | { kind: 'remove-named'; words: string[] }
  | { kind: 'unclear' };

// Removal verbs with the clitics customers glue to them ("quítale", "bórralo", "sácamelos").
const REMOVE =
  /\b(?:(?:quit|sac|elimin|borr|retir)(?:a|e|ar|ale|alo|ala|alos|alas|ales|ame|amelo|amela|amelos|amelas)|remove|drop|delete|take off|take (?:the |that |those )?(?:[a-z]+ ){0,2}out|get rid of|tira|remova|retire|tirar|sin)\b|\b(?:ya no|siempre no|mejor no) (?:quiero|necesito|voy a llevar|llevo) (?:el|la|los|las)\b/;
// "Mejor ponme 3": the words that lead to the new quantity may come one after another.
const QUANTITY =
  /\b(?:(?:que sean|mejor|ponme|ponle|pon|dejalo en|dejala en|dejalos en|cambia(?:lo|la|los)? a|son|serian|make it|make them|change (?:it|them)? ?to|melhor|sao|coloca)\s+)+([a-z0-9]+)/;
// "En vez de 2, ponme 3": the old quantity named before the new one says nothing of the change.
const INSTEAD_OF = /\b(?:en vez de|en lugar de|em vez de|ao inves de|instead of)\s+[a-z0-9]+/g;
const LESS_BY =
  /\b(?:(?:quita|quitale|saca|sacale|resta|restale|tira)\s+(un|uno|una|dos|tres|\d+)$|(un|uno|una|dos|tres|one|two|\d+)\s+(?:menos|less))\b/;
const LESS_WORDS = new Set([
  'quita',
  'quitale',
  'saca',
  'sacale',
  'resta',
  'restale',
  'tira',
  'menos',
  'less',
]);
// "Ponle una más", "dos más", "one more", "mais dois": that many more of the line.
const MORE_BY =
  /\b(otro|otra|un|uno|una|dos|tres|cuatro|cinco|one|two|three|\d+)\s+(?:mas|more)\b|\bmais\s+(um|uma|dois|duas|tres|\d+)\b/;
const MORE_OF_SAME =
  /\b(otro|otra|uno mas|una mas|one more|another|mais um|mais uma)\b.*\b(igual|mismo|misma|same)\b|\b(sumale|agregale|anadele)\s+(otro|otra|uno|una)\b/;
// "No el esmalte, el vinilo", "cámbiale el negro por el blanco", "cambiámelo por el blanco", "mejor en gris".
const REPLACE =
  /\bno\s+(?:el|la|los|las|ese|esa)?\s*([a-z0-9 ]+?)\s*,\s*(?:mejor\s+)?(?:el|la|los|las)?\s*([a-z0-9 ]+)$|\b(?:cambia(?:le|lo|la|los|las|melo|mela|melos|melas)?|cambiar)\s+(?:(?:el|la|los|las)?\s*([a-z0-9 ]+?)\s+)?por\s+(?:el|la|los|las)?\s*([a-z0-9 ]+)$|\b(?:mejor|prefiero|better|rather)\s+(?:en|in|em)\s+([a-z]+)$/;
const TYPE_SWAP = /\b(?:mejor|prefiero|better|melhor)\s+(?:(?:el|la|the|o|a)\s+)?(?:tipo|type)\s+(\d+)$/;
// "Troca pra verde", "cámbialo a rojo", "make it grey": only a colour named for the line.
const COLOUR_SWAP =
  /\b(?:troca|trocar|muda|mudar|cambia(?:lo|la|los|las)?|cambiar|change(?: it)?|switch(?: it)?|make it)\s+(?:(?:pra|para|pro|por|a|al|to|in|en|em)\s+)?(?:(?:o|a|el|la|the)\s+)?([a-z]+)(?:\s+(?:instead|then|please|mejor|entonces|porfa|pls))*$/;
// "Swap that for the red oxide one", "replace the tape with a 4 inch brush": "one" after the new words names
// another variant of the line's product; without it, the words name the new product.
const EN_SWAP =
  /\b(?:swap|switch|replace)\s+(?:(?:it|that|this|them|those)|(?:the\s+)?([a-z0-9 ]+?))\s+(?:for|with)\s+(?:(?:the|a|an)\s+)?([a-z0-9 ]+?)(\s+ones?)?(?:\s+(?:instead|then|please))*$/;

/** A colour word, also as the word list singularises it ("gris" → "gri"). */
function isColour(word: string): boolean {
  return COLOURS.has(word) || COLOURS.has(`${word}s`);
}

const STOP = new Set([
  'de',
  'del',
  'el',
  'la',
  'los',
  'las',
  'y',
  'e',
  'porfa',
  'por',
  'favor',
  'mejor',
  'the',
  'please',
  'a',
  'o',
  'no',
  'que',
  'sean',
  'ponme',
  'pon',
  'ponle',
  'esa',
  'ese',
  'eso',
]);

function wordsOf(text: string): string[] {
  return foldText(text)
    .replace(/^\[[^\]]*\]\s*/, '')
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w))
    .map(singular);
}

/** The line whose product the words name best (every word a prefix match scores), or the only line. */
export function lineNamed(lines: CartLine[], words: string[], strict = false): CartLine | undefined {
  if (words.length === 0) return lines.length === 1 ? lines[0] : undefined;
  const scored = lines.map((line) => {
    const name = wordsOf(line.product);
    return {
      line,
      score: words.filter(
        (w) => w.length >= 3 && name.some((n) => n.startsWith(w.slice(0, 5)) || w.startsWith(n.slice(0, 5))),
      ).length,
    };
  });
  const best = scored.sort((a, b) => b.score - a.score)[0];
  return best && best.score > 0 ? best.line : lines.length === 1 && !strict ? lines[0] : undefined;
}

/** Folded words; commas kept, since "no el esmalte, el vinilo" turns on them. */
function fold(text: string): string {
  return foldText(text)
    .replace(INSTEAD_OF, ' ')
    .replace(/[^a-z0-9/, ]+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();
}

function numberIn(word: string | undefined): number | undefined {
  if (!word) return undefined;
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] !== undefined && word !== 'a' && word !== 'an' ? NUMBER_WORDS[word] : undefined;
}

/** The edit a message asks of the working quotation, given its lines. */
export function parseCartEdit(text: string, lines: CartLine[]): CartEdit {
  const folded = fold(text);
  const mentioned = wordsOf(folded).filter((w) => !/^\d+$/.test(w) && numberIn(w) === undefined);
  // "Quítale uno", "uno menos", "one less": that many fewer of the line (none left: the line goes).
  const less = LESS_BY.exec(folded);
  const fewer = less && numberIn(less[1] ?? less[2]);
  if (fewer) {
    const line = lineNamed(
      lines,
      mentioned.filter((w) => !LESS_WORDS.has(w)),
    );
    if (!line) return { kind: 'unclear' };
    return line.quantity > fewer
      ? { kind: 'quantity', line, quantity: line.quantity - fewer }
      : { kind: 'remove', line };
  }
  if (REMOVE.test(folded)) {
    const words = mentioned.filter((w) => !REMOVE.test(w) && !EDIT_NOISE.has(w));
    const line = lineNamed(lines, words);
    if (line) return { kind: 'remove', line };
    return words.length > 0 ? { kind: 'remove-named', words } : { kind: 'unclear' };
  }
  const more = MORE_BY.exec(folded);
  const by = more && (numberIn(more[1] ?? more[2]) ?? (/^otr/.test(more[1] ?? '') ? 1 : undefined));
  // "Dos más de esmalte negro" with no such line is a new product, not more of the one there.
  const moreOf = mentioned.filter(
    (w) => !QUANTITY_WORDS.has(w) && w !== 'mas' && w !== 'more' && w !== 'otro' && w !== 'otra',
  );
  const moreLine = by ? lineNamed(lines, moreOf, moreOf.length > 0) : undefined;
  if (by && moreLine) return { kind: 'quantity', line: moreLine, quantity: moreLine.quantity + by };
  if (MORE_OF_SAME.test(folded)) {
    const line = lineNamed(lines, []) ?? lines.at(-1);
    return line ? { kind: 'quantity', line, quantity: line.quantity + 1 } : { kind: 'unclear' };
  }
  // "No, mejor el tipo 1": the line keeps its product, with the other type.
  const type = TYPE_SWAP.exec(folded);
  if (type) {
    const line = lineNamed(lines, []) ?? lines.at(-1);
    if (!line) return { kind: 'unclear' };
    const name = wordsOf(line.product);
    const at = name.indexOf('tipo');
    if (at >= 0) {
      const words = [...name.slice(0, at), 'tipo', type[1]!, ...name.slice(at + 2)].filter(
        (w) => !UNITS[w] && w !== '1/4',
      );
      return { kind: 'replace', line, words, unit: packagingOf(line.product) };
    }
  }
  const swap = COLOUR_SWAP.exec(folded)?.[1];
  if (swap && COLOURS.has(swap)) {
    const line = lineNamed(lines, []) ?? lines.at(-1);
    if (!line) return { kind: 'unclear' };
    const kept = wordsOf(line.product).filter((w) => !isColour(w) && !UNITS[w] && w !== '1/4');
    return { kind: 'replace', line, words: [...kept, swap], unit: packagingOf(line.product) };
  }
  const enSwap = EN_SWAP.exec(folded);
  if (enSwap) {
    const [, from, to, one] = enSwap;
    const line = lineNamed(lines, from ? catalogueWords(wordsOf(from)) : [], !!from);
    const newWords = wordsOf(to!);
    if (!line || newWords.length === 0) return { kind: 'unclear' };
    const kept = wordsOf(line.product).filter((w) => !isColour(w) && !UNITS[w] && w !== '1/4');
    const variant = !!one || newWords.every(isColour);
    return {
      kind: 'replace',
      line,
      words: variant ? [...kept, ...newWords] : newWords.filter((w) => !UNITS[w]),
      unit: newWords.map((w) => UNITS[w]).find(Boolean) ?? packagingOf(line.product),
    };
  }
  const replace = REPLACE.exec(folded);
  if (replace) {
    const [, notThis, butThis, from, to, colourOnly] = replace;
    // "Cambiámelo por el blanco": only a colour named, so the line keeps its product and size.
    const toWords = wordsOf(butThis ?? to ?? '');
    const colour =
      colourOnly ??
      (!notThis && !from && toWords.length === 1 && COLOURS.has(toWords[0]!) ? toWords[0] : undefined);
    if (colour && COLOURS.has(colour)) {
      const line = lineNamed(lines, []) ?? lines.at(-1);
      if (!line) return { kind: 'unclear' };
      const kept = wordsOf(line.product).filter((w) => !isColour(w) && !UNITS[w] && w !== '1/4');
      return { kind: 'replace', line, words: [...kept, colour], unit: packagingOf(line.product) };
    }
    const oldWords = wordsOf(notThis ?? from ?? '');
    const newWords = wordsOf(butThis ?? to ?? '');
    const line = lineNamed(lines, oldWords);
    if (line && newWords.length > 0)
      return {
        kind: 'replace',
        line,
        words: newWords.filter((w) => !UNITS[w]),
        unit: newWords.map((w) => UNITS[w]).find(Boolean) ?? packagingOf(line.product),
      };
  }
  const quantity = numberIn(QUANTITY.exec(folded)?.[1]) ?? loneNumber(folded);
  if (quantity !== undefined && quantity > 0) {
    const line = lineNamed(
      lines,
      mentioned.filter((w) => !QUANTITY_WORDS.has(w)),
    );
    return line ? { kind: 'quantity', line, quantity } : { kind: 'unclear' };
  }
  return { kind: 'unclear' };
}

// Words around a removal that name nothing ("please remove the tape from it").
const EDIT_NOISE = new Set([
  'please',
  'pls',
  'porfa',
  'it',
  'from',
  'quote',
  'order',
  'cotizacion',
  'pedido',
  'mi',
  'my',
  'tambien',
  'also',
  'tira',
  'tire',
  'actually',
  'take',
  'out',
  'get',
  'rid',
  'of',
  'o',
  'os',
  'as',
]);

const QUANTITY_WORDS = new Set([
  'sean',
  'mejor',
  'ponme',
  'ponle',
  'pon',
  'cambia',
  'make',
  'it',
  'them',
  'melhor',
  'son',
  'serian',
  'dejalo',
  'en',
  'galon',
  'unidad',
  'unidade',
  'unit',
]);

/** "y el vinilo que sean 3": one number in a short message is the new quantity. */
function loneNumber(folded: string): number | undefined {
  // "El tipo 1", "lija 220": a number that names the product is no quantity.
  const numbers = folded
    .replace(/,/g, ' ')
    .replace(/\b(?:tipo|type|grano|numero)\s+\d+/g, ' ')
    .split(/\s+/)
    .map(numberIn)
    .filter((n): n is number => n !== undefined);
  return numbers.length === 1 && folded.split(' ').length <= 8 ? numbers[0] : undefined;
}

/** Whether a message reads as a change to a working quotation (not a new request). */
export function looksLikeCartEdit(text: string): boolean {
  const folded = fold(text);
  return (
    REMOVE.test(folded) ||
    LESS_BY.test(folded) ||
    MORE_BY.test(folded) ||
    MORE_OF_SAME.test(folded) ||
    REPLACE.test(folded) ||
    EN_SWAP.test(folded) ||
    TYPE_SWAP.test(folded) ||
    COLOURS.has(COLOUR_SWAP.exec(folded)?.[1] ?? '') ||
    QUANTITY.test(folded) ||
    (loneNumber(folded) !== undefined && !/\b(tienen|hay|cuanto|precio|stock)\b/.test(folded))
  );
}
