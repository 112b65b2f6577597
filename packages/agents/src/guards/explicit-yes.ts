import { tokenize } from '@mcp-crew/core';

// Words that say yes on their own (folded: no accents).
const YES = new Set(['si', 'dale', 'confirmo', 'confirmala', 'confirmalo', 'confirma', 'confirmar', 'claro', 'listo', 'hagale', 'acuerdo', 'sim', 'pode', 'yes', 'yep', 'confirm', 'confirmed', 'sure', 'ahead']);
// Words that may stand beside a yes without changing it ("sí, confírmala por favor", "yes please, go ahead").
const FILLER = new Set(['de', 'por', 'favor', 'porfa', 'el', 'la', 'lo', 'mi', 'pedido', 'cotizacion', 'orden', 'esa', 'esta', 'ya', 'gracias', 'o', 'a', 'meu', 'minha', 'orcamento', 'obrigado', 'obrigada', 'please', 'go', 'it', 'the', 'my', 'order', 'quote', 'thanks', 'do', 'esta', 'perfecto', 'perfeito', 'ok', 'vale', 'bueno', 'senor', 'senora']);

/**
 * True when a message is an explicit yes ("sí", "sí, confírmala", "dale", "confirmo", "sim", "yes") and
 * nothing else: a question, a condition or any extra request ("sí, pero a precio 0") is not a yes.
 */
export function isExplicitYes(text: string): boolean {
  if (text.includes('?')) return false;
  const tokens = tokenize(text);
  if (tokens.length === 0 || tokens.length > 8) return false;
  return tokens.some((t) => YES.has(t)) && tokens.every((t) => YES.has(t) || FILLER.has(t));
}
