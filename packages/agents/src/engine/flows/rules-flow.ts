import { bestHit, quoteHit } from '../knowledge-answer.js';
import { call, data, failedCall, handoff, resultOf, say, type FlowInput, type StepOutput } from '../step.js';
import { KNOWLEDGE_TEXTS } from './knowledge-texts.js';

export const KNOWLEDGE_TOOL = 'search_knowledge';

/**
 * Opening hours, delivery zones and costs, payment methods, discounts: the business-rules collection
 * answers, quoted in the business's own words (its figures pass the figures check because they are the
 * tool's). One search, one answer: two model steps.
 */
export function rulesFlow({ view, language }: FlowInput): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  if (!view.tools.has(KNOWLEDGE_TOOL))
    return handoff(
      view,
      'out_of_scope',
      'A business-rules question, and no knowledge search is configured for this specialist.',
    );
  const found = resultOf(view, KNOWLEDGE_TOOL);
  if (!found)
    return call(view, [[KNOWLEDGE_TOOL, { collection: 'business_rules', query: view.text, topK: 5 }]]);
  const hit = bestHit(data(found)?.results ?? [], view.text);
  if (!hit)
    return handoff(view, 'out_of_scope', 'A business-rules question the knowledge base does not answer.');
  return say(withIntro(KNOWLEDGE_TEXTS[language].intro, quoteHit(hit)));
}

export function withIntro(intro: string, text: string): string {
  return intro ? `${intro}\n\n${text}` : text;
}
