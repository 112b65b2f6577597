import type { ConversationState, SpecialistResult } from '@mcp-crew/core';
import type { ToolCallRecord } from '../tools/tool-call-record.js';
import { offerSummary } from './offered-slots.js';

type Facts = Pick<ConversationState, 'partner' | 'quotation' | 'orderIds' | 'pendingConfirmation'>;
const QUOTE_TOOLS = new Set(['odoo_create_quotation', 'odoo_update_quotation_lines']);
// Tools whose use ends whatever confirmation was pending (it was carried out, or the offer changed).
const TOUCHING = new Set([
  'odoo_confirm_quotation',
  'odoo_cancel_quotation',
  'odoo_book_appointment',
  'odoo_free_slots',
]);

/**
 * What the conversation remembers after a turn, from the tools that ran (never from the model's text):
 * the partner, the working quotation, the orders it created, and a pending confirmation when the reply
 * showed the customer a draft quotation's summary. A turn that touched neither the quotation nor a visit
 * (a question before the yes: "¿incluye el domicilio?") keeps the pending confirmation as it was.
 */
export function learn(
  before: Facts,
  records: ToolCallRecord[],
  reply: string | undefined,
  now = new Date(),
): NonNullable<SpecialistResult['state']> {
  let { partner, quotation } = before;
  const orderIds = new Set(before.orderIds ?? []);
  let summarised: { id: number; name: string } | undefined;
  const touched = records.some((r) => QUOTE_TOOLS.has(r.tool) || TOUCHING.has(r.tool));
  for (const record of records) {
    if (!record.ok || !record.result) continue;
    const r = record.result;
    // A customer record this conversation created is linked to it, like one found by phone or e-mail.
    if (record.tool === 'odoo_upsert_customer' && r['created'] === true && typeof r['id'] === 'number' && !partner?.verified)
      partner = { id: r['id'], name: String(r['name'] ?? ''), verified: true };
    if (QUOTE_TOOLS.has(record.tool) && typeof r['order_id'] === 'number') {
      quotation = { id: r['order_id'], name: String(r['name']) };
      orderIds.add(r['order_id']);
      if (!partner && typeof r['customer_id'] === 'number')
        partner = { id: r['customer_id'], name: String(r['customer'] ?? ''), verified: false };
      summarised = r['state'] === 'draft' || r['state'] === 'sent' ? quotation : undefined;
    }
    // A customer this conversation created is its customer: identified by what they gave, not a typed name.
    if (
      record.tool === 'odoo_upsert_customer' &&
      r['created'] === true &&
      typeof r['id'] === 'number' &&
      !partner
    ) {
      partner = { id: r['id'], name: String(r['name'] ?? ''), verified: true };
    }
    if (
      (record.tool === 'odoo_confirm_quotation' || record.tool === 'odoo_cancel_quotation') &&
      typeof r['order_id'] === 'number'
    ) {
      orderIds.add(r['order_id']);
      if (quotation?.id === r['order_id']) quotation = undefined;
      summarised = undefined;
    }
  }
  const shown = summarised && reply?.includes(summarised.name) ? summarised : undefined;
  const offer = reply ? visitOffer(records, reply) : undefined;
  if (offer && !partner) partner = foundCustomer(records);
  return {
    partner,
    quotation,
    orderIds: [...orderIds].slice(-20),
    pendingConfirmation: shown
      ? {
          tool: 'odoo_confirm_quotation',
          target: { orderId: shown.id },
          summary: reply!.slice(0, 600),
          at: now.toISOString(),
        }
      : offer && partner
        ? {
            tool: 'odoo_book_appointment',
            target: { start: offer[0]! },
            summary: offerSummary(reply!, offer),
            at: now.toISOString(),
          }
        : touched
          ? undefined
          : before.pendingConfirmation,
  };
}

/** The free slots this turn found that the reply shows (its time and day of month are in the text). */
function visitOffer(records: ToolCallRecord[], reply: string): string[] | undefined {
  const found = records.findLast((r) => r.tool === 'odoo_free_slots' && r.ok);
  if (!found || records.some((r) => r.tool === 'odoo_book_appointment')) return undefined;
  const slots = ((found.result?.['slots'] as Array<{ local?: unknown }> | undefined) ?? []).map((s) =>
    String(s.local ?? ''),
  );
  const shown = slots.filter(
    (local) =>
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(local) &&
      reply.includes(local.slice(11)) &&
      new RegExp(`\\b${Number(local.slice(8, 10))}\\b`).test(reply),
  );
  return shown.length > 0 ? shown : undefined;
}

/** The one customer a name search found this turn (the customer gave their name to book a visit). */
function foundCustomer(records: ToolCallRecord[]): Facts['partner'] {
  const found = records.findLast((r) => r.tool === 'odoo_find_customers' && r.ok);
  const customers = (found?.result?.['customers'] as Array<{ id: number; name: string }> | undefined) ?? [];
  return customers.length === 1
    ? { id: customers[0]!.id, name: customers[0]!.name, verified: false }
    : undefined;
}
