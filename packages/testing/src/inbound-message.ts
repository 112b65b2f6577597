import { tenantId, type InboundMessage } from '@mcp-crew/core';

let sequence = 0;

/**
 * A realistic WhatsApp message for the demo tenant (a Colombian paint shop). Each call gets fresh
 * delivery and message ids unless the overrides set them.
 */
export function makeInboundMessage(overrides: Partial<InboundMessage> = {}): InboundMessage {
  sequence++;
  const messageId = overrides.messageId ?? 50_000 + sequence;
  return {
    tenantId: tenantId('demo'),
    deliveryId: `delivery-${process.pid}-${sequence}-${messageId}`,
    accountId: 1,
    conversationId: 42,
    inboxId: 3,
    inboxName: 'WhatsApp Pinturas',
    messageId,
    channel: 'Channel::Whatsapp',
    channelAttributes: {},
    content: 'Hola, ¿tienen pintura blanca para interiores en galón?',
    contentType: 'text',
    sender: { id: 7, name: 'Camila Rodríguez', phone: '+573001234567' },
    createdAt: new Date().toISOString(),
    receivedAt: Date.now(),
    ...overrides,
  };
}
