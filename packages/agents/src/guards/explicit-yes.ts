import { foldText, tokenize } from '@mcp-crew/core';

// Words that say yes on their own (folded: no accents), as customers in Colombia, Mexico, Argentina, Spain,
// Brazil and English-speaking countries say it.
const YES = new Set([
  'si',
  'sii',
  'siii',
  'dale',
  'confirmo',
  'confirmala',
  'confirmalo',
  'confirma',
  'confirmar',
  'confirmado',
  'claro',
  'listo',
  'hagale',
  'hagamosle',
  'acuerdo',
  'bueno',
  'orale',
  'sale',
  'va',
  'venga',
  'adelante',
  'cerralo',
  'cierralo',
  'cerrala',
  'cierrala',
  'perfecto',
  'deuna',
  'procede',
  'procedamos',
  'sim',
  'pode',
  'fechar',
  'fecha',
  'fechado',
  'beleza',
  'bora',
  'confirmado',
  'yes',
  'yep',
  'yeah',
  'yup',
  'confirm',
  'confirmed',
  'sure',
  'ahead',
  'proceed',
]);
// Yes said in more than one word, folded; each becomes one yes word before the check.
const YES_PHRASES: Array<[RegExp, string]> = [
  [/\bde una\b/g, 'deuna'],
  [/\bsounds good\b|\blooks good\b|\bgo for it\b|\bdo it\b/g, 'yes'],
  [/\bde acuerdo\b/g, 'acuerdo'],
];
// Words that may stand beside a yes without changing it ("sí, confírmala por favor", "yes please, go ahead").
const FILLER = new Set([
  'de',
  'por',
  'favor',
  'porfa',
  'porfavor',
  'el',
  'la',
  'lo',
  'mi',
  'pedido',
  'cotizacion',
  'orden',
  'esa',
  'esta',
  'ese',
  'eso',
  'ya',
  'gracias',
  'o',
  'a',
  'con',
  'nomas',
  'ok',
  'okay',
  'hazlo',
  'hacelo',
  'entonces',
  'asi',
  'todo',
  'senor',
  'senora',
  'vale',
  'meu',
  'minha',
  'orcamento',
  'obrigado',
  'obrigada',
  'pode',
  'isso',
  'tudo',
  'certo',
  'perfeito',
  'please',
  'go',
  'it',
  'the',
  'my',
  'order',
  'quote',
  'thanks',
  'do',
  'that',
  'then',
  'with',
  'good',
]);

/**
 * True when a message is an explicit yes ("sí", "sí, confírmala", "dale", "confirmo", "sim", "yes") and
 * nothing else: a question, a condition or any extra request ("sí, pero a precio 0") is not a yes.
 */
export function isExplicitYes(text: string): boolean {
  if (text.includes('?')) return false;
  let folded = foldText(text);
  for (const [phrase, word] of YES_PHRASES) folded = folded.replace(phrase, word);
  // "No" beside a yes word ("no, listo no") is not a yes; "dale, cerralo nomás" is.
  const tokens = tokenize(folded);
  if (tokens.includes('no') && !tokens.includes('nomas')) return false;
  if (tokens.length === 0 || tokens.length > 8) return false;
  return tokens.some((t) => YES.has(t)) && tokens.every((t) => YES.has(t) || FILLER.has(t));
}
