import type { LanguageModelV3 } from '@ai-sdk/provider';
import { detectLanguage, type Language } from '@mcp-crew/core';
import { createStepModel } from '../model/step-model.js';
import { detectIntent, type Intent } from './detect-intent.js';
import { parseItems, type RequestedItem } from './parse-items.js';
import { bookingFlow } from './flows/booking-flow.js';
import { confirmFlow } from './flows/confirm-flow.js';
import { quoteFlow } from './flows/quote-flow.js';
import { rulesFlow } from './flows/rules-flow.js';
import { searchFlow } from './flows/search-flow.js';
import { statusFlow } from './flows/status-flow.js';
import { supportFlow } from './flows/support-flow.js';
import { viewPrompt } from './prompt-view.js';
import { alsoAnswerRules } from './flows/also-rules.js';
import { editFlow } from './flows/edit-flow.js';
import { laterFlow } from './flows/later-flow.js';
import { staffStep } from './staff/staff-flows.js';
import { handoff, say, type StepOutput } from './step.js';
import { textsFor } from './texts.js';

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
  const intent: Intent = waiting ? { kind: 'quote', items: waiting, mode: 'create' } : detected;
  switch (intent.kind) {
    case 'human':
      return handoff(view, 'customer_asked', 'The customer asked for a person.');
    case 'angry':
      return handoff(
        view,
        'customer_asked',
        'The customer is upset or complaining formally: a person should answer.',
      );
    case 'later':
      return laterFlow(input);
    case 'edit':
      return editFlow(input);
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
      return alsoAnswerRules(input, quoteFlow(input, intent.items, intent.mode));
    case 'search':
      return searchFlow(input);
    case 'greeting':
      return say(view.context?.greeting ?? '👋');
    case 'thanks':
      return say(textsFor(language).thanks);
    case 'unknown':
      // A person is paged after the second message in a row the engine cannot place, not the first.
      if (view.earlier.length > 0 && detectIntent(view.earlier.at(-1)!, undefined).kind === 'unknown') {
        return handoff(
          view,
          'out_of_scope',
          `Two messages in a row not handled automatically: ${intent.why}.`,
        );
      }
      return say(textsFor(language).notUnderstood);
  }
}

/** The items of the customer's previous message when this one gives contact details and nothing is quoted yet. */
function itemsAwaitingDetails(view: ReturnType<typeof viewPrompt>): RequestedItem[] | undefined {
  if (view.context?.quotation || !/[\w.+-]+@[\w-]+\.|\d{7,}/.test(view.text.replace(/\s/g, '')))
    return undefined;
  const previous = view.earlier.at(-1);
  const items = previous ? parseItems(previous) : [];
  return items.length > 0 ? items : undefined;
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
