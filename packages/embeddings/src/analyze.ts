/**
 * Text analysis shared by the local embedder and the keyword index: lowercase, strip accents, drop stop
 * words, and a light Spanish/Portuguese stemmer (plural and gender endings), so "Galones Blancos",
 * "galón blanco" and "galon blanca" meet on the same terms.
 */

// A light stemmer on purpose: Snowball stemmers over-stem short product words ("mate", "base") and
// would be one more dependency; plural and gender endings are what customers actually vary.
const STOP_WORDS = new Set(
  (
    'a al algo algun alguna asi como con cual cuales cuando de del desde donde e el ella en entre era es esa ese eso esta este esto estos estas ' +
    'fue ha hay la las le les lo los me mas mi mis muy no o os para pero por porque que quien se si sin sobre su sus te tu tus un una uno unos unas ' +
    'y ya yo usted ustedes favor hola buenas buenos dias tardes noches gracias quiero quisiera necesito busco tienen tiene tienes venden vende ' +
    'puedo puede pueden saber info informacion ola oi um uma com nao do da dos das no na nos nas pra voce eu'
  ).split(' '),
);

/** Lowercase and remove diacritics (á→a, ñ→n, ç→c), keeping letters and digits only. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Strips plural then gender endings of words longer than four letters; digits are kept as they are. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ces'))
    w = `${w.slice(0, -3)}z`; // barnices -> barniz
  else if (w.endsWith('oes'))
    w = `${w.slice(0, -3)}ao`; // pt: opcoes -> opcao
  else if (w.endsWith('es') && !/[aeiou]/.test(w.charAt(w.length - 3)))
    w = w.slice(0, -2); // galones -> galon
  else if (w.endsWith('s')) w = w.slice(0, -1); // pinturas -> pintura
  if (w.length > 4 && /[aoe]$/.test(w)) w = w.slice(0, -1); // blanca/blanco -> blanc
  return w;
}

/** Folded, stemmed terms without stop words. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const word of foldText(text).split(' ')) {
    if (word.length === 0 || STOP_WORDS.has(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}
