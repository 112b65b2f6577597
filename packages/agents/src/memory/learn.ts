import type { ConversationState, SpecialistResult } from '@mcp-crew/core';
import type { ToolCallRecord } from '../tools/tool-call-record.js';
import { isCallOf, outputOf, type AgentToolName } from '../tools/tool-names.js';
import { offerSummary } from './offered-slots.js';
import { asksToCancel } from '../guards/cancel-request.js';

type Facts = Pick<ConversationState, 'partner' | 'quotation' | 'orderIds' | 'pendingConfirmation'>;
// Tools whose use ends whatever confirmation was pending (the quotation changed, it was carried out, or
// the offer changed).
const TOUCHING: AgentToolName[] = [
  'odoo_create_quotation',
  'odoo_update_quotation_lines',
  'odoo_confirm_quotation',
  'odoo_cancel_quotation',
  'odoo_book_appointment',
  'odoo_free_slots',
];

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
  /** The customer's message: a cancel request read back to them ("¿la cancelo?") waits for their yes. */
  said = '',
): NonNullable<SpecialistResult['state']> {
  let { partner, quotation } = before;
  const orderIds = new Set(before.orderIds ?? []);
  let summarised: { id: number; name: string } | undefined;
  const touched = records.some((r) => isCallOf(r, ...TOUCHING));
  for (const record of records) {
    // A customer record this conversation created is linked to it, like one found by phone or e-mail:
    // identified by what the customer gave, not by a typed name.
    const customer = outputOf(record, 'odoo_upsert_customer');
    if (customer?.created && !partner?.verified)
      partner = { id: customer.id, name: customer.name, verified: true };
    const order = outputOf(record, 'odoo_create_quotation', 'odoo_update_quotation_lines');
    if (order) {
      quotation = { id: order.order_id, name: order.name };
      orderIds.add(order.order_id);
      if (!partner && order.customer_id !== undefined)
        partner = { id: order.customer_id, name: order.customer ?? '', verified: false };
      summarised = order.state === 'draft' || order.state === 'sent' ? quotation : undefined;
    }
    const closed = outputOf(record, 'odoo_confirm_quotation', 'odoo_cancel_quotation');
    if (closed) {
      orderIds.add(closed.order_id);
      if (quotation?.id === closed.order_id) quotation = undefined;
      summarised = undefined;
    }
  }
  const shown = summarised && reply?.includes(summarised.name) ? summarised : undefined;
  const cancelling = !touched && reply ? cancelOffer(quotation, records, reply, said) : undefined;
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
      : cancelling
        ? {
            tool: 'odoo_cancel_quotation',
            target: { orderId: cancelling.id },
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

/**
 * The working quotation, when the customer asked to cancel it and the reply asks about it by name: the
 * cancellation then waits for their yes like a confirmation. (The reply may name it by reference or just ask
 * "¿Cancelo la cotización?".)
 */
function cancelOffer(
  quotation: Facts['quotation'],
  records: ToolCallRecord[],
  reply: string,
  said: string,
): Facts['quotation'] {
  if (!quotation || !asksToCancel(said) || !(reply.includes(quotation.name) || asksToCancel(reply)))
    return undefined;
  // A question, not a refusal or a report: "¿Cancelo la S00005?".
  return records.some((r) => !r.ok) || !reply.includes('?') ? undefined : quotation;
}

/** The free slots this turn found that the reply shows (its time and day of month are in the text). */
function visitOffer(records: ToolCallRecord[], reply: string): string[] | undefined {
  const found = records.map((r) => outputOf(r, 'odoo_free_slots')).findLast(Boolean);
  if (!found || records.some((r) => isCallOf(r, 'odoo_book_appointment'))) return undefined;
  const slots = found.slots.map((s) => s.local);
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
  const found = records.map((r) => outputOf(r, 'odoo_find_customers')).findLast(Boolean);
  const customers = found?.customers ?? [];
  return customers.length === 1
    ? { id: customers[0]!.id, name: customers[0]!.name, verified: false }
    : undefined;
}
