import { areaIn, estimateFromArea } from '../area-estimate.js';
import { bestHit, quoteHit } from '../knowledge-answer.js';
import type { AgentToolCall } from '../step.js';
import { call, data, failedCall, handoff, resultOf, say, type FlowInput, type StepOutput } from '../step.js';
import { KNOWLEDGE_TEXTS } from './knowledge-texts.js';
import { KNOWLEDGE_TOOL, KNOWLEDGE_TOP_K, inLanguage } from './rules-flow.js';

export const TICKET_TOOL = 'odoo_open_ticket';

/**
 * Warranty, returns and product problems from the support procedures. When the customer describes a defect
 * (peeling, bubbles, mould…), a ticket is opened in the same step as the search, so a person follows up;
 * otherwise the reply offers one.
 */
export function supportFlow({ view, language }: FlowInput, defect: boolean): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  if (!view.tools.has(KNOWLEDGE_TOOL))
    return handoff(
      view,
      'out_of_scope',
      'A support question, and no knowledge search is configured for this specialist.',
    );
  const t = KNOWLEDGE_TEXTS[language];
  const canOpen = defect && view.tools.has(TICKET_TOOL);
  const found = resultOf(view, KNOWLEDGE_TOOL, { collection: 'support_procedures' });
  if (!found) {
    const search: AgentToolCall = [
      KNOWLEDGE_TOOL,
      { collection: 'support_procedures', query: view.text, topK: KNOWLEDGE_TOP_K, language },
    ];
    if (!canOpen) return call(view, [search]);
    const partner = view.context?.partner;
    const description = view.text.trim();
    return call(view, [
      search,
      [
        TICKET_TOOL,
        {
          subject: t.ticketSubject(firstLine(view.text)),
          description,
          ...(partner ? { customer_id: partner.id } : {}),
          priority: 'normal',
        },
      ],
    ]);
  }
  const results = data(found)?.results ?? [];
  // "¿Cuánto vinilo necesito para 40 m²?": the procedure that states the product's coverage, and the estimate.
  const sized = areaIn(view.text)
    ? results
        .map((h) => ({ h, estimate: estimateFromArea(view.text, h.text, language) }))
        .find((e) => e.estimate)
    : undefined;
  const hit = sized?.h ?? bestHit(results, view.text);
  if (!hit) return handoff(view, 'out_of_scope', 'A support question the procedures do not answer.');
  const quoted = inLanguage(hit, language, quoteHit(hit, 800));
  const procedure = sized?.estimate ? `${sized.estimate}\n\n${quoted}` : quoted;
  const ticket = data(resultOf(view, TICKET_TOOL));
  if (ticket) return say(`${procedure}\n\n${t.ticketOpened(ticket.ticket_id)}`);
  return say(defect ? `${procedure}\n\n${t.offerTicket}` : procedure);
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}
