import { foldText } from '@mcp-crew/core';
import type { ErpExpectation } from '../scenario/schema.js';
import type { EvalErpReader } from './target.js';

/** The ERP models a scenario's expectations look at, by the name scenarios use. */
const MODELS = {
  orders: 'sale.order',
  partners: 'res.partner',
  leads: 'crm.lead',
  events: 'calendar.event',
  tickets: 'project.task',
} as const;
type Kind = keyof typeof MODELS;

/** The highest id of each model when a scenario starts (what is above it, the scenario created); -1: not installed. */
export type ErpMark = Record<Kind, number>;

const ABSENT = -1;

export async function markErp(erp: EvalErpReader): Promise<ErpMark> {
  const entries = await Promise.all(
    (Object.entries(MODELS) as Array<[Kind, string]>).map(async ([kind, model]) => {
      try {
        const [last] = await erp.searchRead(model, [], ['id'], { order: 'id desc', limit: 1 });
        return [kind, Number(last?.['id'] ?? 0)] as const;
      } catch {
        // An Odoo without the module (no Project, no CRM): only scenarios expecting those records fail.
        return [kind, ABSENT] as const;
      }
    }),
  );
  return Object.fromEntries(entries) as ErpMark;
}

export interface OrderView {
  id: number;
  name: string;
  state: string;
  partner: string;
  partnerId: number;
  amountTotal: number;
  lines: Array<{ product: string; qty: number }>;
}

const fold = (text: string) => foldText(text).replace(/\s+/g, ' ').trim();
export const includesFolded = (haystack: string, needle: string) => fold(haystack).includes(fold(needle));

async function ordersWhere(erp: EvalErpReader, domain: unknown[]): Promise<OrderView[]> {
  const orders = await erp.searchRead('sale.order', domain, ['name', 'state', 'partner_id', 'amount_total'], {
    order: 'id asc',
  });
  if (orders.length === 0) return [];
  const lines = await erp.searchRead(
    'sale.order.line',
    [['order_id', 'in', orders.map((o) => o['id'])]],
    ['order_id', 'product_id', 'product_uom_qty', 'display_type'],
  );
  return orders.map((o) => ({
    id: Number(o['id']),
    name: String(o['name']),
    state: String(o['state']),
    partner: Array.isArray(o['partner_id']) ? String(o['partner_id'][1]) : '',
    partnerId: Array.isArray(o['partner_id']) ? Number(o['partner_id'][0]) : 0,
    amountTotal: Number(o['amount_total']),
    lines: lines
      .filter(
        (l) => Array.isArray(l['order_id']) && l['order_id'][0] === o['id'] && Array.isArray(l['product_id']),
      )
      .map((l) => ({
        product: String((l['product_id'] as [number, string])[1]),
        qty: Number(l['product_uom_qty']),
      })),
  }));
}

/** Orders the scenario created, oldest first. */
export function newOrders(erp: EvalErpReader, mark: ErpMark): Promise<OrderView[]> {
  return ordersWhere(erp, [['id', '>', mark.orders]]);
}

function checkOrder(
  expected: NonNullable<ErpExpectation['orders']>[number],
  order: OrderView,
  mark: ErpMark,
): string[] {
  const problems: string[] = [];
  if (expected.partnerId === 'new' && order.partnerId <= mark.partners)
    problems.push(`existing customer #${order.partnerId}, expected one created in the conversation`);
  if (typeof expected.partnerId === 'number' && order.partnerId !== expected.partnerId)
    problems.push(`customer #${order.partnerId}, expected #${expected.partnerId}`);
  if (expected.state && order.state !== expected.state)
    problems.push(`state ${order.state}, expected ${expected.state}`);
  if (expected.partner && !includesFolded(order.partner, expected.partner))
    problems.push(`customer "${order.partner}", expected "${expected.partner}"`);
  for (const line of expected.lines ?? []) {
    const found = order.lines.find((l) => includesFolded(l.product, line.product));
    if (!found) problems.push(`no line for "${line.product}"`);
    else if (line.qty !== undefined && found.qty !== line.qty)
      problems.push(`"${found.product}" × ${found.qty}, expected × ${line.qty}`);
  }
  if (expected.exactLines && order.lines.length !== (expected.lines ?? []).length)
    problems.push(`${order.lines.length} lines, expected exactly ${(expected.lines ?? []).length}`);
  for (const product of expected.withoutProducts ?? []) {
    if (order.lines.some((l) => includesFolded(l.product, product)))
      problems.push(`has "${product}", which must not be there`);
  }
  return problems;
}

