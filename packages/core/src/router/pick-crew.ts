import type { InboundMessage } from '../message/message.js';
import type { CrewName, TenantConfig } from '../tenant/tenant.js';

/** Why a crew was chosen: the tenant mapped the inbox, the channel type has a crew, or nothing matched. */
export type CrewPickReason = 'inbox_mapping' | 'channel' | 'default';

export interface CrewPick {
  crew: CrewName;
  reason: CrewPickReason;
}

// Chatwoot channel types that have a crew of their own. Channel::FacebookPage is handled apart:
// Instagram DMs can arrive through a Facebook page.
const CREW_BY_CHANNEL: Readonly<Record<string, CrewName>> = {
  'Channel::Whatsapp': 'whatsapp',
  'Channel::Instagram': 'instagram',
  'Channel::Email': 'email',
  'Channel::WebWidget': 'webchat',
};

/**
 * Picks the crew for a message: the tenant's inbox mapping first (a Mercado Livre API inbox reaches
 * `mercadolivre` this way), then the channel type, then the tenant's default crew.
 */
export function pickCrew(message: InboundMessage, tenant: TenantConfig): CrewPick {
  const key = String(message.inboxId);
  // hasOwn: a plain object also "has" constructor, toString, ... through its prototype.
  const mapped = Object.hasOwn(tenant.inboxCrews, key) ? tenant.inboxCrews[key] : undefined;
  if (mapped) return { crew: mapped, reason: 'inbox_mapping' };

  if (message.channel === 'Channel::FacebookPage') {
    const instagram = message.channelAttributes['type'] === 'instagram_direct_message';
    return { crew: instagram ? 'instagram' : 'facebook', reason: 'channel' };
  }
  const byChannel = CREW_BY_CHANNEL[message.channel];
  if (byChannel) return { crew: byChannel, reason: 'channel' };
  return { crew: tenant.defaultCrew, reason: 'default' };
}
