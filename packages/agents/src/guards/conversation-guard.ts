import type { ConversationState } from '@mcp-crew/core';
import type { AfterDecision, BeforeDecision, ToolGate } from '../tools/tool-gate.js';
import type { AgentToolName } from '../tools/tool-names.js';
import { withoutBackOfficeLinks } from './back-office-links.js';
import { isCommitting } from './committing-tools.js';
import { offeredSlots } from '../memory/offered-slots.js';
import { isExplicitYes } from './explicit-yes.js';
import { yesToSlot } from './slot-choice.js';

type Output = { text: string; result?: Record<string, unknown> };

/**
 * The conversation's guard over tool calls. Committing tools need a pending confirmation for exactly that
 * action and target plus an explicit yes as the customer's latest message (once per turn). Orders are read
 * only for the conversation's own customer or the orders it created; customer searches never return other
 * people's contact data.
 *
 * Identity before writes: a customer is linked to the conversation only through the Chatwoot contact's phone
 * or e-mail, or as a record this conversation created (`partner.verified`). A name typed in the chat is a
 * claim: no quotation, booking or confirmation is made on that customer's account, and no customer-specific
 * price is looked up for them.
 */
export class ConversationGuard implements ToolGate {
  #committed = false;
  /** Customers this turn created (a new customer who gave a name and an e-mail or phone): linked like the channel's. */
  readonly #created = new Set<number>();
  /** Orders whose lines this turn changed: the summary the customer said yes to no longer describes them. */
  readonly #changed = new Set<number>();

  constructor(
    private readonly state: Pick<
      ConversationState,
      'partner' | 'quotation' | 'orderIds' | 'pendingConfirmation'
    >,
    private readonly latestText: string,
    /** `staff`: an internal user of the business (the Odoo copilot) acts for any customer they name. */
    private readonly options: { staff?: boolean } = {},
  ) {}

  before(tool: string, input: Record<string, unknown>): BeforeDecision {
    if (isCommitting(tool)) return this.committing(tool, input);
    const partner = this.state.partner;
    // Typed names: a misspelt case is a compile error, not a guard that never fires.
    switch (tool as AgentToolName) {
      case 'odoo_list_customer_orders':
        if (!partner?.verified)
          return {
            refuse: "orders are listed only for a customer identified by the contact's phone or e-mail",
          };
        if (
          input['customer_id'] !== undefined &&
          input['customer_id'] !== partner.id &&
          input['customer_id'] !== partner.companyId
        )
          return { refuse: 'orders of another customer are not shown' };
        // A company's contact sees the company's orders, as in Odoo's portal.
        return { run: { ...input, customer_id: partner.companyId ?? partner.id } };
      case 'odoo_get_customer':
        return partner && input['customer_id'] === partner.id
          ? { run: input }
          : { refuse: "only the conversation's own customer record can be read" };
      case 'odoo_create_quotation':
        if (!this.linked(input['customer_id'])) return { refuse: NOT_LINKED };
        return { run: input };
      case 'odoo_search_products':
      case 'odoo_get_product':
        // A customer's pricelist price is theirs: only for the linked customer, else the public price.
        return this.linked(input['customer_id']) ? { run: input } : { run: withoutKey(input, 'customer_id') };
      case 'odoo_create_lead':
      case 'odoo_open_ticket':
        return input['customer_id'] === undefined || this.linked(input['customer_id'])
          ? { run: input }
          : { run: withoutKey(input, 'customer_id') };
      case 'odoo_update_quotation_lines': {
        const id = this.orderIdOf(input);
        return this.ownsOrder(id)
          ? { run: { ...withoutKey(input, 'order_name'), order_id: id } }
          : { refuse: 'only the quotation of this conversation can be changed' };
      }
      case 'odoo_upsert_customer':
        return input['customer_id'] === undefined && !partner
          ? { run: input }
          : { refuse: 'customer records are changed by a person' };
      default:
        return { run: input };
    }
  }

  after(name: string, input: Record<string, unknown>, output: Output): AfterDecision {
    const decision = this.afterCall(name, input, output);
    // What a customer's model reads carries no back-office links; staff (the copilot) and the records keep them.
    return 'pass' in decision && !this.options.staff
      ? { pass: decision.pass, toModel: withoutBackOfficeLinks(decision.pass) }
      : decision;
  }

