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
  'fechou',
  'andale',
  'hagamoslo',
  'hecho',
  'sisas',
  'simon',
  'sip',
  'sipi',
  'aja',
  // "Perfecto, mándalo": send the order.
  'mandalo',
  'mandala',
  'mandamelo',
  'mandamela',
  'envialo',
  'enviala',
  'despachalo',
  'despachala',
  'obvio',
  'alright',
  'perfect',
  'deal',
  'absolutely',
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
  [/\blet'?s do it\b|\bthat works(?: for me)?\b|\bworks for me\b|\ball right\b/g, 'yes'],
  [/\bde una\b/g, 'deuna'],
  [/\bsounds good\b|\blooks good\b|\bgo for it\b|\bdo it\b/g, 'yes'],
  [/\blet'?s go with (?:that|it|this)\b|\bi'?ll take it\b|\bwe'?ll take it\b/g, 'yes'],
  [/\bde acuerdo\b/g, 'acuerdo'],
  // "Esa me sirve", "me parece bien", "así está bien", "me lo llevo", "va que va", "trato hecho".
  [
    /\b(?:me|nos) (?:sirve|sirven|parece bien|parece perfecto|queda bien|lo llevo|la llevo|los llevo)\b/g,
    'si',
  ],
  [
    /\b(?:asi )?esta (?:bien|perfecto)\b|\bva que va\b|\btrato hecho\b|\bclaro que si\b|\bpor supuesto\b/g,
    'si',
  ],
  [/\bpode ser\b|\bisso mesmo\b|\bmanda ver\b|\bpode mandar\b/g, 'sim'],
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
  'pues',
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
  'place',
  'fazer',
  'faz',
  'es',
  'ai',
  'entao',
  // A word for the person spoken to ("hágale pues parce", "sale wey", "dale che", "bora mano").
  'parce',
  'parcero',
  'parcera',
  'mano',
  'hermano',
  'amigo',
  'amiga',
  'wey',
  'guey',
  'che',
  'bro',
  'mijo',
  'mija',
  'cuate',
  'tio',
  'tia',
  'cara',
  'man',
  'dude',
]);

// The action's own verb beside a yes names what is already pending ("sí dale, cancélala" to "¿cancelo la
// cotización?"); it says yes to that action only, never to another one.
const ACTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  odoo_cancel_quotation: new Set([
    'cancela',
    'cancelala',
    'cancelalo',
    'cancelar',
    'cancelarla',
    'cancelarlo',
    'cancelada',
    'anula',
    'anulala',
    'anulalo',
    'anular',
    'cancel',
    'cancelled',
    'canceled',
  ]),
  odoo_confirm_quotation: new Set(['confirmala', 'confirmalo', 'confirma', 'confirmar', 'fechar', 'fecha']),
};

/** A yes word, or "confirm" with any ending the customer glues to it ("confírmamelo", "confirmemos"). */
function isYesWord(token: string): boolean {
  return YES.has(token) || /^confirm(?:a|e|o|ar|ad|em)/.test(token);
}

/**
 * True when a message is an explicit yes ("sí", "sí, confírmala", "dale", "confirmo", "sim", "yes") and
 * nothing else: a question, a condition or any extra request ("sí, pero a precio 0") is not a yes. With the
 * pending action's tool, its own verb may stand beside the yes ("sí, cancélala").
 */
export function isExplicitYes(text: string, pendingTool?: string): boolean {
  if (text.includes('?')) return false;
  let folded = foldText(text);
  for (const [phrase, word] of YES_PHRASES) folded = folded.replace(phrase, word);
  // "No" beside a yes word ("no, listo no") is not a yes; "dale, cerralo nomás" is.
  const tokens = tokenize(folded);
  if (tokens.includes('no') && !tokens.includes('nomas')) return false;
  if (tokens.length === 0 || tokens.length > 8) return false;
  const action = pendingTool ? ACTION_WORDS[pendingTool] : undefined;
  return tokens.some(isYesWord) && tokens.every((t) => isYesWord(t) || FILLER.has(t) || !!action?.has(t));
}
