import { customerRequests, type ConversationState, type CrewName, type Language } from '@mcp-crew/core';

/** What the deterministic summary of a finished conversation is built from. */
export interface SummaryInput {
  conversationId: number;
  /** Chatwoot's contact id (never the phone or e-mail). */
  contactId: number;
  channel: string;
  crew: CrewName;
  language: Language;
  /** When the conversation was resolved (ISO-8601). */
  resolvedAt: string;
  state: ConversationState;
}

const LABELS: Record<
  Language,
  Record<
    'title' | 'date' | 'channel' | 'contact' | 'requests' | 'quotation' | 'orders' | 'handoff' | 'none',
    string
  >
> = {
  es: {
    title: 'Resumen de la conversación',
    date: 'Fecha',
    channel: 'Canal',
    contact: 'Contacto',
    requests: 'Lo que pidió el cliente',
    quotation: 'Cotización en Odoo',
    orders: 'Pedidos en Odoo',
    handoff: 'Pasó a una persona',
    none: 'ninguno',
  },
  pt: {
    title: 'Resumo da conversa',
    date: 'Data',
    channel: 'Canal',
    contact: 'Contato',
    requests: 'O que o cliente pediu',
    quotation: 'Cotação no Odoo',
    orders: 'Pedidos no Odoo',
    handoff: 'Passou para uma pessoa',
    none: 'nenhum',
  },
  en: {
    title: 'Conversation summary',
    date: 'Date',
    channel: 'Channel',
    contact: 'Contact',
    requests: 'What the customer asked for',
    quotation: 'Quotation in Odoo',
    orders: 'Orders in Odoo',
    handoff: 'Handed to a person',
    none: 'none',
  },
};

// Enough to recall what the conversation was about without storing the whole transcript.
const MAX_REQUESTS = 6;
const MAX_REQUEST_CHARS = 200;

/**
 * An extractive summary of a finished conversation, in the crew's language: the customer's requests
 * (their own words, phone numbers and e-mail addresses taken out), what was done in Odoo, whether and why
 * it went to a person. Deterministic: the same state gives the same text, so re-resolving is idempotent.
 */
export function buildConversationSummary(input: SummaryInput): string {
  const say = LABELS[input.language];
  const { state } = input;
  const requests = customerRequests(state.history, {
    max: MAX_REQUESTS,
    maxChars: MAX_REQUEST_CHARS,
    redact: input.language,
  }).map((text) => `- ${text}`);
  const lines = [
    `${say.title} #${input.conversationId}`,
    `${say.date}: ${input.resolvedAt.slice(0, 10)}`,
    `${say.channel}: ${input.channel} (crew ${input.crew})`,
    `${say.contact}: chatwoot:contact/${input.contactId}${state.partner ? ` · Odoo partner ${state.partner.id}` : ''}`,
    `${say.requests}:`,
    ...(requests.length ? requests : [`- ${say.none}`]),
    `${say.quotation}: ${state.quotation?.name ?? say.none}`,
    `${say.orders}: ${state.orderIds?.length ? state.orderIds.map((id) => `#${id}`).join(', ') : say.none}`,
  ];
  if (state.lastHandoff)
    lines.push(`${say.handoff}: ${state.lastHandoff.reason} (${state.lastHandoff.at.slice(0, 10)})`);
  return lines.join('\n');
}
