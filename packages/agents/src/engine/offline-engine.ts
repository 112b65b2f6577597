import type { LanguageModelV3 } from '@ai-sdk/provider';
import { detectLanguage, foldText, type Language } from '@mcp-crew/core';
import { createStepModel } from '../model/step-model.js';
import { detectIntent, type Intent } from './detect-intent.js';
import { isOnlyAName, parseItems, singular, type RequestedItem } from './parse-items.js';
import { bookingFlow } from './flows/booking-flow.js';
import { confirmFlow } from './flows/confirm-flow.js';
import { quoteFlow } from './flows/quote-flow.js';
import { rulesFlow } from './flows/rules-flow.js';
import { searchFlow } from './flows/search-flow.js';
import { statusFlow } from './flows/status-flow.js';
import { supportFlow } from './flows/support-flow.js';
import { viewPrompt } from './prompt-view.js';
import { answerAll, extraParts } from './flows/also-answer.js';
import { cancelFlow, editFlow } from './flows/edit-flow.js';
import { laterFlow } from './flows/later-flow.js';
import { staffStep } from './staff/staff-flows.js';
import { handoff, say, type FlowInput, type StepOutput } from './step.js';
import { textsFor } from './texts.js';
import { laughs } from './lexicon.js';

/**
 * The offline intent engine: a `LanguageModelV3` that handles the common intents deterministically
 * (es/pt/en) through the same Mastra agent and tools a provider's model gets. It resolves customers and
 * products only through tools, states figures only from tool results, and hands anything it does not
 * understand to a person.
 */
export function createOfflineEngine(): LanguageModelV3 {
  return createStepModel({
    provider: 'mcp-crew',
    modelId: 'offline-intent-engine',
    step: async (options) => offlineStep(viewPrompt(options)),
  });
}

export function offlineStep(view: ReturnType<typeof viewPrompt>): StepOutput {
  const language = conversationLanguage(view);
  const input = { view, language };
  const detected = detectIntent(view.text, view.context);
  // A staff member in the Odoo copilot: their own flows where a customer's would be wrong.
  const staffed = view.context?.staff ? staffStep(input, detected) : undefined;
  if (staffed) return staffed;
  // "Camila Rojas, camila@…" after "necesito 2 galones…" was answered with a request for details: quote those items.
  const waiting =
    detected.kind === 'unknown' || detected.kind === 'nothing_pending'
      ? itemsAwaitingDetails(view)
      : undefined;
  // "El tipo 1" after "¿cuál de estos quieres?": the item asked about, with the words that pick it.
  const chosen =
    !waiting && ['unknown', 'search', 'nothing_pending'].includes(detected.kind)
      ? itemPicked(view)
      : undefined;
  const picked = waiting ?? chosen;
  const intent: Intent = picked
    ? { kind: 'quote', items: picked, mode: view.context?.quotation ? 'add' : 'create' }
    : detected;
  // "Necesito 2 galones…, y ¿hacen domicilio a Itagüí?": every request of the message is answered.
  const { own, extras, ownClauses } = extraParts(view.text, intent, view.context);
  const main = runIntent(own === view.text ? input : { ...input, view: { ...view, text: own } }, intent);
  return answerAll(input, main, extras, runIntent, { intent, text: ownClauses ?? own });
}

function runIntent(input: FlowInput, intent: Intent): StepOutput {
  const { view, language } = input;
  switch (intent.kind) {
    case 'human':
      return handoff(view, 'customer_asked', 'The customer asked for a person.');
    case 'angry':
      return handoff(
        view,
        'customer_asked',
        'The customer is upset or complaining formally: a person should answer.',
      );
    case 'out_of_scope':
      return handoff(
        view,
        'out_of_scope',
        'A back-office matter (certificates, statements, jobs) a person settles.',
      );
    case 'later':
      return laterFlow(input);
    case 'edit':
      return editFlow(input);
    case 'cancel':
      return cancelFlow(input);
    case 'bye':
      return say(textsFor(language).bye);
    case 'nothing_pending':
      return say(textsFor(language).nothingPending);
    case 'confirm':
      return confirmFlow(input);
    case 'status':
      return statusFlow(input);
    case 'booking':
      return bookingFlow(input);
    case 'support':
      return supportFlow(input, intent.defect);
    case 'rules':
      return rulesFlow(input);
    case 'quote':
      return quoteFlow(input, intent.items, intent.mode);
    case 'search':
      return searchFlow(input);
    case 'greeting':
      // The crew's own greeting is in the crew's language; a customer writing in another is greeted in theirs.
      return say(
        view.context?.greeting && language === (view.context.language ?? language)
          ? view.context.greeting
          : textsFor(language).greeting(view.context?.business ?? ''),
      );
    case 'thanks':
      return say(textsFor(language).thanks);
    case 'unknown':
      // A person is paged after the second message in a row the engine cannot place, not the first.
      // Chit-chat with a laugh ("jajaja ¿y tú de qué equipo eres?") is talk, not a failure to page for.
      if (
        view.earlier.length > 0 &&
        detectIntent(view.earlier.at(-1)!, undefined).kind === 'unknown' &&
        !laughs(view.text)
      ) {
        return handoff(
          view,
          'out_of_scope',
          `Two messages in a row not handled automatically: ${intent.why}.`,
        );
      }
      return say(textsFor(language).notUnderstood);
  }
}

/**
 * The items of the customer's latest request (within their last three messages) when this message gives
 * the details asked for it (a name, an e-mail or a phone) and nothing is quoted yet.
 */
function itemsAwaitingDetails(view: ReturnType<typeof viewPrompt>): RequestedItem[] | undefined {
  const details = /[\w.+-]+@[\w-]+\.|\d{7,}/.test(view.text.replace(/\s/g, '')) || isOnlyAName(view.text);
  if (view.context?.quotation || !details) return undefined;
  for (const earlier of view.earlier.slice(-3).reverse()) {
    const items = parseItems(earlier);
    if (items.length > 0) return items;
  }
  return undefined;
}

// Words that go with a choice without naming it ("el de tipo 1, porfa", "ese", "quiero el esmalte").
const CHOICE_NOISE = new Set(
  'el la los las de del ese esa eso este esta mejor quiero dame porfa por favor o the one that this please o a um uma'.split(
    ' ',
  ),
);

/** The previous message's one item with the words of this short answer, when the crew had asked which product. */
function itemPicked(view: ReturnType<typeof viewPrompt>): RequestedItem[] | undefined {
  const previous = view.earlier.at(-1);
  const [item, ...more] = previous ? parseItems(previous) : [];
  if (!item || more.length > 0 || !view.lastReply?.includes(item.said)) return undefined;
  if (parseItems(view.text).length > 0) return undefined;
  const words = foldText(view.text)
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w && !CHOICE_NOISE.has(w));
  if (words.length === 0 || words.length > 5) return undefined;
  return [{ ...item, words: [...item.words, ...words.map(singular)] }];
}

/**
 * The customer's language: this message's when it can be told, else that of their earlier messages ("sí" after
 * a Portuguese conversation is Portuguese), else the crew's.
 */
function conversationLanguage(view: ReturnType<typeof viewPrompt>): Language {
  // A pasted JSON or code block says nothing about the language the customer speaks.
  const own = /^\s*[{[<]/.test(view.text) ? undefined : detectLanguage(view.text);
  if (own) return own;
  for (const earlier of [...view.earlier].reverse()) {
    const found = detectLanguage(earlier);
    if (found) return found;
  }
  return view.context?.language ?? 'es';
}
