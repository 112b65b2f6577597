import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import { HANDOFF_TOOL } from '../engine/step.js';
import { turnValues } from '../turn/turn-context.js';

const REASONS = [
  'customer_asked',
  'out_of_scope',
  'repeated_failure',
  'processing_failed',
  'escalation_rule',
  'angry_customer',
] as const;

/**
 * `handoff_to_human`: the model asks for a person; the request lands in the turn's context and the pipeline
 * does the handoff (private note, labels, status open) after the turn, so it happens once and in order.
 */
export const handoffTool = createTool({
  id: HANDOFF_TOOL,
  description:
    'Hand the conversation to a person (the customer asks for one, is upset or out of scope, tools keep failing), with the reason and a short note for them.',
  inputSchema: z.object({ reason: z.enum(REASONS), note: z.string().min(1).max(2000) }),
  // Shown as written, not rewritten for strict mode (see toMastraTools).
  strict: false,
  execute: async (input: { reason: (typeof REASONS)[number]; note: string }, { requestContext }) => {
    turnValues(requestContext).handoffs.push({ reason: input.reason, note: input.note });
    return { text: 'A person will take over this conversation. Do not add anything else.' };
  },
});
