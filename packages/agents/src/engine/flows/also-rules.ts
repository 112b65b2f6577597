import { bestHit, quoteHit } from '../knowledge-answer.js';
import { mentions } from '../lexicon.js';
import { call, data, resultOf, type FlowInput, type StepOutput } from '../step.js';
import { inLanguage, KNOWLEDGE_TOOL, KNOWLEDGE_TOP_K } from './rules-flow.js';

/**
 * "Necesito 2 galones…, y ¿hacen domicilio a Itagüí?": when a message that a flow answered also asks a
 * business-rules question, the answer from the business's rules follows the flow's own reply. The flow is
 * re-run on every step with the same tool results, so its text is the same when the search comes back.
 */
export function alsoAnswerRules({ view, language }: FlowInput, answered: StepOutput): StepOutput {
  const text = answered.length === 1 && answered[0]!.type === 'text' ? answered[0]!.text : undefined;
  if (!text || !mentions(view.text, 'rules') || !view.tools.has(KNOWLEDGE_TOOL)) return answered;
  const found = resultOf(view, KNOWLEDGE_TOOL, { collection: 'business_rules' });
  if (!found)
    return call(view, [
      [KNOWLEDGE_TOOL, { collection: 'business_rules', query: view.text, topK: KNOWLEDGE_TOP_K, language }],
    ]);
  const hit = bestHit(data(found)?.results ?? [], view.text);
  return hit
    ? [{ type: 'text', text: `${text}\n\n${inLanguage(hit, language, quoteHit(hit, 700))}` }]
    : answered;
}
