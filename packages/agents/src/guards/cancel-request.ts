import { foldText } from '@mcp-crew/core';

// "Cancélala", "anula la cotización", "ya no la necesito", "pode cancelar", "cancel it" (folded, whole words).
const CANCEL =
  /\b(?:cancel\w*|anul\w*|ya no (?:la|lo|las|los) (?:necesito|quiero|voy a necesitar)|olvid(?:a|e|alo|ala|ate|emos) (?:la cotizacion|el pedido|eso|todo)|desisto|nao quero mais|esquece|never ?mind|call (?:it|the order) off|scrap (?:it|the order))\b/;
// "Cancelar la cita" is about a visit, not the quotation.
const VISIT = /\b(?:cita|visita|appointment|visit|agenda\w*)\b/;

/** Whether the customer asks to cancel their quotation or order (not a visit, and not "no lo cancele"). */
export function asksToCancel(text: string): boolean {
  const folded = foldText(text);
  if (VISIT.test(folded) || /\bno (?:la|lo|me|le)? ?(?:cancel|anul)\w*/.test(folded)) return false;
  return CANCEL.test(folded);
}
