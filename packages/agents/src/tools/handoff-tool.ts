import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import type { Handoff } from '@mcp-crew/core';
import { HANDOFF_TOOL } from '../engine/step.js';

const REASONS = ['customer_asked', 'out_of_scope', 'repeated_failure', 'processing_failed', 'escalation_rule', 'angry_customer'] as const;

/**
 * `handoff_to_human`: the model asks for a person; the pipeline does the handoff (private note, labels,
 * status open) after the turn, so it happens once and in order.
 */
export function handoffTool(requests: Handoff[]) {
  return createTool({
    id: HANDOFF_TOOL,
    description: 'Hand the conversation to a person: when the customer asks for one, is upset, wants something out of scope, or tools keep failing. Give the reason and a short note for the person.',
    inputSchema: z.object({ reason: z.enum(REASONS), note: z.string().min(1).max(2000) }),
    execute: async (input: { reason: (typeof REASONS)[number]; note: string }) => {
      requests.push({ reason: input.reason, note: input.note });
      return { text: 'A person will take over this conversation. Do not add anything else.' };
    },
  });
}
