import type { SEARCH_KNOWLEDGE_TOOL, SearchKnowledgeInput, SearchKnowledgeOutput } from '@mcp-crew/knowledge';
import type { OPENING_HOURS_TOOL, OpeningHoursOutput } from '@mcp-crew/mcp-mongodb';
import type { OdooToolInput, OdooToolName, OdooToolOutput } from '@mcp-crew/mcp-odoo';
import type { HandoffReason } from '@mcp-crew/core';
import type { ToolCallRecord } from './tool-call-record.js';

/** The tool the specialists offer for "a person should take this": the pipeline does the handoff. */
export const HANDOFF_TOOL = 'handoff_to_human' as const;

/**
 * Every tool a specialist may be given: MCP-Odoo's, MCP-Knowledge's search, MCP-MongoDB's opening hours
 * (the tenant's `opening_hours` business data) and the handoff.
 */
export type AgentToolName =
  OdooToolName | typeof SEARCH_KNOWLEDGE_TOOL | typeof OPENING_HOURS_TOOL | typeof HANDOFF_TOOL;

/** The arguments a tool takes, from its input schema. */
export type AgentToolInput<N extends AgentToolName> = N extends OdooToolName
  ? OdooToolInput<N>
  : N extends typeof SEARCH_KNOWLEDGE_TOOL
    ? SearchKnowledgeInput
    : N extends typeof OPENING_HOURS_TOOL
      ? Record<string, never>
      : { reason: HandoffReason; note: string };

/** The structured result a tool returns, from its output schema. */
export type AgentToolOutput<N extends AgentToolName> = N extends OdooToolName
  ? OdooToolOutput<N>
  : N extends typeof SEARCH_KNOWLEDGE_TOOL
    ? SearchKnowledgeOutput
    : N extends typeof OPENING_HOURS_TOOL
      ? OpeningHoursOutput
      : Record<string, never>;

/** One tool call with arguments that fit that tool's schema. */
export type AgentToolCall = { [N in AgentToolName]: [tool: N, input: AgentToolInput<N>] }[AgentToolName];

/** Whether a record is a call of one of `names` (a misspelt name is a compile error, not a miss). */
export function isCallOf(record: Pick<ToolCallRecord, 'tool'>, ...names: AgentToolName[]): boolean {
  return (names as string[]).includes(record.tool);
}

/**
 * The structured result of a successful call to one of `names`, typed by that tool's output schema;
 * undefined for any other record (another tool, a failure, a refusal).
 */
export function outputOf<N extends OdooToolName>(
  record: ToolCallRecord,
  ...names: N[]
): OdooToolOutput<N> | undefined {
  return record.ok && record.result && isCallOf(record, ...names)
    ? (record.result as OdooToolOutput<N>)
    : undefined;
}
