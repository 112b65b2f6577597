import { foldText, soundKey } from '@mcp-crew/core';

/**
 * English and Portuguese words for the catalogue's Spanish ones (folded, singular), so "3 gallons of black
 * enamel" or "2 galões de tinta vinílica branca" find "Esmalte Sintético Negro Galón" and "Vinilo … Blanco".
 * Product kinds are nouns and come first in a Spanish name; English puts the colour before them.
 * Words a product name never holds ("paint", "tinta") map to nothing.
 */
const KINDS: Record<string, string> = {
  enamel: 'esmalte',
  latex: 'vinilo',
  vinyl: 'vinilo',
  vinilica: 'vinilo',
  vinilico: 'vinilo',
  vinil: 'vinilo',
  primer: 'imprimante',
  undercoat: 'imprimante',
  'anti rust': 'anticorrosivo',
  antirust: 'anticorrosivo',
  anticorrosive: 'anticorrosivo',
  'rust proof': 'anticorrosivo',
  zarcao: 'anticorrosivo',
  waterproofing: 'impermeabilizante',
  waterproofer: 'impermeabilizante',
  'waterproof paint': 'impermeabilizante',
  lacquer: 'laca',
  sealer: 'sellador',
  selador: 'sellador',
  seladora: 'sellador',
  diluente: 'thinner',
  'white spirit': 'varsol',
  aguarras: 'varsol',
  roller: 'rodillo',
  rolo: 'rodillo',
  tray: 'bandeja',
  brush: 'brocha',
  paintbrush: 'brocha',
  pincel: 'brocha',
  trincha: 'brocha',
  'masking tape': 'cinta',
  tape: 'cinta',
  fita: 'cinta',
  sandpaper: 'lija',
  'sand paper': 'lija',
  lixa: 'lija',
};

const ATTRIBUTES: Record<string, string> = {
  white: 'blanco',
  branco: 'blanco',
  branca: 'blanco',
  black: 'negro',
  preto: 'negro',
  preta: 'negro',
  red: 'rojo',
  vermelho: 'rojo',
  vermelha: 'rojo',
  grey: 'gris',
  gray: 'gris',
  cinza: 'gris',
  yellow: 'amarillo',
  amarelo: 'amarillo',
  amarela: 'amarillo',
  blue: 'azul',
  green: 'verde',
  ivory: 'marfil',
  clear: 'transparente',
  transparent: 'transparente',
  foam: 'espuma',
  felt: 'felpa',
  nap: 'felpa',
  wood: 'madera',
  madeira: 'madera',
  wall: 'muro',
  parede: 'muro',
  roof: 'techo',
  telhado: 'techo',
  // A flat roof: "laje" (pt), "azotea" (Mexico, Spain), "terraço"; the catalogue says "techos".
  laje: 'techo',
  azotea: 'techo',
  terraco: 'techo',
  terraza: 'techo',
  terrace: 'techo',
  water: 'agua',
  type: 'tipo',
  synthetic: 'sintetico',
  catalyzed: 'catalizada',
  acrylic: 'acrilico',
  acrilica: 'acrilico',
};

// Generic words that say "a paint" in another language; the Spanish name never carries them.
const NOTHING = new Set(['paint', 'tinta', 'can', 'tin']);

// The catalogue's own words by their sound, so "binilo blanko" reads as "vinilo blanco" (b/v, c/k, s/z, h).
const BY_SOUND = new Map(
  [...Object.values(KINDS), ...Object.values(ATTRIBUTES)].map((w) => [soundKey(w), w] as const),
);

function respelt(word: string): string {
  return word.length >= 5 && !/\d/.test(word) ? (BY_SOUND.get(soundKey(word)) ?? word) : word;
}

/**
 * The customer's item words in the catalogue's language: phrases of two words first ("masking tape"), product
 * kinds moved to the front, words already in the catalogue's language kept as they are.
 */
export function catalogueWords(words: readonly string[]): string[] {
  const kinds: string[] = [];
  const rest: string[] = [];
  const folded = words.map((w) => foldText(w));
  for (let i = 0; i < folded.length; i++) {
    const pair = `${folded[i]} ${folded[i + 1] ?? ''}`;
    if (KINDS[pair]) {
      kinds.push(KINDS[pair]);
      i++;
      continue;
    }
    const word = respelt(folded[i]!);
    if (KINDS[word]) kinds.push(KINDS[word]);
    else if (ATTRIBUTES[word]) rest.push(ATTRIBUTES[word]);
    else if (!NOTHING.has(word)) rest.push(word);
  }
  const translated = [...new Set([...kinds, ...rest])];
  // "2 galones de tinta": nothing but generic words is left as it was said.
  return translated.length > 0 ? translated : [...words];
}
