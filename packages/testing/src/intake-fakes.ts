import { Secret, tenantId, type InboundMessage, type InboundQueue, type TenantConfig } from '@mcp-crew/core';

/** The demo tenant as the webhook intake sees it, signing with `secret`. */
export function demoTenant(secret: string, overrides: Partial<TenantConfig> = {}): TenantConfig {
  return {
    id: tenantId('demo'),
    name: 'Pinturas El Arcoíris',
    chatwootAccountId: 3,
    language: 'es',
    timezone: 'America/Bogota',
    enabled: true,
    chatwoot: { webhookSecret: new Secret(secret), allowUnsignedWebhooks: false },
    inboxCrews: {},
    defaultCrew: 'webchat',
    enabledSpecialists: ['sales'],
    ...overrides,
  };
}

/** A queue that keeps what was accepted, dedupes per tenant and delivery id, and can be made to fail. */
export class RecordingQueue implements InboundQueue {
  readonly messages: InboundMessage[] = [];
  failing = false;

  async enqueue(message: InboundMessage) {
    if (this.failing) throw new Error('connection refused');
    const seen = this.messages.some(
      (m) => m.tenantId === message.tenantId && m.deliveryId === message.deliveryId,
    );
    if (!seen) this.messages.push(message);
    return { accepted: !seen };
  }

  async startWorker() {}

  async isReady() {
    return true;
  }

  async close() {}
}
