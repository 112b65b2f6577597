import type { ChatwootGateway, ConversationRef } from '@mcp-crew/core';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { McpTool } from '@mcp-crew/mcp-kit';

export interface ChatwootToolContext {
  gateway: ChatwootGateway;
  /** The one Chatwoot account this server acts in; a model can never pick another. */
  accountId: number;
}

/** A Chatwoot tool; Chatwoot tools carry their own annotations. */
export type ChatwootTool<
  I extends z.ZodRawShape = z.ZodRawShape,
  O extends z.ZodRawShape = z.ZodRawShape,
> = McpTool<ChatwootToolContext, I, O> & {
  annotations: ToolAnnotations;
};

/** Keeps each tool's input and output types tied to its schemas. */
export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(
  tool: ChatwootTool<I, O>,
): ChatwootTool<I, O> {
  return tool;
}

export const conversationId = z
  .number()
  .int()
  .positive()
  .describe("The conversation's display id, as in the webhook's conversation.id");

/** Chatwoot's own limit on a message's length; channels' shorter limits are applied before this. */
export const messageContent = z.string().trim().min(1).max(150_000);

/** Chatwoot label names: letters, digits, `-` and `_`, stored lower-case. */
export const labelName = z
  .string()
  .regex(/^[\p{L}\p{N}_-]{1,255}$/u, 'labels may hold letters, digits, - and _ only')
  .transform((l) => l.toLowerCase());

export function refOf(ctx: ChatwootToolContext, id: number): ConversationRef {
  return { accountId: ctx.accountId, conversationId: id };
}
