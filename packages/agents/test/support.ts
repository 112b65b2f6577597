import { fileURLToPath } from 'node:url';
import {
  Secret,
  tenantId,
  type ConversationState,
  type CrewName,
  type TenantConfig,
  type Turn,
} from '@mcp-crew/core';
import { loadCrews, type LoadedCrew } from '@mcp-crew/crews';
import { makeInboundMessage } from '@mcp-crew/testing';
import type { SpecialistResult } from '@mcp-crew/core';

export const CREWS_DIR = fileURLToPath(new URL('../../../crews', import.meta.url));

/** The demo tenant pointed at a sandbox started by the test. */
export function demoTenant(odooUrl: string): TenantConfig {
  return {
    id: tenantId('demo'),
    name: 'Pinturas El Arcoíris',
    language: 'es',
    timezone: 'America/Bogota',
    enabled: true,
    chatwoot: { allowUnsignedWebhooks: false },
    odoo: {
      url: odooUrl,
      db: 'sandbox',
      user: 'admin',
      apiKey: new Secret('sandbox-admin-key'),
      protocol: 'jsonrpc',
      allowWrites: true,
      sandbox: true,
    },
    inboxCrews: {},
    defaultCrew: 'webchat',
    enabledSpecialists: ['sales', 'scheduling', 'business_rules', 'support'],
  };
}

export async function crew(name: CrewName = 'whatsapp'): Promise<LoadedCrew> {
  const crews = await loadCrews(CREWS_DIR);
  return crews.get(name)!;
}

export function turnOf(
  content: string,
  sender: { name: string; phone?: string; email?: string } = { name: 'Cliente' },
  conversationId = 9001,
): Turn {
  return {
    tenantId: tenantId('demo'),
    conversationId,
    messages: [makeInboundMessage({ content, conversationId, sender: { id: 7, ...sender } })],
  };
}

/** Applies a turn's result to the state the way the pipeline does. */
export function nextState(
  state: ConversationState,
  said: string,
  result: SpecialistResult,
): ConversationState {
  const at = new Date().toISOString();
  return {
    ...state,
    ...result.state,
    history: [
      ...state.history,
      { role: 'customer', text: said, at },
      ...result.replies.map((text) => ({ role: 'bot' as const, text, at })),
    ],
  };
}
