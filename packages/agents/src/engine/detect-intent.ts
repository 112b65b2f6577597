import { isExplicitYes } from '../guards/explicit-yes.js';
import { onlyTime, yesToSlot } from '../guards/slot-choice.js';
import { foldText } from '@mcp-crew/core';
import type { TurnFacts } from '../turn/turn-facts.js';
import { mentions, mentionsAny, onlyPleasantries, orderReference } from './lexicon.js';
import { looksLikeCartEdit } from './cart-edit.js';
import { areaIn } from './area-estimate.js';
import { asksToCancel } from '../guards/cancel-request.js';
import { parseItems, type RequestedItem } from './parse-items.js';

export type Intent =
  | { kind: 'human' }
  | { kind: 'confirm' }
  | { kind: 'status' }
  | { kind: 'booking' }
  | { kind: 'rules' }
  | { kind: 'support'; defect: boolean }
  | { kind: 'quote'; items: RequestedItem[]; mode: 'create' | 'add' }
  | { kind: 'search' }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'bye' }
  | { kind: 'later' }
  | { kind: 'edit' }
  | { kind: 'cancel' }
  | { kind: 'angry' }
  | { kind: 'out_of_scope' }
  | { kind: 'nothing_pending' }
  | { kind: 'unknown'; why: string };

/** A message mostly in capitals with several exclamation marks reads as shouting. */
function shouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 20 && letters === letters.toUpperCase() && /!{2,}/.test(text);
}

/** What the customer wants, from their latest message and what the conversation has (a quotation, a pending yes). */
export function detectIntent(text: string, context: TurnFacts | undefined): Intent {
  // "Persona natural / jurídica" is a kind of customer on an invoice, not a person to talk to.
  const asksPerson = mentions(text.replace(LEGAL_PERSON, ' '), 'human') || asksForSomeone(text);
  if (asksPerson || mentions(text, 'angry') || shouting(text))
    return { kind: asksPerson ? 'human' : 'angry' };
  if (context?.pendingConfirmation?.tool === 'odoo_book_appointment' && yesToSlot(text))
    return { kind: 'confirm' };
  // "A las 10 de la mañana" after an offer of times, without a yes: the offer again, that time first.
  if (context?.pendingConfirmation?.tool === 'odoo_book_appointment' && onlyTime(text))
    return { kind: 'booking' };
  if (isExplicitYes(text, context?.pendingConfirmation?.tool))
    return context?.pendingConfirmation
      ? { kind: 'confirm' }
      : onlyPleasantries(text)
        ? { kind: 'thanks' }
        : { kind: 'nothing_pending' };
  // "No, todavía no, lo pienso": with a quotation or a visit waiting for a yes, the draft stays as it is.
  if (context?.pendingConfirmation && mentions(text, 'later')) return { kind: 'later' };
  // "Cancélala, ya no la necesito": read back to the customer, cancelled on their yes.
  if (context?.quotation && asksToCancel(text)) return { kind: 'cancel' };
  // With a working quotation, "quítale los rodillos", "que sean 4", "no el esmalte, el vinilo" change it.
  if (
    context?.quotation &&
    // "Súmale otro igual" adds nothing new: more of a line, an edit.
    (!mentions(text, 'add') || parseItems(text).length === 0) &&
    looksLikeCartEdit(text) &&
    (parseItems(text).length === 0 || !mentions(text, 'buy'))
  )
    return { kind: 'edit' };
  // "Mejor mándame 3 del vinilo": a quantity of a product spoken of already is a change to its line.
  if (context?.quotation && !mentions(text, 'add') && looksLikeCartEdit(text)) {
    const said = parseItems(text);
    if (said.length === 1 && said[0]!.definite) return { kind: 'edit' };
  }
  if (context?.pendingConfirmation && /^\W*no\b/i.test(text.trim())) return { kind: 'later' };
  // "Mi pedido llegó dañado" is a support case, not an order-status question.
  if (mentionsAny(text, context?.words?.defects) || mentions(text, 'complaint'))
    return { kind: 'support', defect: true };
  if (orderReference(text) || asksAboutOrder(text)) return { kind: 'status' };
  // "Cotízame 2 galones… y también quiero agendar una visita": the quotation first, the visit beside it.
  if (
    mentions(text, 'booking') &&
    // "Una cita", "a technical visit" are no products.
    parseItems(withoutTimes(text)).every((i) => i.words.some((w) => BOOKING_NOUNS.has(w)))
  )
    return { kind: 'booking' };
  // "¿Cuánto vinilo necesito para una pared de 5 x 3?": an area with no packaging asks for an estimate.
  if (
    mentions(text, 'support') ||
    mentionsAny(text, context?.words?.productCare) ||
    (areaIn(text) && parseItems(text).every((i) => !i.unit))
  )
    return { kind: 'support', defect: false };
  // "Si les compro 10 galones, ¿me hacen descuento?": a purchase supposed, the question is the rule.
  if (mentions(text, 'rules') && HYPOTHETICAL.test(foldText(text))) return { kind: 'rules' };
  // "¿A qué hora abren?" reads like "a(n) hora" to the item parser: a rules word without a buying word wins.
  if (mentions(text, 'rules') && !mentions(text, 'buy')) return { kind: 'rules' };
  const items = parseItems(text);
  // "¿Tienen 10 galones de vinilo?" asks about stock; "necesito 10 galones" asks for a quotation.
  // "¿Tienen 20 galones de …? los necesito el sábado" asks about stock first: answered with what there is.
  const stockQuestion = /^\W*(?:buenas\W+)?(?:tienen|tiene|hay|tem|do you have)\b[^?]*\?/i.test(text.trim());
  const severalAsked =
    mentions(text, 'priceOfQuantity') && (items.length > 1 || items.some((i) => i.quantity > 1));
  if (
    items.length > 0 &&
    !stockQuestion &&
    (mentions(text, 'buy') || !mentions(text, 'product') || severalAsked)
  )
    return { kind: 'quote', items, mode: context?.quotation && mentions(text, 'add') ? 'add' : 'create' };
  if (mentions(text, 'rules')) return { kind: 'rules' };
  if (mentions(text, 'product')) return { kind: 'search' };
  const pleasantry = onlyPleasantries(text);
  if (pleasantry) return { kind: pleasantry };
  if (context?.quotation && mentions(text, 'later')) return { kind: 'later' };
  if (mentions(text, 'staffOnly')) return { kind: 'out_of_scope' };
  return { kind: 'unknown', why: 'the offline engine did not recognise the request' };
}

