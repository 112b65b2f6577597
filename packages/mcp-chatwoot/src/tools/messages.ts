import { z } from 'zod';
import { conversationId, defineTool, messageContent, refOf } from './tool.js';

export const sendMessage = defineTool({
  name: 'chatwoot_send_message',
  title: 'Reply to the customer',
  description:
    'Sends a public reply to the customer in the conversation (it reaches their WhatsApp, e-mail, ... at once).',
  annotations: {
    title: 'Reply to the customer',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  input: {
    conversation_id: conversationId,
    content: messageContent.describe('The reply, already fitted to the channel'),
  },
  output: { conversation_id: z.number(), message_id: z.number() },
  async run({ conversation_id, content }, ctx) {
    const { id } = await ctx.gateway.sendMessage(refOf(ctx, conversation_id), { content });
    return {
      result: { conversation_id, message_id: id },
      text: `Reply sent in conversation ${conversation_id} (message ${id}).`,
    };
  },
});

export const addPrivateNote = defineTool({
  name: 'chatwoot_add_private_note',
  title: 'Add a private note',
  description: 'Adds a note only the business’s agents see (never the customer).',
  annotations: {
    title: 'Add a private note',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: false,
  },
  input: {
    conversation_id: conversationId,
    content: messageContent.describe('The note for the human agents'),
  },
  output: { conversation_id: z.number(), message_id: z.number() },
  async run({ conversation_id, content }, ctx) {
    const { id } = await ctx.gateway.addPrivateNote(refOf(ctx, conversation_id), content);
    return {
      result: { conversation_id, message_id: id },
      text: `Private note added to conversation ${conversation_id}.`,
    };
  },
});
