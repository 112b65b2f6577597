import type { ConversationState, SpecialistResult } from '@mcp-crew/core';
import type { ToolCallRecord } from '../tools/tool-call-record.js';

type Facts = Pick<ConversationState, 'partner' | 'quotation' | 'orderIds' | 'pendingConfirmation'>;
const QUOTE_TOOLS = new Set(['odoo_create_quotation', 'odoo_update_quotation_lines']);

/**
 * What the conversation remembers after a turn, from the tools that ran (never from the model's text):
 * the partner, the working quotation, the orders it created, and a pending confirmation when the reply
 * showed the customer a draft quotation's summary (valid for the next turn only).
 */
export function learn(before: Facts, records: ToolCallRecord[], reply: string | undefined, now = new Date()): NonNullable<SpecialistResult['state']> {
  let { partner, quotation } = before;
  const orderIds = new Set(before.orderIds ?? []);
  let summarised: { id: number; name: string } | undefined;
  for (const record of records) {
    if (!record.ok || !record.result) continue;
    const r = record.result;
    if (QUOTE_TOOLS.has(record.tool) && typeof r['order_id'] === 'number') {
      quotation = { id: r['order_id'], name: String(r['name']) };
      orderIds.add(r['order_id']);
      if (!partner && typeof r['customer_id'] === 'number') partner = { id: r['customer_id'], name: String(r['customer'] ?? ''), verified: false };
      summarised = r['state'] === 'draft' || r['state'] === 'sent' ? quotation : undefined;
    }
    if ((record.tool === 'odoo_confirm_quotation' || record.tool === 'odoo_cancel_quotation') && typeof r['order_id'] === 'number') {
      orderIds.add(r['order_id']);
      if (quotation?.id === r['order_id']) quotation = undefined;
      summarised = undefined;
    }
  }
  const shown = summarised && reply?.includes(summarised.name) ? summarised : undefined;
  return {
    partner,
    quotation,
    orderIds: [...orderIds].slice(-20),
    pendingConfirmation: shown
      ? { tool: 'odoo_confirm_quotation', target: { orderId: shown.id }, summary: reply!.slice(0, 600), at: now.toISOString() }
      : undefined,
  };
}