// "A las 9", "às 3 da tarde", "at 10am": times of day, which the item parser would count as quantities.
const TIMES =
  /\b(?:(?:a las|las|as|at|a la|para las)\s+\d{1,2}(?:[:.h]\d{2})?|\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|a m|p m))(?:\s*(?:de la (?:manana|tarde|noche)|da (?:manha|tarde|noite)|in the (?:morning|afternoon)))?/g;

const BOOKING_NOUNS = new Set(['cita', 'visita', 'visit', 'appointment', 'asesoria', 'consulta']);

function withoutTimes(text: string): string {
  return foldText(text).replace(TIMES, ' ');
}

const HYPOTHETICAL =
  /\b(?:si (?:les |le |te )?(?:compro|llevo|pido|compramos|llevamos|pedimos|hago (?:el|un|la) (?:pedido|compra))|if (?:i|we) (?:buy|order|get)|se (?:eu )?(?:comprar|levar))\b/;

const LEGAL_PERSON = /\b(?:persona|pessoa)\s+(?:natural|jur[ií]dica|f[ií]sica)\b/gi;

// "Quiero hablar con el dueño", "can I speak to a manager": talking to someone in charge, whoever they are.
const SOMEONE_IN_CHARGE =
  /\b(?:habl[a-z]*|comuni[a-z]*|pas[ae](?:me|r|rme)?|transfer[a-z]*|transfier[a-z]*|conect[a-z]*|falar|speak|talk|escalate(?: this| it)?|put me through|connect me)\s+(?:con|com|to|with|para)\s+(?:el|la|los|un|una|o|a|the|your|su|tu)?\s*(?:dueno|duena|gerente|encargad[oa]|supervisor(?:a)?|jefe|jefa|administrador(?:a)?|responsable|dono|dona|responsavel|manager|owner|supervisor|boss)\b/;

function asksForSomeone(text: string): boolean {
  return SOMEONE_IN_CHARGE.test(foldText(text));
}

/** "¿Cómo va mi pedido?", "pagué y no me llega": an order's status; "where is your store?" is not one. */
function asksAboutOrder(text: string): boolean {
  return mentions(text, 'orderStatus') || (mentions(text, 'orderWhere') && mentions(text, 'orderNoun'));
}
