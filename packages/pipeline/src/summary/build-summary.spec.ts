import type { ConversationState } from '@mcp-crew/core';
import { buildConversationSummary, type SummaryInput } from './build-summary.js';

const state: ConversationState = {
  history: [
    { role: 'customer', text: 'Hola, necesito 2 galones de esmalte blanco', at: '2026-06-18T10:00:00.000Z' },
    {
      role: 'bot',
      text: 'Te preparé la cotización *S00042*. Total: $170.000',
      at: '2026-06-18T10:00:02.000Z',
    },
    {
      role: 'customer',
      text: 'sí, confírmala. Mi correo es ana@example.com y mi cel +57 300 123 4567',
      at: '2026-06-18T10:01:00.000Z',
    },
  ],
  partner: { id: 5, name: 'Ana Gómez', verified: true },
  quotation: { id: 42, name: 'S00042' },
  orderIds: [42],
  lastHandoff: { reason: 'customer_asked', at: '2026-06-18T10:05:00.000Z' },
};

const input: SummaryInput = {
  conversationId: 1532,
  contactId: 901,
  channel: 'Channel::Whatsapp',
  crew: 'whatsapp',
  language: 'es',
  resolvedAt: '2026-06-18T10:30:00.000Z',
  state,
};

describe('buildConversationSummary', () => {
  it("says what the customer asked, what was done in Odoo and the handoff, in the crew's language", () => {
    expect(buildConversationSummary(input)).toBe(
      [
        'Resumen de la conversación #1532',
        'Fecha: 2026-06-18',
        'Canal: Channel::Whatsapp (crew whatsapp)',
        'Contacto: chatwoot:contact/901 · Odoo partner 5',
        'Lo que pidió el cliente:',
        '- Hola, necesito 2 galones de esmalte blanco',
        '- sí, confírmala. Mi correo es [dato de contacto omitido] y mi cel [dato de contacto omitido]',
        'Cotización en Odoo: S00042',
        'Pedidos en Odoo: #42',
        'Pasó a una persona: customer_asked (2026-06-18)',
      ].join('\n'),
    );
  });

  it('never carries phone numbers or e-mail addresses, and is the same text for the same state', () => {
    const text = buildConversationSummary(input);
    expect(text).not.toMatch(/ana@example\.com|300 123 4567/);
    expect(buildConversationSummary(input)).toBe(text);
  });

  it('writes English for an English crew and says "none" where nothing happened', () => {
    const text = buildConversationSummary({ ...input, language: 'en', state: { history: [] } });
    expect(text).toContain('Conversation summary #1532');
    expect(text).toContain('What the customer asked for:\n- none');
    expect(text).toContain('Quotation in Odoo: none');
    expect(text).not.toContain('Handed to a person');
  });
});
