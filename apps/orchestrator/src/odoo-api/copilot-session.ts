import { createHash } from 'node:crypto';
import type { CrewDefinition, CrewName, StaffCrewDefinition, TenantConfig } from '@mcp-crew/core';

/**
 * The conversation id that holds an Odoo user's copilot session in the conversation store. Negative, so it
 * can never be a Chatwoot conversation's id (always positive); derived from user and session, so another user
 * presenting the same session id gets a conversation of their own.
 */
export function copilotConversationId(userId: number, sessionId: string): number {
  const digest = createHash('sha256').update(`odoo-copilot\0${userId}\0${sessionId}`).digest();
  // 47 bits stay within Number.MAX_SAFE_INTEGER.
  return -(1 + (digest.readUIntBE(0, 6) % 2 ** 47));
}

/**
 * The internal-operations crew: the tenant's default crew (same specialists, prompts and tools) without any
 * customer-facing channel policy (plain text, long replies, no forbidden content, no escalation keywords).
 * Built in code rather than as `crews/internal.yaml`: CREW_NAMES is the set of crews that Chatwoot inboxes may
 * route to, and the internal crew must never answer a customer.
 */
export function internalCrew(
  crews: ReadonlyMap<CrewName, CrewDefinition>,
  tenant: TenantConfig,
): StaffCrewDefinition | undefined {
  const base = crews.get(tenant.defaultCrew) ?? crews.values().next().value;
  if (!base) return undefined;
  return {
    ...base,
    description: `Internal operations for ${tenant.name}: Odoo users ask, the crew acts in Odoo.`,
    tone:
      base.language === 'es'
        ? 'Colega de back-office: directo, preciso, sin saludos de cortesía.'
        : 'A back-office colleague: direct and precise.',
    escalation: { ...base.escalation, keywords: [] },
    policy: {
      maxLength: 150_000,
      format: 'plain',
      forbid: { phoneNumbers: false, emails: false, links: false, offPlatformPayment: [] },
    },
    // Staff, not customers: the agents use the staff guard and address the Odoo user (packages/agents, staff-context).
    audience: 'staff',
  };
}
