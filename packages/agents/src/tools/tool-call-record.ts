export type { ToolCallRecord } from '@mcp-crew/core';

/** What a model gets back from a tool: the result, or an error it can read. */
export type ToolReply = { text: string; result?: Record<string, unknown> } | { error: string };
