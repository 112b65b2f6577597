import { z } from 'zod';
import { conversationId, defineTool, refOf } from './tool.js';

export const getConversation = defineTool({
  name: 'chatwoot_get_conversation',
  title: 'Read the conversation',
  description:
    'Reads the conversation’s status (pending = the bot has it, open = a human has it), labels and custom attributes.',
  annotations: {
    title: 'Read the conversation',
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  input: { conversation_id: conversationId },
  output: {
    conversation_id: z.number(),
    status: z.enum(['open', 'pending', 'resolved', 'snoozed']),
    labels: z.array(z.string()),
    custom_attributes: z.record(z.string(), z.unknown()),
    inbox_id: z.number(),
    channel: z.string().optional(),
  },
  async run({ conversation_id }, ctx) {
    const c = await ctx.gateway.getConversation(refOf(ctx, conversation_id));
    const result = {
      conversation_id: c.id,
      status: c.status,
      labels: c.labels,
      custom_attributes: c.customAttributes,
      inbox_id: c.inboxId,
      ...(c.channel ? { channel: c.channel } : {}),
    };
    return {
      result,
      text: `Conversation ${c.id}: status ${c.status}, labels ${c.labels.join(', ') || '(none)'}${c.channel ? `, channel ${c.channel}` : ''}.`,
    };
  },
});
