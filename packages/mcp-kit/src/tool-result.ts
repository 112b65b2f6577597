import { isCrewError } from '@mcp-crew/core';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** A successful tool result: a short text a model reads, and the structured result the output schema describes. */
export function toolSuccess(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

/**
 * A failed tool result (`isError: true`) that names the error code, so a model can tell "not found" from
 * "try later" instead of the call failing at the transport. Unknown errors are not described: their
 * messages may hold internals.
 */
export function toolFailure(error: unknown, fallbackCode = 'TOOL_FAILED'): CallToolResult {
  const code = isCrewError(error) ? error.code : fallbackCode;
  const message = isCrewError(error) ? error.message : 'the tool failed unexpectedly';
  const retry = isCrewError(error) && error.retryable ? ' (temporary; may succeed later)' : '';
  return { isError: true, content: [{ type: 'text', text: `${code}: ${message}${retry}` }] };
}
