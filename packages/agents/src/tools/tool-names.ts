import type { SEARCH_KNOWLEDGE_TOOL } from '@mcp-crew/knowledge';
import type { OdooToolName, OdooToolOutput } from '@mcp-crew/mcp-odoo';
import type { ToolCallRecord } from './tool-call-record.js';

/** The tool the specialists offer for "a person should take this": the pipeline does the handoff. */
export const HANDOFF_TOOL = 'handoff_to_human' as const;

/** Every tool a specialist may be given: MCP-Odoo's, MCP-Knowledge's search and the handoff. */
export type AgentToolName = OdooToolName | typeof SEARCH_KNOWLEDGE_TOOL | typeof HANDOFF_TOOL;

/**
 * The structured result of a successful call to one of `names`, typed by that tool's output schema;
 * undefined for any other record (another tool, a failure, a refusal).
 */
export function outputOf<N extends OdooToolName>(
  record: ToolCallRecord,
  ...names: N[]
): OdooToolOutput<N> | undefined {
  return record.ok && record.result && (names as string[]).includes(record.tool)
    ? (record.result as OdooToolOutput<N>)
    : undefined;
}