  private afterCall(name: string, _input: Record<string, unknown>, output: Output): AfterDecision {
    const tool = name as AgentToolName;
    if (tool === 'odoo_find_customers') return { pass: withoutContactData(output) };
    if (tool === 'odoo_update_quotation_lines' && typeof output.result?.['order_id'] === 'number')
      this.#changed.add(output.result['order_id']);
    if (
      tool === 'odoo_upsert_customer' &&
      output.result?.['created'] === true &&
      typeof output.result['id'] === 'number'
    )
      this.#created.add(output.result['id']);
    if (tool === 'odoo_get_order' || tool === 'odoo_order_status') {
      const order =
        (tool === 'odoo_get_order'
          ? output.result
          : (output.result?.['order'] as Record<string, unknown> | undefined)) ?? {};
      const mine =
        this.ownsOrder(order['order_id']) ||
        (this.state.partner?.verified === true &&
          (order['customer_id'] === this.state.partner.id ||
            (this.state.partner.companyId !== undefined &&
              order['customer_id'] === this.state.partner.companyId)));
      return mine
        ? { pass: output }
        : { refuse: "that order does not belong to this conversation's customer" };
    }
    return { pass: output };
  }

  private committing(tool: string, input: Record<string, unknown>): BeforeDecision {
    const pending = this.state.pendingConfirmation;
    if (this.#committed) return { refuse: 'only one committing action per message' };
    if (!pending || pending.tool !== tool)
      return {
        refuse: `${tool} needs the customer's explicit yes to a summary of exactly this action, and none is pending`,
      };
    const booking = tool === 'odoo_book_appointment';
    const yes = booking ? yesToSlot(this.latestText) !== undefined : isExplicitYes(this.latestText, tool);
    if (!yes) return { refuse: "the customer's latest message is not an explicit yes" };
    const target = pending.target;
    if (target.orderId !== undefined && !this.ownsOrder(target.orderId))
      return { refuse: 'only an order this conversation created can be confirmed or cancelled' };
    if (target.orderId !== undefined && this.#changed.has(target.orderId))
      return {
        refuse:
          'the quotation changed after the customer saw its summary: show them the new one and wait for their yes',
      };
    if (target.orderId !== undefined) {
      // By id or by reference ("S00005"), as the tool's schema allows: both must name the order shown.
      if (this.orderIdOf(input) !== target.orderId)
        return { refuse: 'the action is not the one the customer was shown' };
      input = { ...withoutKey(input, 'order_name'), order_id: target.orderId };
    }
    if (booking) {
      const start = input['start_local'] ?? input['start'];
      const shown = [target.start, ...offeredSlots(pending)];
      if (typeof start !== 'string' || !shown.includes(start))
        return { refuse: 'the slot is not one the customer was shown' };
      if (!this.linked(input['customer_id'])) return { refuse: NOT_LINKED };
    }
    this.#committed = true;
    return { run: input };
  }

  /** Whether `customerId` is the customer linked to this conversation by channel identity or creation. */
  private linked(customerId: unknown): boolean {
    if (this.options.staff) return true;
    if (typeof customerId === 'number' && this.#created.has(customerId)) return true;
    const partner = this.state.partner;
    return partner?.verified === true && typeof customerId === 'number' && customerId === partner.id;
  }

  /**
   * The order a tool call names, by `order_id`, by `order_name` (the conversation's quotation reference,
   * any case, with or without a leading "#") or by both when they agree; undefined when it names none,
   * an order this conversation does not know by that reference, or two different orders.
   */
  private orderIdOf(input: Record<string, unknown>): number | undefined {
    const byId = input['order_id'];
    const name = input['order_name'];
    if (name === undefined) return typeof byId === 'number' ? byId : undefined;
    const quotation = this.state.quotation;
    const byName =
      typeof name === 'string' && quotation && sameReference(name, quotation.name) ? quotation.id : undefined;
    if (byName === undefined) return undefined;
    return byId === undefined || byId === byName ? byName : undefined;
  }

  private ownsOrder(id: unknown): boolean {
    return (
      typeof id === 'number' && (this.state.quotation?.id === id || (this.state.orderIds ?? []).includes(id))
    );
  }
}

const NOT_LINKED =
  "this customer is not linked to the conversation by the contact's phone or e-mail (a typed name is not enough): a person must check who is writing";

/** "S00005", "s00005", "#S00005 " are one reference. */
function sameReference(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[^\p{L}\p{N}/-]/gu, '').toUpperCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

function withoutKey(input: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = input;
  return rest;
}

/** Ids and names only: a search by name must not reveal anyone's phone, e-mail or document. */
function withoutContactData(output: Output): Output {
  const customers = ((output.result?.['customers'] as Array<Record<string, unknown>> | undefined) ?? []).map(
    (c) => ({ id: c['id'], name: c['name'], isCompany: c['isCompany'] }),
  );
  const text =
    customers.length === 0
      ? output.text
      : customers.map((c) => `#${String(c.id)} ${String(c.name)}`).join('\n');
  return { text, result: { ...output.result, customers } };
}
