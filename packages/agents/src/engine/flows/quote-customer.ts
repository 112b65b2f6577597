import { foldText } from '@mcp-crew/core';
import type { AgentToolCall } from '../step.js';
import { customerNameIn, isOnlyAName } from '../parse-items.js';
import type { PromptView } from '../prompt-view.js';
import { data, resultOf } from '../step.js';

export interface QuoteCustomer {
  id: number;
  name: string;
}

type Call = AgentToolCall;

/** Where finding the quotation's customer stands: found, a tool call to make, or what to ask the customer. */
export type CustomerStep =
  | { customer: QuoteCustomer }
  | { calls: Call[] }
  | { ask: 'name_and_contact' | 'contact' }
  | { registered: string };

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+?\d[\d\s().-]{8,}\d)/;
const NAME_LIKE = /^[\p{Lu}][\p{L}'-]+(?:\s+[\p{Lu}][\p{L}'-]+)+$/u;

/** The e-mail and phone the customer typed, else the ones the channel gave. */
function contactDetails(view: PromptView): { email?: string; phone?: string } {
  const texts = [view.text, ...[...view.earlier].reverse()];
  const email = texts.map((t) => EMAIL.exec(t)?.[0]).find(Boolean) ?? view.context?.contact.email;
  const typedPhone = texts.map((t) => PHONE.exec(t.replace(EMAIL, ' '))?.[0]).find(Boolean);
  const phone = typedPhone?.replace(/[^\d+]/g, '') ?? view.context?.contact.phone;
  return { ...(email ? { email: email.toLowerCase() } : {}), ...(phone ? { phone } : {}) };
}

/** The name the customer gave ("soy…", "me llamo…", or "Camila Rojas, camila@…"), else a full name from the channel. */
export function givenName(view: PromptView): string | undefined {
  for (const text of [view.text, ...[...view.earlier].reverse()]) {
    const introduced = customerNameIn(text);
    if (introduced && introduced.includes(' ')) return introduced;
    // "Sara Gil", answering "¿a nombre de quién?".
    if (isOnlyAName(text)) return text.trim();
    // "Camila Rojas, camila.rojas@example.com": a name written beside the e-mail.
    const beside = text
      .replace(EMAIL, '')
      .replace(/[,;:()\n]+/g, ' ')
      .trim();
    if (EMAIL.test(text) && NAME_LIKE.test(beside)) return beside;
  }
  const channel = view.context?.contact.name?.trim();
  return channel && NAME_LIKE.test(channel) ? channel : undefined;
}

const same = (a: string, b: string) =>
  foldText(a)
    .split(/\s+/)
    .every((w) => foldText(b).split(/\s+/).includes(w));

/**
 * Whether a found customer holds the contact detail typed: the same e-mail, or the same phone number (one's
 * digits end the other's, country code or not). The search is fuzzy on phone digits (a Brazilian number can
 * match a Colombian one by its last seven digits in order); a near match is not the customer's account.
 */
export function sameContact(typed: string, email?: string, phone?: string): boolean {
  if (typed.includes('@')) return !!email && email.trim().toLowerCase() === typed.trim().toLowerCase();
  const a = typed.replace(/\D/g, '');
  const b = (phone ?? '').replace(/\D/g, '');
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 7 && long.endsWith(short);
}

/**
 * The customer a quotation is for. The channel's identity (phone, e-mail) found them before this flow ran; a
 * typed name is a claim, never an identity, so it alone never attaches the conversation to an existing
 * customer. A new customer who gives a name and an e-mail or phone is created (`odoo_upsert_customer`);
 * one whose name or contact details are already on file is asked to write from the registered number or e-mail.
 */
export function customerForQuote(view: PromptView): CustomerStep {
  const partner = view.context?.partner;
  if (partner?.verified) return { customer: partner };
  const name = givenName(view);
  const { email, phone } = contactDetails(view);
  if (!name) return { ask: email || phone ? 'name_and_contact' : 'name_and_contact' };
  if (!email && !phone) return { ask: 'contact' };
  // Contact details or a name already on file belong to someone's account: typed here, they prove nothing,
  // so the customer is asked to write from the registered number or e-mail (or a person helps) instead.
  // Both looked up in one step.
  const queries = [email ?? phone!, name];
  const asked = queries.filter((query) => !resultOf(view, 'odoo_find_customers', { query }));
  if (asked.length > 0)
    return { calls: asked.map((query): Call => ['odoo_find_customers', { query, limit: 2 }]) };
  for (const query of queries) {
    const found = resultOf(view, 'odoo_find_customers', { query });
    const existing = data(found)?.customers ?? [];
    if (
      query !== name
        ? existing.some((c) => sameContact(query, c.email, c.phone))
        : existing.some((c) => same(name, c.name))
    )
      return { registered: name };
  }
  const created = data(resultOf(view, 'odoo_upsert_customer'));
  if (created) return { customer: { id: created.id, name: created.name } };
  return {
    calls: [['odoo_upsert_customer', { name, ...(email ? { email } : {}), ...(phone ? { phone } : {}) }]],
  };
}
