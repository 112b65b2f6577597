import { call, data, failedCall, handoff, resultOf, say, type FlowInput, type StepOutput } from '../step.js';

export const KNOWLEDGE_TOOL = 'search_knowledge';

interface Hits { results: Array<{ text: string; score: number }> }

/** Opening hours, delivery, payment: the business-rules collection answers, in the business's own words. */
export function rulesFlow({ view }: FlowInput): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  if (!view.tools.has(KNOWLEDGE_TOOL)) return handoff(view, 'out_of_scope', 'A business-rules question, and no knowledge search is configured for this specialist.');
  const found = resultOf(view, KNOWLEDGE_TOOL);
  if (!found) return call(view, [[KNOWLEDGE_TOOL, { collection: 'business_rules', query: view.text, topK: 1 }]]);
  const hit = data<Hits>(found)?.results[0];
  if (!hit) return handoff(view, 'out_of_scope', 'A business-rules question the knowledge base does not answer.');
  return say(trimTo(hit.text, 700));
}

function trimTo(text: string, max: number): string {
  const clean = text.replace(/^#+\s.*\n+/gm, '').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('. ') + 1)).trim();
}
