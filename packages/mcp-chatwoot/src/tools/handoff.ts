import { z } from 'zod';
import { conversationId, defineTool, labelName, messageContent, refOf } from './tool.js';

/** The label every handoff carries, so agents can filter the conversations the bot gave up. */
export const HANDOFF_LABEL = 'bot-handoff';

export const handoffToHuman = defineTool({
  name: 'chatwoot_handoff_to_human',
  title: 'Hand the conversation to a human',
  description:
    'Gives the conversation to the human agents: a private note saying why, labels, and status "open". After this the bot stays silent in the conversation. Tell the customer first with chatwoot_send_message.',
  annotations: {
    title: 'Hand the conversation to a human',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: false,
  },
  input: {
    conversation_id: conversationId,
    reason: messageContent.describe(
      'What the customer needs and why a human should take over, for the agents',
    ),
    labels: z.array(labelName).max(10).optional().describe(`Extra labels besides "${HANDOFF_LABEL}"`),
  },
  output: {
    conversation_id: z.number(),
    status: z.literal('open'),
    note_id: z.number(),
    labels: z.array(z.string()),
  },
  async run({ conversation_id, reason, labels }, ctx) {
    const ref = refOf(ctx, conversation_id);
    // Note and labels first: once the status is open a human may look at once and should see why.
    const note = await ctx.gateway.addPrivateNote(ref, `Handoff from the bot: ${reason}`);
    const all = await ctx.gateway.addLabels(ref, [HANDOFF_LABEL, ...(labels ?? [])]);
    await ctx.gateway.toggleStatus(ref, 'open');
    return {
      result: { conversation_id, status: 'open' as const, note_id: note.id, labels: all },
      text: `Conversation ${conversation_id} handed to a human (status open, labels ${all.join(', ')}). Do not reply further.`,
    };
  },
});
