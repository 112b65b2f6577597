import type { ToolCallRecord, TouchedRecord } from '@mcp-crew/core';

type Result = Record<string, unknown>;

/** Which record each write tool touched, read from its structured result. */
const WRITES: Record<string, (r: Result) => TouchedRecord | undefined> = {
  odoo_create_quotation: order,
  odoo_update_quotation_lines: order,
  odoo_confirm_quotation: order,
  odoo_cancel_quotation: order,
  odoo_create_lead: (r) => record('crm.lead', r['lead_id'], r['title'], r['form_url']),
  odoo_open_ticket: (r) =>
    record(String(r['model'] ?? 'helpdesk.ticket'), r['ticket_id'], r['subject'], r['form_url']),
  odoo_book_appointment: (r) => record('calendar.event', r['event_id'], r['title'], r['form_url']),
  odoo_upsert_customer: (r) => record('res.partner', r['customer_id'] ?? r['id'], r['name'], r['form_url']),
};

function order(r: Result): TouchedRecord | undefined {
  return record('sale.order', r['order_id'], r['name'], r['form_url']);
}

function record(model: string, id: unknown, name: unknown, url: unknown): TouchedRecord | undefined {
  if (typeof id !== 'number') return undefined;
  return {
    model,
    id,
    displayName: typeof name === 'string' && name ? name : `${model},${id}`,
    ...(typeof url === 'string' ? { url } : {}),
  };
}

/** The records a turn's successful write calls touched, each once (the last state wins). */
export function touchedRecords(calls: readonly ToolCallRecord[]): TouchedRecord[] {
  const found = new Map<string, TouchedRecord>();
  for (const call of calls) {
    const pick = WRITES[call.tool];
    const touched = call.ok && call.result ? pick?.(call.result) : undefined;
    if (touched) found.set(`${touched.model}/${touched.id}`, touched);
  }
  return [...found.values()];
}