const describeOrder = (o: OrderView) =>
  `${o.name} (${o.state}, ${o.partner}: ${o.lines.map((l) => `${l.qty} × ${l.product}`).join(', ') || 'no lines'})`;

async function checkOrders(erp: EvalErpReader, mark: ErpMark, expected: ErpExpectation): Promise<string[]> {
  const problems: string[] = [];
  const created = await newOrders(erp, mark);
  if (expected.newOrders !== undefined && created.length !== expected.newOrders) {
    problems.push(
      `${created.length} new order(s), expected ${expected.newOrders}${created.length ? `: ${created.map(describeOrder).join('; ')}` : ''}`,
    );
  }
  for (const id of expected.noOrdersFor ?? []) {
    const theirs = created.filter((o) => o.partnerId === id);
    if (theirs.length)
      problems.push(`new order(s) on customer #${id}'s account: ${theirs.map(describeOrder).join('; ')}`);
  }
  for (const want of expected.orders ?? []) {
    const pool = want.name ? await ordersWhere(erp, [['name', '=', want.name]]) : created;
    const label = want.name ?? 'a new order';
    if (pool.length === 0) {
      problems.push(`${label}: not found`);
      continue;
    }
    // Any matching order satisfies the expectation; otherwise report against the latest one.
    const results = pool.map((order) => ({ order, issues: checkOrder(want, order, mark) }));
    if (!results.some((r) => r.issues.length === 0)) {
      const last = results[results.length - 1]!;
      problems.push(`${label}: ${last.issues.join(', ')} in ${describeOrder(last.order)}`);
    }
  }
  return problems;
}

async function checkRecords(
  erp: EvalErpReader,
  mark: ErpMark,
  kind: Exclude<Kind, 'orders' | 'partners'>,
  want: Array<{ name?: string }> | undefined,
  count: number | undefined,
): Promise<string[]> {
  if (!want && count === undefined) return [];
  if (mark[kind] === ABSENT)
    return [`${MODELS[kind]} is not installed in this Odoo, so no ${kind} could be checked`];
  const created = await erp.searchRead(MODELS[kind], [['id', '>', mark[kind]]], ['name'], {
    order: 'id asc',
  });
  const names = created.map((r) => String(r['name']));
  const problems: string[] = [];
  if (count !== undefined && created.length !== count)
    problems.push(
      `${created.length} new ${kind}, expected ${count}${names.length ? ` (${names.join('; ')})` : ''}`,
    );
  for (const w of want ?? []) {
    if (!names.some((n) => !w.name || includesFolded(n, w.name)))
      problems.push(`no new ${kind.replace(/s$/, '')}${w.name ? ` named like "${w.name}"` : ''}`);
  }
  return problems;
}

async function checkPartners(erp: EvalErpReader, mark: ErpMark, expected: ErpExpectation): Promise<string[]> {
  if (!expected.partners && expected.newPartners === undefined) return [];
  const created = await erp.searchRead(
    'res.partner',
    [['id', '>', mark.partners]],
    ['name', 'email', 'phone'],
    { order: 'id asc' },
  );
  const problems: string[] = [];
  if (expected.newPartners !== undefined && created.length !== expected.newPartners) {
    problems.push(
      `${created.length} new customer(s), expected ${expected.newPartners}${created.length ? ` (${created.map((p) => p['name']).join('; ')})` : ''}`,
    );
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const digits = (v: string) => v.replace(/\D/g, '');
  for (const want of expected.partners ?? []) {
    const ok = created.some(
      (p) =>
        (!want.name || includesFolded(text(p['name']), want.name)) &&
        (!want.email || text(p['email']).toLowerCase() === want.email.toLowerCase()) &&
        (!want.phone || digits(text(p['phone'])).endsWith(digits(want.phone).slice(-10))),
    );
    if (!ok) problems.push(`no new customer like ${JSON.stringify(want)}`);
  }
  return problems;
}

/** Every way the ERP's end state differs from the expectation (empty: it matches). */
export async function checkErp(
  erp: EvalErpReader,
  mark: ErpMark,
  expected: ErpExpectation | undefined,
): Promise<string[]> {
  if (!expected) return [];
  const all = await Promise.all([
    checkOrders(erp, mark, expected),
    checkPartners(erp, mark, expected),
    checkRecords(erp, mark, 'leads', expected.leads, expected.newLeads),
    checkRecords(erp, mark, 'events', expected.events, expected.newEvents),
    checkRecords(erp, mark, 'tickets', expected.tickets, expected.newTickets),
  ]);
  return all.flat().map((p) => `ERP: ${p}`);
}
