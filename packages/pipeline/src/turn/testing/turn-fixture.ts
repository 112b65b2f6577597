import {
  crewDefinitionSchema,
  Secret,
  tenantId,
  type CrewDefinition,
  type SpecialistKind,
  type TenantConfig,
  type Turn,
} from '@mcp-crew/core';
import { makeInboundMessage } from '@mcp-crew/testing';
import { TurnProcessor, type TurnProcessorDeps } from '../turn-processor.js';

// Shared by the turn specs: the demo tenant, its webchat crew and a processor wired with inert fakes, so each
// spec states only the fakes its assertions read.

/** The demo tenant (Chatwoot only, no Odoo) with the given specialists enabled. */
export function testTenant(enabledSpecialists: SpecialistKind[] = ['sales']): TenantConfig {
  return {
    id: tenantId('demo'),
    name: 'Pinturas El Arcoíris',
    language: 'es',
    timezone: 'America/Bogota',
    enabled: true,
    chatwoot: { webhookSecret: new Secret('x'), allowUnsignedWebhooks: false },
    inboxCrews: {},
    defaultCrew: 'webchat',
    enabledSpecialists,
  };
}

/** The `webchat` crew: plain text, sales by default, escalating on "hablar con una persona". */
export function webchatCrew(members: SpecialistKind[] = ['sales']): CrewDefinition {
  return crewDefinitionSchema.parse({
    name: 'webchat',
    description: 'x',
    language: 'es',
    tone: 'x',
    greeting: 'x',
    members,
    defaultSpecialist: 'sales',
    escalation: { keywords: ['hablar con una persona'] },
    policy: { maxLength: 4000, format: 'plain' },
  });
}

/**
 * A processor for the demo tenant and its webchat crew that always selects `sales`, starts every conversation
 * empty, stores nothing and logs nowhere; `deps` replaces any of those (and must give the specialists and gateway).
 */
export function turnProcessor(
  deps: Pick<TurnProcessorDeps, 'specialists' | 'gateway'> & Partial<TurnProcessorDeps>,
): TurnProcessor {
  const tenant = testTenant();
  return new TurnProcessor({
    tenants: { get: async () => tenant, list: async () => [tenant] },
    crews: new Map([['webchat', webchatCrew()]]),
    selector: { select: async () => ({ specialist: 'sales', confidence: 1, reason: 'test' }) } as never,
    state: { load: async () => ({ history: [] }), save: async () => undefined },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    ...deps,
  });
}

/** One web-widget message of the customer in conversation 1532. */
export const webTurn = (content: string): Turn => ({
  tenantId: tenantId('demo'),
  conversationId: 1532,
  messages: [
    makeInboundMessage({
      tenantId: tenantId('demo'),
      conversationId: 1532,
      content,
      messageId: 1,
      channel: 'Channel::WebWidget',
    }),
  ],
});

export const ATTEMPT = { attempt: 1, maxAttempts: 3 };
