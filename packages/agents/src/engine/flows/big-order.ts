import type { SalesSettings } from '@mcp-crew/core';
import type { RequestedItem } from '../parse-items.js';
import type { FoundProduct } from '../rank-products.js';
import { call, data, HANDOFF_TOOL, resultOf, say, type FlowInput, type StepOutput } from '../step.js';
import { textsFor } from '../texts.js';

export const LEAD_TOOL = 'odoo_create_lead';

/** One line of a request, resolved to its product. */
export interface ResolvedLine {
  item: RequestedItem;
  product: FoundProduct;
}

/** Whether the request is above the tenant's big-order thresholds (units of one line, or its list-price total). */
export function isBigOrder(lines: ResolvedLine[], settings: SalesSettings | undefined): boolean {
  if (!settings) return false;
  if (lines.some((l) => l.item.quantity > settings.bigOrderUnits)) return true;
  return settings.bigOrderAmount !== undefined && estimate(lines) > settings.bigOrderAmount;
}

function estimate(lines: ResolvedLine[]): number {
  return lines.reduce((sum, l) => sum + l.product.price * l.item.quantity, 0);
}

/**
 * "Para una obra necesito 200 galones": a salesperson quotes an order this big (volume price, stock, delivery).
 * A CRM lead with the lines and an estimate at list price, then a handoff; the customer is told who follows up.
 */
export function bigOrderFlow(
  { view, language }: FlowInput,
  lines: ResolvedLine[],
  contact: { customerId?: number; name?: string },
): StepOutput {
  const t = textsFor(language);
  const described = lines.map((l) => `${l.item.quantity} × ${l.product.name}`);
  const lead = resultOf(view, LEAD_TOOL);
  if (!lead) {
    const { phone, email } = view.context?.contact ?? {};
    return call(view, [
      [
        LEAD_TOOL,
        {
          title: t.bigOrderTitle(described.join(', ')).slice(0, 200),
          ...(contact.customerId ? { customer_id: contact.customerId } : {}),
          ...(contact.name ? { contact_name: contact.name } : {}),
          ...(phone ? { phone } : {}),
          ...(email ? { email } : {}),
          expected_revenue: estimate(lines),
          description: `${described.join('\n')}\n\n${view.text.trim()}`.slice(0, 5000),
          opportunity: true,
        },
      ],
    ]);
  }
  const leadId = data(lead)?.lead_id;
  if (!resultOf(view, HANDOFF_TOOL))
    return [
      {
        type: 'tool-call',
        toolCallId: `${HANDOFF_TOOL}-${view.results.length}`,
        toolName: HANDOFF_TOOL,
        input: JSON.stringify({
          reason: 'escalation_rule',
          note: `Big order (above the tenant's threshold): ${described.join(', ')}. CRM lead #${leadId ?? '?'} created; a salesperson should quote it (volume price, stock, delivery).`,
        }),
      },
    ];
  return say(t.bigOrder(described));
}
