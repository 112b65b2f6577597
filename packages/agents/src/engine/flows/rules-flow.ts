import type { Language } from '@mcp-crew/core';
import { bestHit, quoteHit, type KnowledgeHitView } from '../knowledge-answer.js';
import { mentions } from '../lexicon.js';
import { paymentMethodAnswers } from '../payment-methods.js';
import { call, data, failedCall, handoff, resultOf, say, type FlowInput, type StepOutput } from '../step.js';
import { hoursAnswer } from './hours-answer.js';
import { KNOWLEDGE_TEXTS } from './knowledge-texts.js';
import { CLAUSE } from './also-answer.js';

export const KNOWLEDGE_TOOL = 'search_knowledge';
/** MCP-MongoDB's tool over the tenant's `opening_hours` business data (what the admin API edits). */
export const OPENING_HOURS_TOOL = 'business_get_opening_hours';
/** A rules or procedures collection holds a few dozen texts: enough hits for `bestHit` to choose by the question's words. */
export const KNOWLEDGE_TOP_K = 10;

/**
 * Opening hours, delivery zones and costs, payment methods, discounts: the business-rules collection
 * answers, quoted in the business's own words (its figures pass the figures check because they are the
 * tool's). One search, one answer: two model steps. An opening-hours question is answered from the tenant's
 * hours data first (edited through the admin API); without that data (the tool fails: no dataset, or is not
 * offered) the collection's text answers.
 */
export function rulesFlow({ view, language }: FlowInput): StepOutput {
  const failed = failedCall(view, OPENING_HOURS_TOOL);
  if (failed) return failed;
  if (mentions(view.text, 'hours') && view.tools.has(OPENING_HOURS_TOOL)) {
    const hours = resultOf(view, OPENING_HOURS_TOOL);
    if (!hours) return call(view, [[OPENING_HOURS_TOOL, {}]]);
    const known = data(hours);
    if (known) {
      const answer = hoursAnswer(known, view.text, language);
      // "¿horario y cómo los contacto?": the rest of the question is the knowledge's, quoted after the hours.
      if (!asksMoreThanHours(view.text) || !view.tools.has(KNOWLEDGE_TOOL)) return say(answer);
      const found = resultOf(view, KNOWLEDGE_TOOL, { collection: 'business_rules' });
      if (!found)
        return call(view, [
          [
            KNOWLEDGE_TOOL,
            { collection: 'business_rules', query: view.text, topK: KNOWLEDGE_TOP_K, language },
          ],
        ]);
      const hit = bestHit(data(found)?.results ?? [], view.text);
      const rest = hit && !HOURS_TEXT.test(hit.source) ? inLanguage(hit, language, quoteHit(hit)) : undefined;
      return say(rest ? `${answer}\n\n${rest}` : answer);
    }
  }
  if (!view.tools.has(KNOWLEDGE_TOOL))
    return handoff(
      view,
      'out_of_scope',
      'A business-rules question, and no knowledge search is configured for this specialist.',
    );
  // A marketplace takes the payment itself: the shop's own accounts and wallets are never offered there.
  if (view.context?.paymentOnPlatform && mentions(view.text, 'payment'))
    return say(KNOWLEDGE_TEXTS[language].platformPayment);
  const found = resultOf(view, KNOWLEDGE_TOOL, { collection: 'business_rules' });
  if (!found)
    return call(view, [
      [KNOWLEDGE_TOOL, { collection: 'business_rules', query: view.text, topK: KNOWLEDGE_TOP_K, language }],
    ]);
  const results = data(found)?.results ?? [];
  const hit = bestHit(results, view.text);
  if (!hit)
    return handoff(view, 'out_of_scope', 'A business-rules question the knowledge base does not answer.');
  // "¿Cuánto vale el domicilio a Belén y se puede pagar con Nequi?": each question its own text, once.
  const hits = [
    ...new Set([
      hit,
      ...view.text
        .split(CLAUSE)
        .filter((clause) => mentions(clause, 'rules'))
        .map((clause) => bestHit(results, clause))
        .filter((h): h is KnowledgeHitView => h !== undefined),
    ]),
  ];
  // "¿Reciben PayPal?": a yes or no for each way to pay the customer names, before the business's own text.
  const direct = mentions(view.text, 'payment')
    ? paymentMethodAnswers(view.text, results.map((r) => r.text).join('\n'), language)
    : [];
  const quoted = hits.map((h) => inLanguage(h, language, quoteHit(h, hits.length > 1 ? 700 : 900)));
  return say([...(direct.length ? [direct.join(' ')] : []), ...quoted].join('\n\n'));
}

/** The knowledge's own hours text (`horarios.md`): the hours data answers for it. */
const HOURS_TEXT = /(^|\/)horarios(\.[a-z]{2})?\.md$/;

/** Whether the question names another business-rules topic besides the hours ("y cómo los contacto"). */
function asksMoreThanHours(text: string): boolean {
  return mentions(text, 'otherRules');
}

/**
 * A quoted text for a customer of `language`: as it is when the knowledge has it in their language, else with
 * a line saying which language it is in (the engine does not machine-translate the business's words).
 */
export function inLanguage(hit: KnowledgeHitView, language: Language, text: string): string {
  if ((hit.language ?? 'es') === language) return text;
  return `${KNOWLEDGE_TEXTS[language].untranslated(hit.language ?? 'es')}\n\n${text}`;
}
