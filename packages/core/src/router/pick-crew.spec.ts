import type { InboundMessage } from '../message/message.js';
import { tenantId, type TenantConfig } from '../tenant/tenant.js';
import { pickCrew } from './pick-crew.js';

const tenant: TenantConfig = {
  id: tenantId('pinturas-demo'),
  name: 'Pinturas El Arcoíris',
  language: 'es',
  timezone: 'America/Bogota',
  enabled: true,
  chatwoot: { allowUnsignedWebhooks: false },
  inboxCrews: { '7': 'mercadolivre', '9': 'email' },
  defaultCrew: 'webchat',
  enabledSpecialists: ['sales', 'scheduling', 'business_rules', 'support'],
};

function message(
  channel: string,
  inboxId = 1,
  channelAttributes: Record<string, unknown> = {},
): InboundMessage {
  return {
    tenantId: tenant.id,
    deliveryId: 'd-1',
    accountId: 1,
    conversationId: 10,
    inboxId,
    messageId: 100,
    channel,
    channelAttributes,
    content: 'hola',
    contentType: 'text',
    sender: { id: 5, name: 'Ana' },
    createdAt: '2025-01-01T00:00:00Z',
    receivedAt: 0,
  };
}

describe('pickCrew', () => {
  it.each([
    ['Channel::Whatsapp', 'whatsapp'],
    ['Channel::FacebookPage', 'facebook'],
    ['Channel::Instagram', 'instagram'],
    ['Channel::Email', 'email'],
    ['Channel::WebWidget', 'webchat'],
  ] as const)('maps %s to the %s crew', (channel, crew) => {
    expect(pickCrew(message(channel), tenant)).toEqual({ crew, reason: 'channel' });
  });

  it('sends Instagram DMs that arrive through a Facebook page to the instagram crew', () => {
    const dm = message('Channel::FacebookPage', 1, { type: 'instagram_direct_message' });
    expect(pickCrew(dm, tenant)).toEqual({ crew: 'instagram', reason: 'channel' });
  });

  it('prefers the inbox mapping over the channel type', () => {
    expect(pickCrew(message('Channel::Api', 7), tenant)).toEqual({
      crew: 'mercadolivre',
      reason: 'inbox_mapping',
    });
    expect(pickCrew(message('Channel::WebWidget', 9), tenant)).toEqual({
      crew: 'email',
      reason: 'inbox_mapping',
    });
  });

  it.each(['Channel::Api', 'Channel::Telegram', 'Channel::Sms', 'Channel::Line'])(
    'falls back to the default crew for %s without a mapping',
    (channel) => {
      expect(pickCrew(message(channel, 3), tenant)).toEqual({ crew: 'webchat', reason: 'default' });
    },
  );

  it('does not read inherited properties as an inbox mapping', () => {
    expect(pickCrew(message('Channel::Api', 'constructor' as unknown as number), tenant).reason).toBe(
      'default',
    );
  });
});
