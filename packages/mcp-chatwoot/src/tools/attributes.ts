import { z } from 'zod';
import { conversationId, defineTool, labelName, refOf } from './tool.js';

export const addLabels = defineTool({
  name: 'chatwoot_add_labels',
  title: 'Label the conversation',
  description:
    'Adds labels to the conversation, keeping the ones it has. Labels must already exist in the Chatwoot account.',
  annotations: {
    title: 'Label the conversation',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  input: { conversation_id: conversationId, labels: z.array(labelName).min(1).max(20) },
  output: { conversation_id: z.number(), labels: z.array(z.string()) },
  async run({ conversation_id, labels }, ctx) {
    const all = await ctx.gateway.addLabels(refOf(ctx, conversation_id), labels);
    return {
      result: { conversation_id, labels: all },
      text: `Conversation ${conversation_id} labels: ${all.join(', ') || '(none)'}.`,
    };
  },
});

const attributeValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

export const setCustomAttributes = defineTool({
  name: 'chatwoot_set_custom_attributes',
  title: 'Set conversation attributes',
  description:
    'Sets custom attributes on the conversation (e.g. order number, city). Given keys are overwritten; others are kept.',
  annotations: {
    title: 'Set conversation attributes',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: false,
  },
  input: {
    conversation_id: conversationId,
    attributes: z
      .record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'attribute keys are snake_case'), attributeValue)
      .refine((a) => Object.keys(a).length > 0, 'give at least one attribute'),
  },
  output: { conversation_id: z.number(), updated: z.array(z.string()) },
  async run({ conversation_id, attributes }, ctx) {
    await ctx.gateway.setCustomAttributes(refOf(ctx, conversation_id), attributes);
    const updated = Object.keys(attributes);
    return {
      result: { conversation_id, updated },
      text: `Conversation ${conversation_id}: set ${updated.join(', ')}.`,
    };
  },
});
