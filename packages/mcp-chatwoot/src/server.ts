import type { ChatwootGateway } from '@mcp-crew/core';
import { registerMcpTools } from '@mcp-crew/mcp-kit';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { addLabels, setCustomAttributes } from './tools/attributes.js';
import { getConversation } from './tools/conversation.js';
import { handoffToHuman } from './tools/handoff.js';
import { addPrivateNote, sendMessage } from './tools/messages.js';
import type { ChatwootTool, ChatwootToolContext } from './tools/tool.js';

/** Every MCP-Chatwoot tool, in the order a client lists them. */
export const CHATWOOT_TOOLS: readonly ChatwootTool[] = [
  sendMessage,
  addPrivateNote,
  addLabels,
  setCustomAttributes,
  handoffToHuman,
  getConversation,
] as unknown as ChatwootTool[];

export interface ChatwootMcpServerOptions {
  /** The Chatwoot account every tool acts in. */
  accountId: number;
}

/**
 * Builds MCP-Chatwoot over a gateway (HTTP to a real Chatwoot, or the console stand-in). Failures come back
 * as `isError` results carrying the `CrewError` code, never as transport errors.
 */
export function buildChatwootMcpServer(
  gateway: ChatwootGateway,
  options: ChatwootMcpServerOptions,
): McpServer {
  const server = new McpServer({ name: 'mcp-chatwoot', version: '0.1.0' });
  const ctx: ChatwootToolContext = { gateway, accountId: options.accountId };
  registerMcpTools(server, CHATWOOT_TOOLS, ctx, { fallbackCode: 'CHATWOOT_TOOL_FAILED' });
  return server;
}
