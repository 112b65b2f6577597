import { z } from 'zod';
import { AUDIT_KINDS } from '@mcp-crew/core';
import { defineTool } from './tool.js';

export const recentInteractionsForContact = defineTool({
  name: 'interactions_recent_for_contact',
  title: "A contact's recent interactions",
  description:
    'What the system recently did for this Chatwoot contact (Odoo writes such as quotations and orders, handoffs to a human), newest first.',
  input: {
    contact_id: z.number().int().positive().describe('Chatwoot contact id'),
    limit: z.number().int().min(1).max(50).default(10),
  },
  output: {
    interactions: z.array(
      z.object({
        at: z.string(),
        kind: z.enum(AUDIT_KINDS),
        tool: z.string(),
        outcome: z.enum(['ok', 'error']),
        conversation_id: z.number().nullable(),
        arguments: z.unknown(),
        result: z.unknown().optional(),
      }),
    ),
  },
  async run({ contact_id, limit }, ctx) {
    const entries = await ctx.auditLog.list(ctx.tenant, { contactId: contact_id, limit });
    const interactions = entries
      .filter((e) => e.kind !== 'config_change')
      .map((e) => ({
        at: e.at,
        kind: e.kind,
        tool: e.tool,
        outcome: e.outcome,
        conversation_id: e.conversationId ?? null,
        arguments: e.arguments,
        ...(e.result !== undefined ? { result: e.result } : {}),
      }));
    return {
      result: { interactions },
      text: interactions.length
        ? interactions.map((i) => `${i.at} ${i.tool} ${i.outcome}`).join('\n')
        : `No recorded interactions for contact ${contact_id}.`,
    };
  },
});
